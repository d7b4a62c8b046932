/**
 * The menu entry of a page: the section whose path is the longest prefix of the page's path, by
 * whole segments (/admin/users/3 → /admin/users; /organizations-x is not /organizations).
 */
export function selectedSection(pathname: string, sectionPaths: readonly string[]): string {
  let best = '/';
  for (const path of sectionPaths) {
    const matches = path === '/' || pathname === path || pathname.startsWith(`${path}/`);
    if (matches && path.length > best.length) best = path;
  }
  return best;
}
