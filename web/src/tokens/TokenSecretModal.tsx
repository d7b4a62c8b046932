import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiTokenCreated } from '../api/tokens';

/**
 * The new token, shown this once: the server keeps only its hash. The dialog closes only by its
 * button (not by a stray click outside or Esc), so the token is not lost by accident.
 */
export function TokenSecretModal({ created, onClose }: { created: ApiTokenCreated; onClose: () => void }) {
  const { t } = useTranslation();
  const example = `curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/v1/auth/me`;
  return (
    <Modal
      open
      title={t('tokens.createdTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" data-testid="token-secret-done" onClick={onClose}>
          {t('tokens.done')}
        </Button>
      }
      width={640}
    >
      <Flex vertical gap="middle" data-testid="token-secret-modal">
        <Alert type="warning" showIcon title={t('tokens.onceWarning')} />
        <Typography.Text strong>{created.name}</Typography.Text>
        <Typography.Paragraph
          code
          copyable={{ text: created.token, tooltips: [t('tokens.copy'), t('tokens.copied')] }}
          style={{ wordBreak: 'break-all', margin: 0 }}
          data-testid="token-secret"
        >
          {created.token}
        </Typography.Paragraph>
        <div>
          <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
          <Typography.Paragraph code style={{ wordBreak: 'break-all', margin: 0 }}>
            {example}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Modal>
  );
}
