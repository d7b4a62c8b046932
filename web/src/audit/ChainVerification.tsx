import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../api/audit';
import { messageSide } from '../i18n/language';
import { formatAuditTime } from './auditView';

/** 校验哈希链: asks the server to recompute the whole chain. */
export function VerifyChainButton({ loading, onVerify }: { loading: boolean; onVerify: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<SafetyOutlined />} loading={loading} onClick={onVerify} data-testid="verify-chain">
      {t('audit.verify')}
    </Button>
  );
}

/** The verification's outcome: green with the count and the head's hash, or red with every break found, in the UI language. */
export function ChainVerificationResult({ result, onClose }: { result: AuditVerification; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const checkedAt = t('audit.verifiedAt', { time: formatAuditTime(result.checked_at) });
  if (!result.ok)
    return (
      <Alert
        type="error"
        showIcon
        closable={{ onClose }}
        data-testid="chain-result"
        data-ok="false"
        title={t('audit.verifyBroken', { count: result.breaks.length })}
        description={
          <>
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="chain-breaks">
              {result.breaks.map((b) => (
                <li key={`${b.id}:${b.kind}`}>{t('audit.breakAt', { id: b.id, message: b.message[side] })}</li>
              ))}
            </ul>
            <Typography.Text type="secondary">{checkedAt}</Typography.Text>
          </>
        }
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="chain-result"
      data-ok="true"
      title={t('audit.verifyOk', { count: result.entries })}
      description={
        result.head ? (
          <>
            <div>
              {t('audit.verifyHead', { id: result.head.id })} <Typography.Text code copyable data-testid="chain-head-hash">{result.head.hash}</Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {t('audit.verifyHeadHint')} {checkedAt}
            </Typography.Text>
          </>
        ) : (
          t('audit.verifyEmpty')
        )
      }
    />
  );
}
