import { Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Steps, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IpLoan, IpLoanCreate, IpLoanPatch } from '../../../../src/contracts/ipLoans';
import { guarantorKinds, ipLoanStatuses, pledgeKinds, type IpLoanStatus } from '../../../../src/domain/ipLoan';
import { apiRequest } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { ipLoans } from '../../api/resources';
import { useCan } from '../../auth/useCan';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordDetail } from '../../detail/RecordDetail';
import { DateInput } from '../../form/DateInput';
import { OrganizationSelect } from '../../form/OrganizationSelect';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { StatusTag, useFieldLabel, useIpLoanColumns } from './columns';
import { formatYuan, formatYuanExact } from '../techContracts/money';
import { ipLoanCreate, ipLoanFieldPaths, ipLoanPatch, ipLoanValues, nextSteps, stepBody, stepsTaken, type IpLoanValues, type LenderKind } from './model';

const BASE = '/ip-loans';

export function IpLoanListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useIpLoanColumns();
  return <RegistryList resource={ipLoans} title={t('ipLoan.title')} basePath={BASE} columns={columns} filters={filters} searchPlaceholder={t('ipLoan.searchPlaceholder')} />;
}

function Amount({ value }: { value: string }) {
  const { side } = useCodeLabels();
  return (
    <span>
      {formatYuan(value, side)} <Typography.Text type="secondary">({formatYuanExact(value)})</Typography.Text>
    </span>
  );
}

export function IpLoanDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={ipLoans} id={id} basePath={BASE} title={(l) => l.contract_number}>
      {(l) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <IpLoanContent loan={l} />
          <LoanSteps loan={l} />
          {l.compensation && <CompensationSplit compensation={l.compensation} />}
        </Space>
      )}
    </RecordDetail>
  );
}

/** A name with its kind in brackets, as each language writes them. */
const withKind = (name: string, kind: string, side: 'zh' | 'en'): string => (side === 'zh' ? `${name}（${kind}）` : `${name} (${kind})`);

function IpLoanContent({ loan: l }: { loan: IpLoan }) {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const f = useFieldLabel();
  const none = t('common.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'contract_number', label: f('contract_number'), children: l.contract_number },
        { key: 'status', label: f('status'), children: <StatusTag status={l.status} /> },
        { key: 'borrower', label: f('borrower_org_id'), children: <Link to={`/organizations/${l.borrower_org_id}`}>{l.borrower_name}</Link> },
        { key: 'lender', label: f('lender'), children: l.lender_org_id === null ? l.lender_display_name : <Link to={`/organizations/${l.lender_org_id}`}>{l.lender_display_name}</Link> },
        { key: 'guarantor', label: f('guarantor_name'), children: l.guarantor_name ? withKind(l.guarantor_name, guarantorKinds[l.guarantor_kind ?? 'guarantor'][side], side) : none },
        { key: 'valuer', label: f('valuer'), children: l.valuer },
        { key: 'pledged', label: f('pledged_items'), span: 2, children: l.pledged_items.map((i) => `${pledgeKinds[i.kind][side]} ${i.number}`).join('；') },
        { key: 'valuation_amount', label: f('valuation_amount'), children: <Amount value={l.valuation_amount} /> },
        { key: 'amount', label: f('amount'), children: <Amount value={l.amount} /> },
        { key: 'annual_rate', label: f('annual_rate'), children: `${l.annual_rate} %` },
        { key: 'term_months', label: f('term_months'), children: t('ipLoan.months', { count: l.term_months }) },
        { key: 'district_code', label: f('district_code'), children: label('district', l.district_code) },
        { key: 'zone', label: f('zone'), children: label('zone', l.zone) },
      ]}
    />
  );
}

/** The steps taken with their dates, and for an officer who reaches the loan the form of the next one. */
function LoanSteps({ loan }: { loan: IpLoan }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const can = useCan();
  const may = can('ip_loans.write', { organizationId: loan.borrower_org_id, districtCode: loan.district_code, zone: loan.zone });
  const taken = stepsTaken(loan);
  return (
    <Card title={t('ipLoan.steps')} size="small">
      <Steps size="small" current={taken.length - 1} status={nextSteps(loan.status).length === 0 ? 'finish' : 'process'} items={taken.map((s) => ({ title: ipLoanStatuses[s.status][side], description: s.on }))} data-testid="ip-loan-steps" />
      {may && nextSteps(loan.status).length > 0 && <StepForm loan={loan} />}
    </Card>
  );
}

