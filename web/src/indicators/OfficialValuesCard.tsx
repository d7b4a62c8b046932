import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/useCan';
import { useAddOfficialValue, useOfficialValues, type Indicator, type OfficialValue } from '../api/indicators';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { DateInput } from '../form/DateInput';
import { useServerProblems } from '../form/useServerProblems';
import { unitSpec } from './format';
import { FormProblems } from '../form/FormProblems';
import { useAreas } from './useAreas';
import { useIndicatorFormat } from './useIndicatorFormat';

const FIELDS = ['period', 'area', 'value', 'source', 'published_on', 'note'] as const;

interface Values {
  period?: string;
  area?: string;
  value?: number | null;
  source?: string;
  published_on?: string | null;
  note?: string;
}

/**
 * An official statistic (官方统计值): every publication and revision entered, the one shown marked
 * current, and a form for a new one; the server's problems appear next to their fields.
 */
export function OfficialValuesCard({ indicator, years, period }: { indicator: Indicator; years: readonly string[]; period: string }) {
  const can = useCan();
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const areas = useAreas();
  const { data: history, error } = useOfficialValues(indicator.code);
  const unit = unitSpec(indicator.unit, indicator.decimals);
  return (
    <Card size="small" title={t('indicators.official.title')} data-testid="official-values">
      <Flex vertical gap="middle">
        {error && <ProblemAlert error={error} />}
        <Table<OfficialValue>
          rowKey="id"
          size="small"
          dataSource={history ?? []}
          locale={{ emptyText: t('indicators.official.none') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={(v) => (v.current ? { style: { fontWeight: 600 } } : {})}
          columns={[
            { key: 'period', title: t('indicators.official.fields.period'), dataIndex: 'period' },
            { key: 'area', title: t('indicators.official.fields.area'), render: (_, v) => areas.name(v.area) },
            { key: 'value', title: t('indicators.official.fields.value'), align: 'right', render: (_, v) => fmt.value(v.value, unit) },
            { key: 'current', title: '', render: (_, v) => (v.current ? <Tag color="green">{t('indicators.official.current')}</Tag> : <Tag>{t('indicators.official.superseded')}</Tag>) },
            { key: 'source', title: t('indicators.official.fields.source'), dataIndex: 'source' },
            { key: 'published_on', title: t('indicators.official.fields.published_on'), dataIndex: 'published_on' },
            { key: 'note', title: t('indicators.official.fields.note'), render: (_, v) => v.note ?? t('common.none') },
            { key: 'created_at', title: t('indicators.official.fields.created_at'), render: (_, v) => formatTimestamp(v.created_at) },
          ]}
        />
        {can('official_values.write') && <OfficialValueForm code={indicator.code} years={years} period={period} />}
      </Flex>
    </Card>
  );
}

function OfficialValueForm({ code, years, period }: { code: string; years: readonly string[]; period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const areas = useAreas();
  const [form] = Form.useForm<Values>();
  const problems = useServerProblems(form, FIELDS);
  const add = useAddOfficialValue(code);

  const onFinish = (values: Values) => {
    problems.clear();
    add.mutate(
      { ...values, note: values.note || null },
      {
        onSuccess: () => {
          message.success(t('indicators.official.entered'));
          form.resetFields(['value', 'source', 'published_on', 'note']);
        },
        onError: problems.show,
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" name="officialValue" data-testid="official-value-form" initialValues={{ period }} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
      <Typography.Title level={5}>{t('indicators.official.enter')}</Typography.Title>
      <FormProblems problems={problems} />
      <Row gutter={12}>
        <Col xs={12} md={4}>
          <Form.Item name="period" label={t('indicators.official.fields.period')}>
            <Select options={[...years].reverse().map((y) => ({ value: y, label: y }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="area" label={t('indicators.official.fields.area')}>
            <Select allowClear options={areas.options} placeholder={areas.options[0]?.label} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="value" label={t('indicators.official.fields.value')} required>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="published_on" label={t('indicators.official.fields.published_on')} required>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name="source" label={t('indicators.official.fields.source')} required>
            <Input placeholder={t('indicators.official.sourcePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('indicators.official.fields.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="official-value-submit">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
