import { DashboardOutlined } from '@ant-design/icons';
import { Button, Flex, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useList, useMeta } from '../api/hooks';
import { useMe } from '../auth/session';
import { organizations, platforms, qualifications, rdInstitutions } from '../api/resources';
import { PageTitle } from '../components/PageTitle';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { CountCard } from './CountCard';
import { districtBreakdown } from './districtBreakdown';
import { DistrictTable } from './DistrictTable';
import { panelStyle } from './panelStyle';

/** 首页: the overview for an account; a visitor, who may not read the registry, goes to the public portal. */
export function HomePage() {
  const me = useMe();
  // Busy and blank for the moment the session takes, as the counts below show '…': antd's Skeleton would be 9 KiB more of the first page's JavaScript.
  if (me.isPending) return <div aria-busy="true" />;
  return me.data?.user ? <Overview /> : <Navigate to="/portal" replace />;
}

/** Overview (概览): registry counts and where the records are, by district. */
function Overview() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const { data: meta } = useMeta();
  const byDistrict = { group_by: 'district_code', per_page: 1 };
  const orgs = useList(organizations, byDistrict);
  const institutions = useList(rdInstitutions, byDistrict);
  const plats = useList(platforms, byDistrict);
  const rows = districtBreakdown(meta?.city.districts.map((d) => d.code) ?? [], {
    organizations: orgs.data?.group_by,
    rdInstitutions: institutions.data?.group_by,
    platforms: plats.data?.group_by,
  });
  const districtName = (code: string | null) => (code === null ? t('home.noDistrict') : code === 'total' ? t('home.total') : label('district', code));

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="start" wrap gap="small">
        <div>
          <PageTitle>{t('home.title')}</PageTitle>
          <p style={{ color: token.colorTextSecondary }}>{t('home.intro')}</p>
        </div>
        {/* A button that navigates, not a button inside a link: one control for screen readers and the keyboard. */}
        <Button type="primary" icon={<DashboardOutlined />} data-testid="open-dashboard" onClick={() => void navigate('/dashboard')}>
          {t('home.openDashboard')}
        </Button>
      </Flex>
      <div data-testid="home-counts" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: token.margin }}>
        <CountCard resource={organizations} title={t('nav.organizations')} to="/organizations" />
        <CountCard resource={rdInstitutions} title={t('nav.rdInstitutions')} to="/rd-institutions" />
        <CountCard resource={platforms} title={t('nav.platforms')} to="/platforms" />
        <CountCard resource={qualifications} title={t('nav.qualifications')} to="/qualifications" />
      </div>
      <section style={panelStyle(token)} aria-labelledby="home-by-district">
        <h2 id="home-by-district" style={{ margin: `0 0 ${token.marginSM}px`, fontSize: token.fontSizeLG, fontWeight: token.fontWeightStrong }}>
          {t('home.byDistrict')}
        </h2>
        <DistrictTable rows={rows} loading={orgs.isPending || institutions.isPending || plats.isPending} districtName={districtName} />
      </section>
    </Flex>
  );
}
