import { App, Button, Card, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResolveObjection, type ApplicationView, type ResolutionBody } from '../api/filings';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
import { formatTimestamp } from '../detail/format';
import { canResolve } from './applicationView';

type Objection = ApplicationView['objections'][number];
const RESOLUTION_FIELDS = ['upheld', 'resolution'] as const;

/** 公示异议: objections lodged during the notice; an officer resolves each (upheld or not, and why). */
export function ObjectionsCard({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const resolvable = canResolve(view);
  return (
    <Card title={t('filings.objections.title')} data-testid="objections-card">
      <List<Objection>
        dataSource={view.objections}
        locale={{ emptyText: t('filings.objections.none') }}
        renderItem={(o) => (
          <List.Item data-testid={`objection-${o.id}`}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap="small" align="center" wrap>
                <Typography.Text strong>{o.name}</Typography.Text>
                <Typography.Text type="secondary">{formatTimestamp(o.lodged_at)}</Typography.Text>
                <ObjectionStatus objection={o} />
              </Flex>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
              {o.resolution && <Typography.Text type="secondary">{t('filings.objections.resolutionSaid', { resolution: o.resolution })}</Typography.Text>}
              {resolvable && o.upheld === null && <ResolveForm applicationId={view.id} objectionId={o.id} />}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ObjectionStatus({ objection }: { objection: Objection }) {
  const { t } = useTranslation();
  if (objection.upheld === null) return <Tag color="warning">{t('filings.objections.open')}</Tag>;
  return objection.upheld ? <Tag color="error">{t('filings.objections.upheld')}</Tag> : <Tag color="success">{t('filings.objections.notUpheld')}</Tag>;
}

function ResolveForm({ applicationId, objectionId }: { applicationId: number; objectionId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolutionBody>();
  const problems = useServerProblems(form, RESOLUTION_FIELDS);
  const resolve = useResolveObjection();
  const onFinish = (body: ResolutionBody) => {
    problems.clear();
    resolve.mutate({ id: applicationId, objectionId, body: { upheld: body.upheld, resolution: body.resolution.trim() } }, { onSuccess: () => void message.success(t('filings.objections.resolved')), onError: problems.show });
  };
  return (
    <Form<ResolutionBody> form={form} layout="vertical" data-testid={`resolve-form-${objectionId}`} onFinish={onFinish} onValuesChange={problems.onValuesChange} style={{ marginTop: 8 }}>
      <FormProblems problems={problems} />
      <Form.Item name="upheld" label={t('filings.objections.upheldQuestion')} rules={[{ required: true, message: t('auth.required') }]}>
        <Radio.Group>
          <Radio value={true}>{t('filings.objections.upheld')}</Radio>
          <Radio value={false}>{t('filings.objections.notUpheld')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="resolution" label={t('filings.objections.resolution')} rules={[{ required: true, whitespace: true, message: t('auth.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={resolve.isPending} data-testid={`resolve-submit-${objectionId}`}>
        {t('filings.objections.resolve')}
      </Button>
    </Form>
  );
}
