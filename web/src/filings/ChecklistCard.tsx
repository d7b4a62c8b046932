import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Popconfirm, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../src/domain/workflow/definition';
import { attachmentUrl, useRemoveAttachment, useUploadAttachment, type ApplicationView, type Attachment } from '../api/filings';
import { ProblemAlert } from '../components/ProblemAlert';
import { ACCEPTED_DOCUMENTS, attachmentForm, checklistRows, fileSize, MAX_DOCUMENT_BYTES, type ChecklistRow } from './checklistView';
import { useMessageText } from './useMessageText';

/** 申请材料: each checklist item with its documents; the applicant uploads and removes them while the application is editable. */
export function ChecklistCard({ view, checklist, editable }: { view: ApplicationView; checklist: readonly ChecklistItem[]; editable: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const rows = checklistRows(checklist, view.attachments);
  return (
    <Card title={t('filings.checklist.title')} data-testid="checklist-card" extra={editable && <Typography.Text type="secondary">{t('filings.checklist.hint')}</Typography.Text>}>
      <Flex vertical gap="small">
        {error !== null && <ProblemAlert error={error} onClose={() => setError(null)} />}
        <List<ChecklistRow> dataSource={rows} renderItem={(row) => <ChecklistRowItem row={row} applicationId={view.id} editable={editable} onError={setError} />} />
      </Flex>
    </Card>
  );
}

function ChecklistRowItem({ row, applicationId, editable, onError }: { row: ChecklistRow; applicationId: number; editable: boolean; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { message } = App.useApp();
  const upload = useUploadAttachment();
  const send = (file: File) => {
    onError(null);
    if (file.size > MAX_DOCUMENT_BYTES) {
      void message.error(t('filings.checklist.tooLarge'));
      return;
    }
    upload.mutate({ id: applicationId, form: attachmentForm(row.item.key, file, file.name) }, { onSuccess: () => void message.success(t('filings.checklist.uploaded', { file: file.name })), onError });
  };
  return (
    <List.Item data-testid={`checklist-${row.item.key}`} data-missing={row.missing}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" gap="small" wrap>
          <Flex gap="small" align="center" wrap>
            <Typography.Text strong>{text(row.item.label)}</Typography.Text>
            <Tag color={row.item.required ? 'blue' : 'default'}>{row.item.required ? t('filings.checklist.required') : t('filings.checklist.optional')}</Tag>
            {row.missing && <Tag color="warning">{t('filings.checklist.missing')}</Tag>}
          </Flex>
          {editable && (
            <Upload
              accept={ACCEPTED_DOCUMENTS}
              showUploadList={false}
              beforeUpload={(file) => {
                send(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={`upload-${row.item.key}`}>
                {t('filings.checklist.upload')}
              </Button>
            </Upload>
          )}
        </Flex>
        {row.attachments.map((a) => (
          <AttachmentLine key={a.id} applicationId={applicationId} attachment={a} editable={editable} onError={onError} />
        ))}
      </Flex>
    </List.Item>
  );
}

function AttachmentLine({ applicationId, attachment, editable, onError }: { applicationId: number; attachment: Attachment; editable: boolean; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveAttachment();
  return (
    <Flex gap="small" align="center" data-testid="attachment">
      <PaperClipOutlined />
      <a href={attachmentUrl(applicationId, attachment.id)} target="_blank" rel="noreferrer">
        {attachment.file_name}
      </a>
      <Typography.Text type="secondary">{fileSize(attachment.size)}</Typography.Text>
      {editable && (
        <Popconfirm
          title={t('filings.checklist.removeConfirm', { file: attachment.file_name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutate({ id: applicationId, attachmentId: attachment.id }, { onSuccess: () => void message.success(t('filings.checklist.removed')), onError })}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label={t('common.delete')} />
        </Popconfirm>
      )}
    </Flex>
  );
}
