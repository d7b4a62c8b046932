import { DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useList, useMeta } from '../api/hooks';
import { organizations, platforms, qualifications, rdInstitutions, type Resource } from '../api/resources';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { districtBreakdown } from './districtBreakdown';

/** One figure of the overview: a list's total, read as meta.count of a one-row page. */
function CountCard({ resource, title, to }: { resource: Resource<unknown, unknown, unknown>; title: string; to: string }) {
  const { data, isPending } = useList(resource, { per_page: 1 });
  return (
    <Link to={to}>
      <Card hoverable>
        <Statistic title={title} value={data?.meta.count ?? 0} loading={isPending} />
      </Card>
    </Link>
  );
}

/** Overview (首页): registry counts and where the records are, by district. */
export function HomePage() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
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
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('home.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        </div>
        <Link to="/dashboard" data-testid="open-dashboard">
          <Button type="primary" icon={<DashboardOutlined />}>
            {t('home.openDashboard')}
          </Button>
        </Link>
      </Flex>
      <Row gutter={[16, 16]} data-testid="home-counts">
        <Col xs={12} lg={6}>
          <CountCard resource={organizations} title={t('nav.organizations')} to="/organizations" />
        </Col>
        <Col xs={12} lg={6}>
          <CountCard resource={rdInstitutions} title={t('nav.rdInstitutions')} to="/rd-institutions" />
        </Col>
        <Col xs={12} lg={6}>
          <CountCard resource={platforms} title={t('nav.platforms')} to="/platforms" />
        </Col>
        <Col xs={12} lg={6}>
          <CountCard resource={qualifications} title={t('nav.qualifications')} to="/qualifications" />
        </Col>
      </Row>
      <Card title={t('home.byDistrict')} size="small">
        <Table
          data-testid="home-districts"
          rowKey={(r) => r.district ?? 'none'}
          size="small"
          pagination={false}
          loading={orgs.isPending || institutions.isPending || plats.isPending}
          dataSource={rows}
          onRow={(r) => (r.district === 'total' ? { style: { fontWeight: 600 } } : {})}
          columns={[
            { key: 'district', title: t('home.district'), render: (_, r) => districtName(r.district) },
            { key: 'organizations', title: t('nav.organizations'), dataIndex: 'organizations', align: 'right' },
            { key: 'rdInstitutions', title: t('nav.rdInstitutions'), dataIndex: 'rdInstitutions', align: 'right' },
            { key: 'platforms', title: t('nav.platforms'), dataIndex: 'platforms', align: 'right' },
          ]}
        />
      </Card>
    </Flex>
  );
}
