import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, List, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { directRoutes } from '../../../src/domain/techSmeEvaluation';
import { useEvaluateTechSme, useSaveEvaluation, useStoredEvaluations, type StoredTechSmeEvaluation, type TechSmeEvaluationResult } from '../api/techSme';
import { useMe } from '../auth/session';
import { useCan } from '../auth/useCan';
import { PageTitle } from '../components/PageTitle';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
import { messageSide } from '../i18n/language';
import { AMOUNT_FIELDS, COUNT_FIELDS, DECLARATIONS, EVALUATION_FIELDS, EVALUATION_LIST_FIELDS, figuresBody, newEvaluationValues, saveBody, type EvaluationValues } from './evaluationForm';

/**
 * 科技型中小企业自评 (no account needed): the figures, the result explained item by item, and for
 * an organization user a button that stores the result with its enterprise.
 */
export function TechSmeEvaluationPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<EvaluationValues>();
  const problems = useServerProblems(form, EVALUATION_FIELDS, EVALUATION_LIST_FIELDS);
  const evaluate = useEvaluateTechSme();
  const [result, setResult] = useState<TechSmeEvaluationResult | null>(null);

  const onFinish = (values: EvaluationValues) => {
    problems.clear();
    evaluate.mutate(figuresBody(values), { onSuccess: setResult, onError: (e) => (setResult(null), problems.show(e)) });
  };

  return (
    <Flex vertical gap="middle" data-testid="tech-sme-page">
      <PageTitle>{t('techSme.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('techSme.intro')}
      </Typography.Paragraph>
      <Card>
        <Form<EvaluationValues>
          form={form}
          layout="vertical"
          data-testid="tech-sme-form"
          initialValues={newEvaluationValues(new Date())}
          onFinish={onFinish}
          onValuesChange={(changed: Partial<EvaluationValues>) => (problems.onValuesChange(changed), 'year' in changed || setResult(null))}
        >
          <FormProblems problems={problems} />
          <FigureFields />
          <Flex gap="small" wrap>
            <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="tech-sme-evaluate">
              {t('techSme.evaluate')}
            </Button>
          </Flex>
          {result && <SaveToEnterprise form={form} problems={problems} />}
        </Form>
      </Card>
      {result && <EvaluationResult result={result} />}
    </Flex>
  );
}

function FigureFields() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  return (
    <>
      <Row gutter={16}>
        {COUNT_FIELDS.map((name) => (
          <Col xs={24} sm={12} lg={6} key={name}>
            <Form.Item name={name} label={t(`techSme.fields.${name}`)} tooltip={name === 'class_one_ip' || name === 'class_two_ip' ? t(`techSme.help.${name}`) : undefined}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`tech-sme-${name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        {AMOUNT_FIELDS.map((name) => (
          <Col xs={24} sm={12} lg={6} key={name}>
            <Form.Item name={name} label={t(`techSme.fields.${name}`)}>
              <Input inputMode="decimal" suffix={t('techSme.yuan')} placeholder="0.00" autoComplete="off" data-testid={`tech-sme-${name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text strong>{t('techSme.declarationsTitle')}</Typography.Text>
      {DECLARATIONS.map((name) => (
        <Form.Item key={name} name={['declarations', name]} valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox data-testid={`tech-sme-declare-${name}`}>{t(`techSme.declarations.${name}`)}</Checkbox>
        </Form.Item>
      ))}
      <Form.Item name="direct_routes" label={t('techSme.directRoutesTitle')} style={{ marginTop: 12 }}>
        <Checkbox.Group options={Object.entries(directRoutes).map(([value, label]) => ({ value, label: label[side] }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
      </Form.Item>
    </>
  );
}

/** For an organization user: the enterprise (when it acts for several), the year, and the button. */
function SaveToEnterprise({ form, problems }: { form: ReturnType<typeof Form.useForm<EvaluationValues>>[0]; problems: ReturnType<typeof useServerProblems> }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const organizations = me.data?.user?.organizations ?? [];
  const [organizationId, setOrganizationId] = useState<number | undefined>(organizations[0]?.id);
  const save = useSaveEvaluation();
  const stored = useStoredEvaluations(can('tech_sme_evaluations.read') ? organizationId : undefined);
  if (!me.data?.user) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }} data-testid="tech-sme-sign-in-hint">
        {t('techSme.signInToSave')} {/* Underlined: a link inside a sentence must not be told apart by colour alone. */}
        <Link to="/login?next=/tools/tech-sme-evaluation" style={{ textDecoration: 'underline' }}>
          {t('techSme.signIn')}
        </Link>
      </Typography.Paragraph>
    );
  }
  if (!can('tech_sme_evaluations.write') || organizations.length === 0 || organizationId === undefined) return null;

  const onSave = () => {
    problems.clear();
    save.mutate({ organizationId, body: saveBody(form.getFieldsValue(true) as EvaluationValues) }, { onError: problems.show });
  };
  const name = organizations.find((o) => o.id === organizationId)?.name;
  return (
    <Flex vertical gap="small" style={{ marginTop: 16 }} data-testid="tech-sme-save">
      <Typography.Text strong>{t('techSme.save.title')}</Typography.Text>
      <Flex gap="small" wrap align="start">
        {organizations.length > 1 && <Select aria-label={t('techSme.save.organization')} value={organizationId} onChange={setOrganizationId} options={organizations.map((o) => ({ value: o.id, label: o.name }))} style={{ minWidth: 240 }} />}
        <Form.Item name="year" label={t('techSme.save.year')} layout="horizontal" style={{ marginBottom: 0 }}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="tech-sme-year" />
        </Form.Item>
        <Button onClick={onSave} loading={save.isPending} data-testid="tech-sme-save-button">
          {t('techSme.save.button', { name })}
        </Button>
      </Flex>
      {save.isSuccess && <Alert type="success" showIcon title={t('techSme.save.saved', { name })} data-testid="tech-sme-saved" />}
      {stored.data && <StoredList stored={stored.data} />}
    </Flex>
  );
}

function StoredList({ stored }: { stored: StoredTechSmeEvaluation[] }) {
  const { t } = useTranslation();
  if (stored.length === 0) return null;
  return (
    <Table<StoredTechSmeEvaluation>
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="tech-sme-stored"
      dataSource={stored}
      columns={[
        { key: 'year', title: t('techSme.save.year'), dataIndex: 'year' },
        { key: 'total', title: t('techSme.total'), render: (_, e) => `${e.result.total} / 100` },
        { key: 'qualifies', title: t('techSme.verdict'), render: (_, e) => <VerdictTag qualifies={e.result.qualifies} /> },
        { key: 'created_at', title: t('techSme.save.savedAt'), render: (_, e) => new Date(e.created_at).toLocaleString() },
      ]}
    />
  );
}

function VerdictTag({ qualifies }: { qualifies: boolean }) {
  const { t } = useTranslation();
  return <Tag color={qualifies ? 'success' : 'error'}>{t(qualifies ? 'techSme.qualifies' : 'techSme.doesNotQualify')}</Tag>;
}

const passMark = (passed: boolean) => (passed ? <CheckCircleTwoTone twoToneColor="#389e0d" aria-hidden /> : <CloseCircleTwoTone twoToneColor="#cf1322" aria-hidden />);

function EvaluationResult({ result }: { result: TechSmeEvaluationResult }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  return (
    <Card title={t('techSme.result')} data-testid="tech-sme-result" extra={<VerdictTag qualifies={result.qualifies} />}>
      <Flex vertical gap="middle">
        <Alert type={result.qualifies ? 'success' : 'warning'} showIcon title={`${t('techSme.total')}: ${result.total} / 100`} description={result.explanation[side]} data-testid="tech-sme-verdict" />
        <List
          size="small"
          header={<Typography.Text strong>{t('techSme.eligibility')}</Typography.Text>}
          dataSource={result.eligibility}
          renderItem={(c) => (
            <List.Item data-testid={`tech-sme-check-${c.code}`}>
              <Flex gap="small">
                {passMark(c.passed)}
                <span>{c.explanation[side]}</span>
              </Flex>
            </List.Item>
          )}
        />
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={result.items}
          data-testid="tech-sme-items"
          columns={[
            { key: 'item', title: t('techSme.item'), render: (_, i) => t(`techSme.items.${i.code}`) },
            { key: 'band', title: t('techSme.band'), dataIndex: 'band' },
            { key: 'points', title: t('techSme.points'), render: (_, i) => <span data-testid={`tech-sme-points-${i.code}`}>{`${i.points} / ${i.max}`}</span> },
            { key: 'explanation', title: t('techSme.explanation'), render: (_, i) => i.explanation[side] },
          ]}
        />
      </Flex>
    </Card>
  );
}
