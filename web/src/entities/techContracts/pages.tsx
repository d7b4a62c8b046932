import { Col, Descriptions, Flex, Form, Input, Radio, Row, Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TechContract, TechContractCreate, TechContractPatch } from '../../../../src/contracts/techContracts';
import { techContracts } from '../../api/resources';
import { useMe } from '../../auth/session';
import { RecordDetail } from '../../detail/RecordDetail';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { OrganizationSelect } from '../../form/OrganizationSelect';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { statusColor, useTechContractColumns } from './columns';
import { techContractCreate, techContractFieldPaths, techContractPatch, techContractValues, type BuyerKind, type TechContractValues } from './model';
import { useFieldLabel } from './labels';
import { formatYuan, formatYuanExact } from './money';
import { countryOptions, countyName, regionLabel } from './regions';
import { RegionPicker, useRegionOptions } from './RegionPicker';
import { RegistrationCard } from './RegistrationCard';

const BASE = '/tech-contracts';

export function TechContractListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useTechContractColumns();
  return <RegistryList resource={techContracts} title={t('techContract.title')} basePath={BASE} columns={columns} filters={filters} searchPlaceholder={t('techContract.searchPlaceholder')} />;
}

export function TechContractDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={techContracts} id={id} basePath={BASE} title={(c) => c.title}>
      {(c) => (
        <Flex vertical gap="middle">
          <TechContractContent contract={c} />
          <RegistrationCard contract={c} />
        </Flex>
      )}
    </RecordDetail>
  );
}

/** An amount as the language reads it, with the exact yuan beside it. */
function Amount({ value }: { value: string }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  return (
    <span>
      {formatYuan(value, side)}{' '}
      <Typography.Text type="secondary">{t('techContract.exactYuan', { amount: formatYuanExact(value) })}</Typography.Text>
    </span>
  );
}

/** A buyer's region: a country, one of the city's districts by its name, another county by its province and city (from the picker's list, fetched only then). */
function BuyerRegion({ region }: { region: string }) {
  const { label, options, side } = useCodeLabels();
  const county = /^\d{6}$/.test(region) && !options('district').some((d) => d.value === region);
  const { options: counties } = useRegionOptions(county);
  const name = county ? countyName(counties, region) : undefined;
  return <>{name ? `${name} (${region})` : regionLabel(region, side, (code) => label('district', code))}</>;
}

function TechContractContent({ contract: c }: { contract: TechContract }) {
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
        { key: 'contract_number', label: f('contract_number'), children: c.contract_number },
        { key: 'title', label: f('title'), children: c.title },
        { key: 'type', label: f('type'), children: c.type_name[side] },
        { key: 'sub_type', label: f('sub_type'), children: c.sub_type_name[side] },
        { key: 'seller', label: f('seller_org_id'), children: <Link to={`/organizations/${c.seller_org_id}`}>{c.seller_name}</Link> },
        { key: 'buyer', label: f('buyer'), children: c.buyer_org_id === null ? c.buyer_display_name : <Link to={`/organizations/${c.buyer_org_id}`}>{c.buyer_display_name}</Link> },
        { key: 'buyer_region', label: f('buyer_region'), children: <BuyerRegion region={c.buyer_region} /> },
        { key: 'flow', label: f('flow'), children: c.inflow ? `${label('contract_flow', c.flow)} · ${t('techContract.inflow')}` : label('contract_flow', c.flow) },
        { key: 'contract_amount', label: f('contract_amount'), children: <Amount value={c.contract_amount} /> },
        { key: 'transaction_amount', label: f('transaction_amount'), children: <Amount value={c.transaction_amount} /> },
        { key: 'signed_on', label: f('signed_on'), children: c.signed_on },
        { key: 'end_on', label: f('end_on'), children: c.end_on ?? none },
        { key: 'technology_field', label: f('technology_field'), children: label('technology_field', c.technology_field) },
        { key: 'district_code', label: f('district_code'), children: label('district', c.district_code) },
        { key: 'zone', label: f('zone'), children: label('zone', c.zone) },
        { key: 'status', label: f('status'), children: <Tag color={statusColor[c.status]}>{label('contract_status', c.status)}</Tag> },
        { key: 'registered_on', label: f('registered_on'), children: c.registered_on ?? none },
        { key: 'registration_number', label: f('registration_number'), children: c.registration_number ?? none },
        ...(c.not_registered_reason === null ? [] : [{ key: 'not_registered_reason', label: f('not_registered_reason'), children: label('not_registered_reason', c.not_registered_reason), span: 2 }]),
      ]}
    />
  );
}

function useTechContractForm(): FormSpec<TechContract, TechContractCreate, TechContractPatch, TechContractValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: techContracts,
      basePath: BASE,
      entity: t('techContract.entity'),
      testId: 'tech-contract-form',
      fieldPaths: techContractFieldPaths,
      toValues: techContractValues,
      toCreate: techContractCreate,
      toPatch: techContractPatch,
      fields: (item?: TechContract) => <TechContractFields contract={item} />,
    }),
    [t],
  );
}

