import { describe, expect, it } from 'vitest';
import { selectedSection } from './selectedSection';

const paths = ['/', '/organizations', '/imports', '/admin/users', '/admin/audit', '/tokens'];

describe('selectedSection', () => {
  it('picks the longest section path the page lies under', () => {
    expect(selectedSection('/organizations/42/edit', paths)).toBe('/organizations');
    expect(selectedSection('/admin/audit', paths)).toBe('/admin/audit');
    expect(selectedSection('/admin/users', paths)).toBe('/admin/users');
    expect(selectedSection('/tokens', paths)).toBe('/tokens');
  });

  it('matches whole segments only, and falls back to home', () => {
    expect(selectedSection('/organizationsx', paths)).toBe('/');
    expect(selectedSection('/admin', paths)).toBe('/');
    expect(selectedSection('/', paths)).toBe('/');
    expect(selectedSection('/login', paths)).toBe('/');
  });
});
