import type { ComponentType, ReactElement } from 'react';
import { createBrowserRouter, useParams, type RouteObject } from 'react-router';
import { RequireSignIn } from './filings/RequireSignIn';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

type RecordPage = ComponentType<{ id: number }>;

/** Hands the `:id` segment to a record page as a number; anything else is not a page. */
function WithId({ page: Page }: { page: RecordPage }) {
  const { id = '' } = useParams();
  if (!/^[1-9]\d{0,9}$/.test(id)) return <NotFoundPage />;
  return <Page id={Number(id)} />;
}

interface EntityPages {
  list: ComponentType;
  create: ComponentType;
  detail: RecordPage;
  edit: RecordPage;
}

/**
 * A page whose code loads on its first visit: each area of the app is a chunk of its own, so the
 * first page (the overview) loads only the code it shows, not the charts, forms and wizards.
 */
function lazyPage<M>(load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] {
  return async () => ({ element: render(await load()) });
}

/** /x, /x/new, /x/:id and /x/:id/edit for one registry resource, from the module of its pages. */
function entityRoutes<M>(path: string, load: () => Promise<M>, pagesOf: (module: M) => EntityPages): RouteObject {
  const page = (render: (pages: EntityPages) => ReactElement) => lazyPage(load, (m) => render(pagesOf(m)));
  return {
    path,
    children: [
      { index: true, lazy: page((p) => <p.list />) },
      { path: 'new', lazy: page((p) => <p.create />) },
      { path: ':id', lazy: page((p) => <WithId page={p.detail} />) },
      { path: ':id/edit', lazy: page((p) => <WithId page={p.edit} />) },
    ],
  };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, Component: HomePage },
      { path: 'login', lazy: lazyPage(() => import('./auth/LoginPage'), (m) => <m.LoginPage />) },
      { path: 'dashboard', lazy: lazyPage(() => import('./dashboard/DashboardPage'), (m) => <m.DashboardPage />) },
      {
        path: 'indicators',
        children: [
          { index: true, lazy: lazyPage(() => import('./indicators/IndicatorCataloguePage'), (m) => <m.IndicatorCataloguePage />) },
          { path: ':code', lazy: lazyPage(() => import('./indicators/IndicatorPage'), (m) => <m.IndicatorPage />) },
        ],
      },
      { path: 'targets', lazy: lazyPage(() => import('./dashboard/TargetsPage'), (m) => <m.TargetsPage />) },
      entityRoutes('organizations', () => import('./entities/organizations/pages'), (m) => ({ list: m.OrganizationListPage, create: m.OrganizationCreatePage, detail: m.OrganizationDetailPage, edit: m.OrganizationEditPage })),
      entityRoutes('rd-institutions', () => import('./entities/rdInstitutions/pages'), (m) => ({ list: m.RdInstitutionListPage, create: m.RdInstitutionCreatePage, detail: m.RdInstitutionDetailPage, edit: m.RdInstitutionEditPage })),
      entityRoutes('platforms', () => import('./entities/platforms/pages'), (m) => ({ list: m.PlatformListPage, create: m.PlatformCreatePage, detail: m.PlatformDetailPage, edit: m.PlatformEditPage })),
      entityRoutes('qualifications', () => import('./entities/qualifications/pages'), (m) => ({ list: m.QualificationListPage, create: m.QualificationCreatePage, detail: m.QualificationDetailPage, edit: m.QualificationEditPage })),
      {
        path: 'imports',
        children: [
          { index: true, lazy: lazyPage(() => import('./imports/ImportListPage'), (m) => <m.ImportListPage />) },
          { path: 'new', lazy: lazyPage(() => import('./imports/ImportWizard'), (m) => <m.ImportWizardPage />) },
          { path: ':id', lazy: lazyPage(() => import('./imports/ImportDetailPage'), (m) => <WithId page={m.ImportDetailPage} />) },
        ],
      },
      {
        path: 'admin',
        children: [
          { path: 'users', lazy: lazyPage(() => import('./users/UserListPage'), (m) => <RequirePermission permission="users.manage"><m.UserListPage /></RequirePermission>) },
          { path: 'audit', lazy: lazyPage(() => import('./audit/AuditLogPage'), (m) => <RequirePermission permission="audit.read"><m.AuditLogPage /></RequirePermission>) },
        ],
      },
      { path: 'tokens', lazy: lazyPage(() => import('./tokens/TokenListPage'), (m) => <RequirePermission permission="tokens.manage"><m.TokenListPage /></RequirePermission>) },
      {
        path: 'applications',
        children: [
          { index: true, lazy: lazyPage(() => import('./filings/ApplicationListPage'), (m) => <RequireSignIn><m.ApplicationListPage /></RequireSignIn>) },
          { path: 'new', lazy: lazyPage(() => import('./filings/NewApplicationPage'), (m) => <RequirePermission permission="applications.write"><m.NewApplicationPage /></RequirePermission>) },
          { path: ':id', lazy: lazyPage(() => import('./filings/ApplicationPage'), (m) => <WithId page={m.ApplicationPage} />) },
        ],
      },
      { path: 'inbox', lazy: lazyPage(() => import('./filings/InboxPage'), (m) => <m.InboxPage />) },
      { path: 'experts', lazy: lazyPage(() => import('./filings/ExpertPoolPage'), (m) => <RequirePermission permission="experts.manage"><m.ExpertPoolPage /></RequirePermission>) },
      { path: 'notices', lazy: lazyPage(() => import('./filings/NoticesPage'), (m) => <m.NoticesPage />) },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
