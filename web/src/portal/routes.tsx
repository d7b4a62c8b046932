import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
/** A portal page whose code loads on its first visit; its texts are in the core texts, loaded at start. */
function portalPage<M>(load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] {
  return async () => ({ element: render(await load()) });
}

/**
 * The public portal (web/src/portal/): its own layout and pages, each a chunk of its own. Served
 * by its own entry (portal.html, main.tsx: no workspace code, no antd) when a visitor arrives at
 * /portal…, and by the workspace's router when a link there leads to it.
 */
export const portalRoute: RouteObject = {
  path: '/portal',
  lazy: portalPage(() => import('./PortalLayout'), (m) => <m.PortalLayout />),
  children: [
    { index: true, lazy: portalPage(() => import('./PortalHomePage'), (m) => <m.PortalHomePage />) },
    { path: 'map', lazy: portalPage(() => import('./PortalMapPage'), (m) => <m.PortalMapPage />) },
    { path: 'indicators/:code', lazy: portalPage(() => import('./PortalIndicatorPage'), (m) => <m.PortalIndicatorPage />) },
    { path: 'platforms/:id', lazy: portalPage(() => import('./PortalProfilePage'), (m) => <m.PortalProfilePage kind="platform" />) },
    { path: 'institutions/:id', lazy: portalPage(() => import('./PortalProfilePage'), (m) => <m.PortalProfilePage kind="institution" />) },
    { path: 'search', lazy: portalPage(() => import('./PortalSearchPage'), (m) => <m.PortalSearchPage />) },
    { path: 'notices', lazy: portalPage(() => import('./PortalNoticesPage'), (m) => <m.PortalNoticesPage />) },
    { path: 'recruitment', lazy: portalPage(() => import('./PortalRecruitmentPage'), (m) => <m.PortalRecruitmentPage />) },
    { path: '*', lazy: portalPage(() => import('./PortalNotFound'), (m) => <m.PortalNotFound />) },
  ],
};
