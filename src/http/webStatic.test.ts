import { describe, expect, it } from 'vitest';
import { pageFor } from './webStatic.js';

describe('the page a client-side route loads from', () => {
  it('is the portal\'s own entry under /portal, with or without a query', () => {
    expect(['/portal', '/portal/', '/portal/map?by=zone', '/portal/institutions/7', '/portal?x=1'].map(pageFor)).toEqual(Array(5).fill('portal.html'));
  });

  it('is the workspace\'s for every other page, one that only starts like the portal too', () => {
    expect(['/', '/dashboard', '/portals', '/portal-x', '/notices?portal=1'].map(pageFor)).toEqual(Array(5).fill('index.html'));
  });
});
