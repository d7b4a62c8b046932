import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { metaQuery } from '../api/hooks';
import { ApiProblem } from '../api/problem';
import { initI18n } from '../i18n';
import { indicatorsQuery } from './api';
import { PORTAL } from './paths';
import { portalRoute } from './routes';

/**
 * The portal's own entry (portal.html): the public pages without the officers' workspace — no
 * antd, no workspace menu or session — so a phone's first visit loads little.
 */
const root = document.getElementById('root');
if (!root) throw new Error('portal.html has no #root element');

const MAX_RETRIES = 2;
/** A 4xx will not change on retry; a server or network error may. */
const retry = (failures: number, error: unknown) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failures < MAX_RETRIES;
const queryClient = new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: false, staleTime: 60_000 } } });

// While the texts load: the layout's code and the data every page (or the home) shows, so the
// first page does not wait for one round trip after another.
void import('./PortalLayout');
void queryClient.prefetchQuery(metaQuery);
if (window.location.pathname.replace(/\/$/, '') === PORTAL.home) void queryClient.prefetchQuery(indicatorsQuery);
await initI18n();
// After the texts (the portal's are in the core texts): the router starts loading the page's code at once.
const router = createBrowserRouter([portalRoute]);
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
