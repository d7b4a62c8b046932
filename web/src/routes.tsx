import { createElement, type ComponentType, type ReactElement } from 'react';
import { createBrowserRouter, Outlet, useParams, type RouteObject } from 'react-router';
import type { Permission } from '../../src/domain/permissions';
import { loadPageTexts } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { loadFeedback } from './layout/feedback';
import { HomePage } from './pages/HomePage';
import { portalRoute } from './portal/routes';

type RecordPage = ComponentType<{ id: number }>;

/** Hands the `:id` segment to a record page as a number; anything else is not a page. */
function WithId({ page: Page, notFound: NotFound }: { page: RecordPage; notFound: ComponentType }) {
  const { id = '' } = useParams();
  if (!/^[1-9]\d{0,9}$/.test(id)) return <NotFound />;
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
 * first page (the overview) loads only the code it shows, not the charts, forms and wizards, nor
 * the pages' texts, nor the holders of messages and dialogs (`App.useApp()`).
 */
function lazyPage<M>(load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] {
  return async () => {
    const [module] = await Promise.all([load(), loadPageTexts(), loadFeedback()]);
    return { element: render(module) };
  };
}

/** A page for callers with `permission`; the guard (and its refusal page) loads with the page. */
function permittedPage<M>(permission: Permission, load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] {
  return lazyPage(
    () => Promise.all([load(), import('./auth/RequirePermission')]),
    ([m, { RequirePermission }]) => <RequirePermission permission={permission}>{render(m)}</RequirePermission>,
  );
}

/** A page for anyone signed in. */
function signedInPage<M>(load: () => Promise<M>, render: (module: M) => ReactElement): RouteObject['lazy'] {
  return lazyPage(
    () => Promise.all([load(), import('./filings/RequireSignIn')]),
    ([m, { RequireSignIn }]) => <RequireSignIn>{render(m)}</RequireSignIn>,
  );
}

/** A record page at `…/:id`, with the not-found page for an id that is not one. */
function recordPage<M>(load: () => Promise<M>, pick: (module: M) => RecordPage): RouteObject['lazy'] {
  return lazyPage(
    () => Promise.all([load(), import('./pages/NotFoundPage')]),
    ([m, { NotFoundPage }]) => <WithId page={pick(m)} notFound={NotFoundPage} />,
  );
}

/**
 * The registry's pages (dashboard, indicators, targets, lists and records): for accounts, as the
 * API's reads are (issue 16); a visitor is sent to sign in. The guard loads with the first of them.
 */
function forAccounts(children: RouteObject[]): RouteObject {
  return {
    lazy: async () => {
      const { RequirePermission } = await import('./auth/RequirePermission');
      return {
        element: (
          <RequirePermission permission="registry.read">
            <Outlet />
          </RequirePermission>
        ),
      };
    },
    children,
  };
}

/** /x, /x/new, /x/:id and /x/:id/edit for one registry resource, from the module of its pages. */
function entityRoutes<M>(path: string, load: () => Promise<M>, pagesOf: (module: M) => EntityPages): RouteObject {
  return {
    path,
    children: [
      { index: true, lazy: lazyPage(load, (m) => createElement(pagesOf(m).list)) },
      { path: 'new', lazy: lazyPage(load, (m) => createElement(pagesOf(m).create)) },
      { path: ':id', lazy: recordPage(load, (m) => pagesOf(m).detail) },
      { path: ':id/edit', lazy: recordPage(load, (m) => pagesOf(m).edit) },
    ],
  };
}

export const routes: RouteObject[] = [
  portalRoute,
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, Component: HomePage },
      { path: 'login', lazy: lazyPage(() => import('./auth/LoginPage'), (m) => <m.LoginPage />) },
      // Recruitment calls are public notices: anyone reads them (writing them needs an account).
      entityRoutes('recruitment-calls', () => import('./entities/talent/pages'), (m) => ({ list: m.RecruitmentCallListPage, create: m.RecruitmentCallCreatePage, detail: m.RecruitmentCallDetailPage, edit: m.RecruitmentCallEditPage })),
      forAccounts([
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
        entityRoutes('tech-contracts', () => import('./entities/techContracts/pages'), (m) => ({ list: m.TechContractListPage, create: m.TechContractCreatePage, detail: m.TechContractDetailPage, edit: m.TechContractEditPage })),
        entityRoutes('talent-introductions', () => import('./entities/talent/pages'), (m) => ({ list: m.TalentIntroductionListPage, create: m.TalentIntroductionCreatePage, detail: m.TalentIntroductionDetailPage, edit: m.TalentIntroductionEditPage })),
        entityRoutes('projects', () => import('./entities/achievements/pages'), (m) => ({ list: m.ProjectListPage, create: m.ProjectCreatePage, detail: m.ProjectDetailPage, edit: m.ProjectEditPage })),
        entityRoutes('achievements', () => import('./entities/achievements/pages'), (m) => ({ list: m.AchievementListPage, create: m.AchievementCreatePage, detail: m.AchievementDetailPage, edit: m.AchievementEditPage })),
        entityRoutes('transfers', () => import('./entities/achievements/pages'), (m) => ({ list: m.TransferListPage, create: m.TransferCreatePage, detail: m.TransferDetailPage, edit: m.TransferEditPage })),
        entityRoutes('incubations', () => import('./entities/achievements/pages'), (m) => ({ list: m.IncubationListPage, create: m.IncubationCreatePage, detail: m.IncubationDetailPage, edit: m.IncubationEditPage })),
        entityRoutes('ip-loans', () => import('./entities/ipLoans/pages'), (m) => ({ list: m.IpLoanListPage, create: m.IpLoanCreatePage, detail: m.IpLoanDetailPage, edit: m.IpLoanEditPage })),
      ]),
      {
        path: 'imports',
        children: [
          { index: true, lazy: lazyPage(() => import('./imports/ImportListPage'), (m) => <m.ImportListPage />) },
          { path: 'new', lazy: lazyPage(() => import('./imports/ImportWizard'), (m) => <m.ImportWizardPage />) },
          { path: ':id', lazy: recordPage(() => import('./imports/ImportDetailPage'), (m) => m.ImportDetailPage) },
        ],
      },
      {
        path: 'admin',
        children: [
          { path: 'users', lazy: permittedPage('users.manage', () => import('./users/UserListPage'), (m) => <m.UserListPage />) },
          { path: 'audit', lazy: permittedPage('audit.read', () => import('./audit/AuditLogPage'), (m) => <m.AuditLogPage />) },
        ],
      },
      { path: 'tokens', lazy: permittedPage('tokens.manage', () => import('./tokens/TokenListPage'), (m) => <m.TokenListPage />) },
      {
        path: 'applications',
        children: [
          { index: true, lazy: signedInPage(() => import('./filings/ApplicationListPage'), (m) => <m.ApplicationListPage />) },
          { path: 'new', lazy: permittedPage('applications.write', () => import('./filings/NewApplicationPage'), (m) => <m.NewApplicationPage />) },
          { path: ':id', lazy: recordPage(() => import('./filings/ApplicationPage'), (m) => m.ApplicationPage) },
        ],
      },
      { path: 'inbox', lazy: lazyPage(() => import('./filings/InboxPage'), (m) => <m.InboxPage />) },
      { path: 'experts', lazy: permittedPage('experts.manage', () => import('./filings/ExpertPoolPage'), (m) => <m.ExpertPoolPage />) },
      { path: 'notices', lazy: lazyPage(() => import('./filings/NoticesPage'), (m) => <m.NoticesPage />) },
      { path: 'analysis/market', lazy: permittedPage('tech_contracts.read', () => import('./marketAnalysis/MarketAnalysisPage'), (m) => <m.MarketAnalysisPage />) },
      { path: 'analysis/chains', lazy: permittedPage('chains.read', () => import('./chains/ChainsPage'), (m) => <m.ChainsPage />) },
      { path: 'analysis/graph', lazy: permittedPage('achievements.read', () => import('./graph/GraphPage'), (m) => <m.GraphPage />) },
      { path: 'tools/tech-sme-evaluation', lazy: lazyPage(() => import('./techSme/TechSmeEvaluationPage'), (m) => <m.TechSmeEvaluationPage />) },
      { path: '*', lazy: lazyPage(() => import('./pages/NotFoundPage'), (m) => <m.NotFoundPage />) },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
