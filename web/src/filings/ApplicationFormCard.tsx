import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../src/domain/workflow/definition';
import { useRefreshApplication, type ApplicationView } from '../api/filings';
import { FormProblems } from '../form/FormProblems';
import { FormFieldControl } from './FormFieldControl';
import { minimumOf } from './formFields';
import type { Draft, DraftStore } from './useDraft';
import { useMessageText } from './useMessageText';

interface Props {
  view: ApplicationView;
  fields: readonly FormField[];
  draft: Draft;
  editable: boolean;
}

/**
 * The application form (申请表), generated from the filing type's form: editable by the applicant
 * while a draft or returned ("save draft" keeps it, If-Match), read-only for everyone else.
 */
export function ApplicationFormCard({ view, fields, draft, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshApplication();
  const save = async () => {
    if (!draft.dirty) void message.info(t('form.unchanged'));
    else if (await draft.save()) void message.success(t('filings.application.saved'));
  };
  const reload = async () => {
    try {
      draft.reload(await refresh(view.id));
    } catch (err) {
      draft.problems.show(err);
    }
  };
  return (
    <Card
      title={t('filings.application.form')}
      data-testid="application-form-card"
      extra={
        editable && (
          <Flex gap="small" align="center">
            {draft.dirty && <Tag color="warning">{t('filings.application.unsaved')}</Tag>}
            <Button icon={<SaveOutlined />} loading={draft.saving} onClick={() => void save()} data-testid="save-draft">
              {t('filings.application.saveDraft')}
            </Button>
          </Flex>
        )
      }
    >
      <Flex vertical gap="middle">
        {editable && <Typography.Text type="secondary">{t('filings.application.prefilledHint')}</Typography.Text>}
        {draft.stale && (
          <Alert
            type="warning"
            showIcon
            data-testid="application-stale"
            title={t('form.staleTitle')}
            description={t('form.staleBody', { version: draft.base.version })}
            action={<Button onClick={() => void reload()}>{t('common.reload')}</Button>}
          />
        )}
        <FormProblems problems={draft.problems} />
        <Form<DraftStore> form={draft.form} layout="vertical" data-testid="application-form" disabled={!editable} onValuesChange={draft.problems.onValuesChange}>
          {fields.map((f) => (
            <ApplicationFormItem key={f.key} field={f} below={view.below_minimum.find((b) => b.key === f.key)} />
          ))}
        </Form>
      </Flex>
    </Card>
  );
}

function ApplicationFormItem({ field, below }: { field: FormField; below: ApplicationView['below_minimum'][number] | undefined }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const minimum = minimumOf(field);
  const hint = minimum && t('filings.application.minimum', { min: minimum.min, unit: minimum.unit ? ` ${text(minimum.unit)}` : '' });
  return (
    <Form.Item
      name={['data', field.key]}
      label={text(field.label)}
      required={field.required}
      extra={
        (hint || below) && (
          <Flex vertical>
            {hint && <span>{hint}</span>}
            {below && (
              <Typography.Text type="warning" data-testid={`below-minimum-${field.key}`}>
                {t('filings.application.belowMinimum', { value: below.value, min: below.min })}
              </Typography.Text>
            )}
          </Flex>
        )
      }
    >
      <FormFieldControl field={field} />
    </Form.Item>
  );
}