function TechContractFields({ contract }: { contract: TechContract | undefined }) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  // An organization user writes drafts only: the registration fields are the registrar's.
  const registrar = useMe().data?.permissions['tech_contracts.write'] !== 'own';
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="contract_number" label={f('contract_number')} required>
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="title" label={f('title')} required>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <TypeFields />
      <Col xs={24}>
        <Form.Item name="seller_org_id" label={f('seller_org_id')} required>
          <SellerSelect initialName={contract?.seller_name} />
        </Form.Item>
      </Col>
      <BuyerFields buyerName={contract?.buyer_org_id ? contract.buyer_display_name : undefined} />
      <Col xs={24} md={12}>
        <Form.Item name="contract_amount" label={f('contract_amount')} required extra={t('techContract.amountHint')}>
          <Input inputMode="decimal" suffix={t('techContract.yuan')} maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="transaction_amount" label={f('transaction_amount')} required>
          <Input inputMode="decimal" suffix={t('techContract.yuan')} maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="signed_on" label={f('signed_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="end_on" label={f('end_on')}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="technology_field" label={f('technology_field')}>
          <CodeSelect list="technology_field" allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="district_code" label={f('district_code')} extra={t('techContract.sellerPlaceHint')}>
          <CodeSelect list="district" allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="zone" label={f('zone')}>
          <CodeSelect list="zone" allowClear />
        </Form.Item>
      </Col>
      {registrar && <RegistrationFields />}
    </Row>
  );
}

/** Type, then the sub-types of that type only; choosing a type clears the sub-type of the one before. */
function TypeFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TechContractValues>();
  const type = Form.useWatch<string | null | undefined>('type');
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="type" label={t('techContract.fields.type')} required>
          <CodeSelect list="contract_type" onChange={() => form.setFieldValue('sub_type', null)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="sub_type" label={t('techContract.fields.sub_type')} required>
          <CodeSelect list={type ? `contract_sub_type.${type}` : 'contract_sub_type'} />
        </Form.Item>
      </Col>
    </>
  );
}

/** An organization user sells through its own organizations only; others search the registry. */
function SellerSelect({ id, value, onChange, initialName }: { id?: string; value?: number | null; onChange?: (value: number | null) => void; initialName?: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (me?.permissions['tech_contracts.write'] !== 'own') return <OrganizationSelect id={id} value={value} onChange={onChange} initialName={initialName} />;
  const own = (me.user?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }));
  return <Select id={id} value={value ?? null} options={own} placeholder={t('form.selectPlaceholder')} onChange={(v: number | null) => onChange?.(v ?? null)} />;
}

/** The buyer: an organization of the registry, or a name in a county of China or a country abroad. */
function BuyerFields({ buyerName }: { buyerName: string | undefined }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const form = Form.useFormInstance<TechContractValues>();
  const kind = Form.useWatch<BuyerKind | undefined>('buyer_kind') ?? 'organization';
  const countries = useMemo(() => countryOptions(side), [side]);
  const f = useFieldLabel();
  return (
    <>
      <Col xs={24}>
        <Form.Item name="buyer_kind" label={f('buyer')}>
          {/* Another kind of buyer has another kind of region: the old one would not fit. */}
          <Radio.Group onChange={() => form.setFieldValue('buyer_region', '')} data-testid="buyer-kind">
            <Radio value="organization">{t('techContract.buyerKind.organization')}</Radio>
            <Radio value="china">{t('techContract.buyerKind.china')}</Radio>
            <Radio value="abroad">{t('techContract.buyerKind.abroad')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Col>
      {kind === 'organization' ? (
        <Col xs={24} md={16}>
          <Form.Item name="buyer_org_id" label={f('buyer_org_id')} required>
            <OrganizationSelect initialName={buyerName} />
          </Form.Item>
        </Col>
      ) : (
        <Col xs={24} md={16}>
          <Form.Item name="buyer_name" label={f('buyer_name')} required>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={8}>
        {kind === 'abroad' ? (
          <Form.Item name="buyer_region" label={f('buyer_country')} required>
            <Select options={countries} showSearch={{ optionFilterProp: 'label' }} placeholder={t('form.selectPlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item name="buyer_region" label={f('buyer_county')} required={kind === 'china'} extra={t(kind === 'china' ? 'techContract.countyHint' : 'techContract.orgRegionHint')}>
            <RegionPicker />
          </Form.Item>
        )}
      </Col>
    </>
  );
}

/** What the registrar sets: status, and the registration or the reason it was refused. */
function RegistrationFields() {
  const { t } = useTranslation();
  const status = Form.useWatch<string | null | undefined>('status');
  const f = useFieldLabel();
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name="status" label={f('status')} required>
          <CodeSelect list="contract_status" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="registered_on" label={f('registered_on')}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="registration_number" label={f('registration_number')} extra={t('techContract.registrationNumberHint')}>
          <Input maxLength={32} />
        </Form.Item>
      </Col>
      {status === 'not_registered' && (
        <Col xs={24}>
          <Form.Item name="not_registered_reason" label={f('not_registered_reason')} required>
            <CodeSelect list="not_registered_reason" />
          </Form.Item>
        </Col>
      )}
    </>
  );
}

export function TechContractCreatePage() {
  return <CreateRecordForm spec={useTechContractForm()} />;
}

export function TechContractEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useTechContractForm()} id={id} />;
}
