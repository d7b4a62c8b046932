import type { ComponentType } from 'react';
import { createBrowserRouter, useParams, type RouteObject } from 'react-router';
import { DashboardPage } from './dashboard/DashboardPage';
import { TargetsPage } from './dashboard/TargetsPage';
import { OrganizationCreatePage, OrganizationDetailPage, OrganizationEditPage, OrganizationListPage } from './entities/organizations/pages';
import { PlatformCreatePage, PlatformDetailPage, PlatformEditPage, PlatformListPage } from './entities/platforms/pages';
import { QualificationCreatePage, QualificationDetailPage, QualificationEditPage, QualificationListPage } from './entities/qualifications/pages';
import { RdInstitutionCreatePage, RdInstitutionDetailPage, RdInstitutionEditPage, RdInstitutionListPage } from './entities/rdInstitutions/pages';
import { ApplicationListPage } from './filings/ApplicationListPage';
import { ApplicationPage } from './filings/ApplicationPage';
import { ExpertPoolPage } from './filings/ExpertPoolPage';
import { InboxPage } from './filings/InboxPage';
import { NewApplicationPage } from './filings/NewApplicationPage';
import { NoticesPage } from './filings/NoticesPage';
import { RequireSignIn } from './filings/RequireSignIn';
import { ImportDetailPage } from './imports/ImportDetailPage';
import { ImportListPage } from './imports/ImportListPage';
import { ImportWizardPage } from './imports/ImportWizard';
import { IndicatorCataloguePage } from './indicators/IndicatorCataloguePage';
import { IndicatorPage } from './indicators/IndicatorPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { LoginPage } from './auth/LoginPage';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './layout/AppLayout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { TokenListPage } from './tokens/TokenListPage';
import { UserListPage } from './users/UserListPage';

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

/** /x, /x/new, /x/:id and /x/:id/edit for one registry resource. */
function entityRoutes(path: string, pages: EntityPages): RouteObject {
  return {
    path,
    children: [
      { index: true, Component: pages.list },
      { path: 'new', Component: pages.create },
      { path: ':id', element: <WithId page={pages.detail} /> },
      { path: ':id/edit', element: <WithId page={pages.edit} /> },
    ],
  };
}

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, Component: HomePage },
      { path: 'login', Component: LoginPage },
      { path: 'dashboard', Component: DashboardPage },
      {
        path: 'indicators',
        children: [
          { index: true, Component: IndicatorCataloguePage },
          { path: ':code', Component: IndicatorPage },
        ],
      },
      { path: 'targets', Component: TargetsPage },
      entityRoutes('organizations', { list: OrganizationListPage, create: OrganizationCreatePage, detail: OrganizationDetailPage, edit: OrganizationEditPage }),
      entityRoutes('rd-institutions', { list: RdInstitutionListPage, create: RdInstitutionCreatePage, detail: RdInstitutionDetailPage, edit: RdInstitutionEditPage }),
      entityRoutes('platforms', { list: PlatformListPage, create: PlatformCreatePage, detail: PlatformDetailPage, edit: PlatformEditPage }),
      entityRoutes('qualifications', { list: QualificationListPage, create: QualificationCreatePage, detail: QualificationDetailPage, edit: QualificationEditPage }),
      {
        path: 'imports',
        children: [
          { index: true, Component: ImportListPage },
          { path: 'new', Component: ImportWizardPage },
          { path: ':id', element: <WithId page={ImportDetailPage} /> },
        ],
      },
      {
        path: 'admin',
        children: [
          { path: 'users', element: <RequirePermission permission="users.manage"><UserListPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission permission="audit.read"><AuditLogPage /></RequirePermission> },
        ],
      },
      { path: 'tokens', element: <RequirePermission permission="tokens.manage"><TokenListPage /></RequirePermission> },
      {
        path: 'applications',
        children: [
          { index: true, element: <RequireSignIn><ApplicationListPage /></RequireSignIn> },
          { path: 'new', element: <RequirePermission permission="applications.write"><NewApplicationPage /></RequirePermission> },
          { path: ':id', element: <WithId page={ApplicationPage} /> },
        ],
      },
      { path: 'inbox', Component: InboxPage },
      { path: 'experts', element: <RequirePermission permission="experts.manage"><ExpertPoolPage /></RequirePermission> },
      { path: 'notices', Component: NoticesPage },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
