import { describe, expect, it } from 'vitest';
import { pageFor, visitorAtHome } from './webStatic.js';

describe('the page a client-side route loads from', () => {
  it('is the portal\'s own entry under /portal, with or without a query', () => {
    expect(['/portal', '/portal/', '/portal/map?by=zone', '/portal/institutions/7', '/portal?x=1'].map(pageFor)).toEqual(Array(5).fill('portal.html'));
  });

  it('is the workspace\'s for every other page, one that only starts like the portal too', () => {
    expect(['/', '/dashboard', '/portals', '/portal-x', '/notices?portal=1'].map(pageFor)).toEqual(Array(5).fill('index.html'));
  });
});

describe('a visitor at / (issue 16: the overview is for accounts)', () => {
  it('goes to the portal without a session cookie, with or without a query', () => {
    expect(visitorAtHome('/', undefined)).toBe(true);
    expect(visitorAtHome('/?lang=en', '')).toBe(true);
  });

  it('stays with a session cookie, and on every other page', () => {
    expect(visitorAtHome('/', 'abc')).toBe(false);
    for (const url of ['/login', '/notices', '/dashboard', '/portal']) expect(visitorAtHome(url, undefined), url).toBe(false);
  });
});
