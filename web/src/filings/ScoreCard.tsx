import { App, Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../src/domain/workflow/definition';
import { useSubmitReview, type ApplicationView } from '../api/filings';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
import { maxTotal, reviewBody, scoreTotal, scoreValues, type ScoreValues } from './scoreForm';
import { useMessageText } from './useMessageText';

/** 我的评分 (a drawn expert): every criterion from 0 to its maximum and a comment; again to change them while the review runs. */
export function ScoreCard({ view, criteria }: { view: ApplicationView; criteria: readonly Criterion[] }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreValues>();
  const paths = useMemo(() => [...criteria.map((c) => `scores.${c.key}`), 'comment'], [criteria]);
  const problems = useServerProblems(form, paths);
  const submit = useSubmitReview();
  // An expert sees only their own review.
  const own = view.reviews[0];
  const [initialValues] = useState(() => scoreValues(criteria, own));
  const scores = Form.useWatch('scores', form) ?? initialValues.scores;

  const onFinish = (values: ScoreValues) => {
    problems.clear();
    submit.mutate({ id: view.id, body: reviewBody(criteria, values) }, { onSuccess: () => void message.success(t('filings.score.submitted')), onError: problems.show });
  };

  return (
    <Card title={t('filings.score.title')} data-testid="score-card" extra={own && <Typography.Text type="secondary">{t('filings.score.already', { total: own.total })}</Typography.Text>}>
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('filings.score.hint')}</Typography.Text>
        <FormProblems problems={problems} />
        <Form<ScoreValues> form={form} layout="vertical" data-testid="score-form" initialValues={initialValues} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
          {criteria.map((c) => (
            <Form.Item key={c.key} name={['scores', c.key]} label={`${text(c.label)}（${t('filings.score.max', { max: c.max })}）`} rules={[{ required: true, message: t('filings.score.required') }]}>
              <InputNumber<number> min={0} max={c.max} step={1} style={{ width: 160 }} data-testid={`score-${c.key}`} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('filings.score.comment')} rules={[{ required: true, whitespace: true, message: t('filings.score.commentRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="score-comment" />
          </Form.Item>
          <Flex justify="space-between" align="center">
            <Typography.Text strong data-testid="score-total">
              {t('filings.score.total', { total: scoreTotal(criteria, scores), max: maxTotal(criteria) })}
            </Typography.Text>
            <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="score-submit">
              {t('filings.score.submit')}
            </Button>
          </Flex>
        </Form>
      </Flex>
    </Card>
  );
}