function StepForm({ loan }: { loan: IpLoan }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const client = useQueryClient();
  const options = nextSteps(loan.status);
  const [step, setStep] = useState<IpLoanStatus>(options[0]!);
  const [on, setOn] = useState<string | null>(null);
  const [loss, setLoss] = useState('');
  const send = useMutation<IpLoan, ApiProblem>({
    mutationFn: () => apiRequest<IpLoan>(`${ipLoans.path}/${loan.id}/steps`, { method: 'POST', body: stepBody(step, on, loss), version: loan.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: [ipLoans.path] }),
  });
  return (
    <Form layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={() => send.mutate()} data-testid="ip-loan-step-form">
      <Form.Item label={t('ipLoan.nextStep')}>
        <Select value={step} onChange={setStep} options={options.map((s) => ({ value: s, label: ipLoanStatuses[s][side] }))} style={{ minWidth: 140 }} />
      </Form.Item>
      <Form.Item label={t('ipLoan.stepOn')} required>
        <DateInput value={on} onChange={setOn} />
      </Form.Item>
      {step === 'compensated' && (
        <Form.Item label={t('ipLoan.lossAmount')} required>
          <Input value={loss} onChange={(e) => setLoss(e.target.value)} inputMode="decimal" maxLength={32} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {t('ipLoan.doStep')}
        </Button>
      </Form.Item>
      {send.error && <ProblemAlert error={send.error} />}
    </Form>
  );
}

function CompensationSplit({ compensation: c }: { compensation: NonNullable<IpLoan['compensation']> }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  return (
    <Card title={t('ipLoan.compensation')} size="small" data-testid="ip-loan-compensation">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'policy', label: t('ipLoan.policy'), span: 2, children: c.policy_name[side] },
          { key: 'loss', label: t('ipLoan.lossAmount'), span: 2, children: <Amount value={c.loss_amount} /> },
          { key: 'fund', label: t('ipLoan.fund'), children: <span><Amount value={c.fund} />{c.capped && <Typography.Text type="warning"> {t('ipLoan.capped', { amount: formatYuan(c.fund_before_cap, side) })}</Typography.Text>}</span> },
          { key: 'lender', label: t('ipLoan.lenderShare'), children: <Amount value={c.lender} /> },
          { key: 'agency', label: t('ipLoan.agency'), children: <Amount value={c.agency} /> },
        ]}
      />
    </Card>
  );
}

function useIpLoanForm(): FormSpec<IpLoan, IpLoanCreate, IpLoanPatch, IpLoanValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: ipLoans,
      basePath: BASE,
      entity: t('ipLoan.entity'),
      testId: 'ip-loan-form',
      fieldPaths: ipLoanFieldPaths,
      toValues: ipLoanValues,
      toCreate: ipLoanCreate,
      toPatch: ipLoanPatch,
      fields: (item?: IpLoan) => <IpLoanFields loan={item} />,
    }),
    [t],
  );
}

function IpLoanFields({ loan }: { loan: IpLoan | undefined }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const f = useFieldLabel();
  const lenderKind = Form.useWatch<LenderKind | undefined>('lender_kind') ?? 'organization';
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="contract_number" label={f('contract_number')} required>
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="borrower_org_id" label={f('borrower_org_id')} required>
          <OrganizationSelect initialName={loan?.borrower_name} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="lender_kind" label={f('lender')}>
          <Radio.Group>
            <Radio value="organization">{t('ipLoan.lenderKind.organization')}</Radio>
            <Radio value="name">{t('ipLoan.lenderKind.name')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        {lenderKind === 'organization' ? (
          <Form.Item name="lender_org_id" label={f('lender_org_id')} required>
            <OrganizationSelect initialName={loan?.lender_org_id ? loan.lender_display_name : undefined} />
          </Form.Item>
        ) : (
          <Form.Item name="lender_name" label={f('lender_name')} required>
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="guarantor_name" label={f('guarantor_name')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="guarantor_kind" label={f('guarantor_kind')}>
          <Select allowClear options={Object.entries(guarantorKinds).map(([value, name]) => ({ value, label: name[side] }))} placeholder={t('form.selectPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <PledgedItems />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="valuation_amount" label={f('valuation_amount')} required>
          <Input inputMode="decimal" maxLength={32} suffix={side === 'zh' ? '元' : 'CNY'} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="valuer" label={f('valuer')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="amount" label={f('amount')} required>
          <Input inputMode="decimal" maxLength={32} suffix={side === 'zh' ? '元' : 'CNY'} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name="annual_rate" label={f('annual_rate')} required>
          <Input inputMode="decimal" maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name="term_months" label={f('term_months')} required>
          <Input inputMode="numeric" maxLength={4} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name="applied_on" label={f('applied_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** One row per pledged item: its kind and its number (checked by the server, check digit included). */
function PledgedItems() {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const f = useFieldLabel();
  const kinds = Object.entries(pledgeKinds).map(([value, name]) => ({ value, label: name[side] }));
  return (
    <Form.Item label={f('pledged_items')} required extra={t('ipLoan.pledgeHint')}>
      <Form.List name="pledged_items">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="baseline" wrap>
                <Form.Item name={[row.name, 'kind']} aria-label={f('pledge_kind')}>
                  <Select options={kinds} style={{ minWidth: 160 }} />
                </Form.Item>
                <Form.Item name={[row.name, 'number']} aria-label={f('pledge_number')}>
                  <Input maxLength={40} placeholder={f('pledge_number')} style={{ minWidth: 280 }} />
                </Form.Item>
                <Button onClick={() => remove(row.name)}>{t('common.delete')}</Button>
              </Space>
            ))}
            <Button onClick={() => add({ kind: 'patent', number: '' })}>{t('ipLoan.addPledge')}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function IpLoanCreatePage() {
  return <CreateRecordForm spec={useIpLoanForm()} />;
}

export function IpLoanEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useIpLoanForm()} id={id} />;
}
