import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../api/indicators';
import { useCreateTarget, type Target } from '../api/targets';
import { useServerProblems } from '../form/useServerProblems';
import { FormProblems } from '../form/FormProblems';
import { useAreas } from '../indicators/useAreas';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';

const FIELDS = ['indicator_code', 'period', 'area', 'comparator', 'value', 'tolerance', 'note'] as const;

interface Values {
  indicator_code?: string;
  period?: string;
  area?: string;
  comparator?: Target['comparator'];
  value?: number | null;
  tolerance?: number | null;
  note?: string;
}

interface Props {
  indicators: readonly Indicator[];
  years: readonly string[];
  period: string;
  onCreated: (target: Target) => void;
}

/** 新建目标: an indicator, year, area (the city when left empty) and the comparison; problems beside their fields. */
export function TargetCreateForm({ indicators, years, period, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useIndicatorFormat();
  const areas = useAreas();
  const [form] = Form.useForm<Values>();
  const problems = useServerProblems(form, FIELDS);
  const create = useCreateTarget();

  const onFinish = (values: Values) => {
    problems.clear();
    create.mutate(
      { ...values, note: values.note || null },
      {
        onSuccess: (target) => {
          message.success(t('targets.created'));
          form.resetFields(['value', 'tolerance', 'note']);
          onCreated(target);
        },
        onError: problems.show,
      },
    );
  };

  return (
    <Card size="small" title={t('targets.create')}>
      <Form<Values> form={form} layout="vertical" name="newTarget" data-testid="target-form" initialValues={{ period, comparator: '>=' }} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="indicator_code" label={t('targets.fields.indicator_code')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={indicators.map((i) => ({ value: i.code, label: fmt.text(i.name) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="period" label={t('targets.fields.period')} required>
              <Select options={[...years].reverse().map((y) => ({ value: y, label: y }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="area" label={t('targets.fields.area')}>
              <Select allowClear options={areas.options} placeholder={areas.options[0]?.label} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="comparator" label={t('targets.fields.comparator')} required>
              <Select
                options={[
                  { value: '>=', label: t('targets.comparatorOptions.atLeast') },
                  { value: '<=', label: t('targets.comparatorOptions.atMost') },
                  { value: '≈', label: t('targets.comparatorOptions.about') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="value" label={t('targets.fields.value')} required>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="tolerance" label={t('targets.fields.tolerance')} extra={t('targets.toleranceHelp')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="note" label={t('targets.fields.note')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="target-submit">
            {t('common.create')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
