import { AimOutlined, ApartmentOutlined, ApiOutlined, AppstoreOutlined, AuditOutlined, BarChartOutlined, BankOutlined, CalculatorOutlined, ContainerOutlined, DashboardOutlined, ExperimentOutlined, FileDoneOutlined, FundOutlined, HomeOutlined, InboxOutlined, KeyOutlined, MenuOutlined, NotificationOutlined, RocketOutlined, SafetyCertificateOutlined, ShareAltOutlined, SolutionOutlined, SwapOutlined, TeamOutlined, TrophyOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, theme, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../auth/session';
import { useCan } from '../auth/useCan';
import { UserMenu } from '../auth/UserMenu';
import { InboxBadge } from '../filings/InboxBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { selectedSection } from './selectedSection';
import { usePhone } from './usePhone';

/** Only a phone shows the menu in a drawer: a desktop's first page does not load its code. */
const Drawer = lazy(() => import('antd/es/drawer'));

/** Top-level sections, each shown to callers with its permission (the registry's to accounts only); the longest path the page lies under selects the menu entry. */
const SECTIONS = [
  { path: '/', key: 'home', icon: <HomeOutlined /> },
  { path: '/dashboard', key: 'dashboard', icon: <DashboardOutlined />, permission: 'registry.read' },
  { path: '/indicators', key: 'indicators', icon: <FundOutlined />, permission: 'registry.read' },
  { path: '/targets', key: 'targets', icon: <AimOutlined />, permission: 'registry.read' },
  { path: '/organizations', key: 'organizations', icon: <BankOutlined />, permission: 'registry.read' },
  { path: '/rd-institutions', key: 'rdInstitutions', icon: <ExperimentOutlined />, permission: 'registry.read' },
  { path: '/platforms', key: 'platforms', icon: <AppstoreOutlined />, permission: 'registry.read' },
  { path: '/qualifications', key: 'qualifications', icon: <SafetyCertificateOutlined />, permission: 'registry.read' },
  { path: '/tech-contracts', key: 'techContracts', icon: <ContainerOutlined />, permission: 'tech_contracts.read' },
  { path: '/talent-introductions', key: 'talentIntroductions', icon: <TeamOutlined />, permission: 'talent.read' },
  { path: '/recruitment-calls', key: 'recruitmentCalls', icon: <NotificationOutlined /> },
  { path: '/projects', key: 'projects', icon: <ExperimentOutlined />, permission: 'achievements.read' },
  { path: '/achievements', key: 'achievements', icon: <TrophyOutlined />, permission: 'achievements.read' },
  { path: '/transfers', key: 'transfers', icon: <SwapOutlined />, permission: 'achievements.read' },
  { path: '/incubations', key: 'incubations', icon: <RocketOutlined />, permission: 'achievements.read' },
  { path: '/ip-loans', key: 'ipLoans', icon: <SafetyCertificateOutlined />, permission: 'ip_loans.read' },
  { path: '/analysis/market', key: 'marketAnalysis', icon: <BarChartOutlined />, permission: 'tech_contracts.read' },
  { path: '/analysis/graph', key: 'graph', icon: <ShareAltOutlined />, permission: 'achievements.read' },
  { path: '/analysis/chains', key: 'chains', icon: <ApartmentOutlined />, permission: 'chains.read' },
  { path: '/notices', key: 'notices', icon: <NotificationOutlined /> },
  { path: '/tools/tech-sme-evaluation', key: 'techSme', icon: <CalculatorOutlined /> },
  { path: '/applications', key: 'applications', icon: <FileDoneOutlined />, signedIn: true },
  { path: '/inbox', key: 'inbox', icon: <InboxOutlined />, signedIn: true },
  { path: '/experts', key: 'experts', icon: <SolutionOutlined />, permission: 'experts.manage' },
  { path: '/imports', key: 'imports', icon: <UploadOutlined />, permission: 'imports.read' },
  { path: '/admin/users', key: 'users', icon: <TeamOutlined />, permission: 'users.manage' },
  { path: '/admin/audit', key: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/tokens', key: 'tokens', icon: <KeyOutlined />, permission: 'tokens.manage' },
] as const;

const SECTION_PATHS = SECTIONS.map((s) => s.path);

/** Header with the product name, language switch and account menu, side navigation (what the caller may see), and the routed page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const can = useCan();
  const signedIn = Boolean(useMe().data?.user);
  const items: MenuProps['items'] = [
    ...SECTIONS.filter((s) => (!('permission' in s) || can(s.permission)) && (!('signedIn' in s) || signedIn)).map((s) => ({ key: s.path, icon: s.icon, label: <Link to={s.path} data-testid={`nav-${s.key}`}>{t(`nav.${s.key}`)}</Link> })),
    { type: 'divider' as const },
    {
      key: 'api-docs',
      icon: <ApiOutlined />,
      label: (
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t('nav.apiDocs')}
        </a>
      ),
    },
  ];
  const phone = usePhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = <Menu mode="inline" selectedKeys={[selectedSection(pathname, SECTION_PATHS)]} items={items} onClick={() => setMenuOpen(false)} style={{ borderInlineEnd: 'none', paddingTop: 8 }} data-testid="side-nav" />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, paddingInline: phone ? 12 : 24, background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }} data-testid="app-header">
        <Flex align="center" gap="small" style={{ minWidth: 0 }}>
          {phone && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} data-testid="menu-button" onClick={() => setMenuOpen(true)} />}
          <Link to="/">
            <Flex align="baseline" gap="middle">
              {/* The product name, not a heading: each page has its own h1 (PageTitle). */}
              <span style={{ fontSize: phone ? token.fontSizeHeading5 : token.fontSizeHeading4, fontWeight: token.fontWeightStrong, color: token.colorPrimary, whiteSpace: 'nowrap' }}>{t('app.name')}</span>
              {!phone && <span style={{ color: token.colorTextSecondary }}>{t('app.subtitle')}</span>}
            </Flex>
          </Link>
        </Flex>
        <Flex align="center" gap={phone ? 'small' : 'middle'}>
          {!phone && <LanguageSwitch />}
          <InboxBadge />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        {phone ? (
          <Suspense>
            <Drawer placement="left" size={260} open={menuOpen} onClose={() => setMenuOpen(false)} title={t('app.name')} styles={{ body: { padding: 0 } }} data-testid="menu-drawer">
              <div style={{ padding: 12 }}>
                <LanguageSwitch />
              </div>
              {menu}
            </Drawer>
          </Suspense>
        ) : (
          <Layout.Sider width={208} theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

