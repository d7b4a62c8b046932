import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluate, type ApplicationView, type EvaluationBody } from '../api/filings';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
import { formatTimestamp } from '../detail/format';
import { canEvaluate, EVALUATION_RESULTS, nextEvaluationYear, type EvaluationResult } from './applicationView';

type Evaluation = ApplicationView['evaluations'][number];
const EVALUATION_FIELDS = ['year', 'result', 'comment'] as const;
const RESULT_COLORS: Record<string, string> = { excellent: 'success', qualified: 'blue', unqualified: 'error' };

/** 年度评价 of a filed platform or institution; an "unqualified" one opens the way to revocation. */
export function EvaluationsCard({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const resultLabel = (r: string) => ((EVALUATION_RESULTS as readonly string[]).includes(r) ? t(`filings.evaluations.results.${r as EvaluationResult}`) : r);
  const columns: TableProps<Evaluation>['columns'] = [
    { key: 'year', title: t('filings.evaluations.year'), render: (_, e) => e.year },
    { key: 'result', title: t('filings.evaluations.result'), render: (_, e) => <Tag color={RESULT_COLORS[e.result] ?? 'default'}>{resultLabel(e.result)}</Tag> },
    { key: 'comment', title: t('filings.evaluations.comment'), render: (_, e) => e.comment ?? t('common.none') },
    { key: 'at', title: t('filings.evaluations.evaluatedAt'), render: (_, e) => formatTimestamp(e.evaluated_at) },
  ];
  return (
    <Card title={t('filings.evaluations.title')} data-testid="evaluations-card">
      <Flex vertical gap="middle">
        <Table<Evaluation> rowKey="year" size="small" columns={columns} dataSource={view.evaluations} pagination={false} locale={{ emptyText: t('filings.evaluations.none') }} />
        {canEvaluate(view) && <EvaluationForm view={view} />}
      </Flex>
    </Card>
  );
}

function EvaluationForm({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluationBody>();
  const problems = useServerProblems(form, EVALUATION_FIELDS);
  const evaluate = useEvaluate();
  const [initialValues] = useState(() => ({ year: nextEvaluationYear(view.evaluations, new Date().getFullYear()) }));
  const onFinish = (body: EvaluationBody) => {
    problems.clear();
    const comment = body.comment?.trim();
    evaluate.mutate({ id: view.id, body: { year: body.year, result: body.result, ...(comment ? { comment } : {}) } }, { onSuccess: () => void message.success(t('filings.evaluations.added')), onError: problems.show });
  };
  return (
    <Form<EvaluationBody> form={form} layout="inline" data-testid="evaluation-form" initialValues={initialValues} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
      <FormProblems problems={problems} />
      <Form.Item name="year" label={t('filings.evaluations.year')} rules={[{ required: true, message: t('auth.required') }]}>
        <InputNumber<number> min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="result" label={t('filings.evaluations.result')} rules={[{ required: true, message: t('auth.required') }]}>
        <Select style={{ width: 140 }} options={EVALUATION_RESULTS.map((r) => ({ value: r, label: t(`filings.evaluations.results.${r}`) }))} placeholder={t('form.selectPlaceholder')} />
      </Form.Item>
      <Form.Item name="comment" label={t('filings.evaluations.comment')}>
        <Input maxLength={5000} style={{ width: 280 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={evaluate.isPending} data-testid="evaluation-submit">
        {t('filings.evaluations.add')}
      </Button>
    </Form>
  );
}
