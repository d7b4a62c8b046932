import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partyLabels } from '../../../src/domain/workflow/engine';
import type { ApplicationView, FilingTypeList } from '../api/filings';
import { formatTimestamp } from '../detail/format';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { applicationSubject } from './applicationView';
import { DeadlineTag, StateTag } from './StateTags';
import { useMessageText } from './useMessageText';
import { PageTitle } from '../components/PageTitle';

/** The registry page of what filing wrote. */
const FILED_PATHS: Record<string, string> = { platforms: '/platforms', rd_institutions: '/rd-institutions', tech_contracts: '/tech-contracts' };

/** Who applies for what, where it stands, whom it waits for and until when; the actions below. */
export function ApplicationHeader({ view, types, actions }: { view: ApplicationView; types: FilingTypeList | undefined; actions: ReactNode }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { label } = useCodeLabels();
  const field = view.field === null ? undefined : types?.expertise_fields[view.field];
  const filedPath = view.filed_entity && view.filed_record_id ? FILED_PATHS[view.filed_entity] : undefined;
  return (
    <Card data-testid="application-header">
      <Flex vertical gap="middle">
        <Flex justify="space-between" align="start" wrap gap="small">
          <div>
            <PageTitle data-testid="application-title">{applicationSubject(view)}</PageTitle>
            <Typography.Text type="secondary">
              {text(view.filing_type_name)} · #{view.id}
            </Typography.Text>
          </div>
          <Flex gap={4} wrap align="center">
            <StateTag state={view.state} label={view.state_label} />
            {view.waiting_for && <Tag>{t('filings.application.waitingFor', { party: text(partyLabels[view.waiting_for]) })}</Tag>}
            <DeadlineTag application={view} />
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'applicant', label: t('filings.columns.applicant'), children: view.organization_name },
            ...(view.rd_institution_id
              ? [{ key: 'institution', label: t('filings.new.fields.rd_institution_id'), children: <Link to={`/rd-institutions/${view.rd_institution_id}`} data-testid="subject-institution">{view.subject}</Link> }]
              : []),
            ...(view.tech_contract_id
              ? [{ key: 'contract', label: t('filings.application.contract'), children: <Link to={`/tech-contracts/${view.tech_contract_id}`} data-testid="subject-contract">{view.subject}</Link> }]
              : []),
            ...(view.field === null ? [] : [{ key: 'field', label: t('filings.application.field'), children: field ? text(field) : view.field }]),
            { key: 'district', label: t('filings.columns.district'), children: label('district', view.district_code) },
            { key: 'submitted', label: t('filings.columns.submittedAt'), children: view.submitted_at ? formatTimestamp(view.submitted_at) : t('common.none') },
            { key: 'since', label: t('filings.columns.stateSince'), children: formatTimestamp(view.state_since) },
            ...(view.notice_from && view.notice_to
              ? [{ key: 'notice', label: t('filings.application.notice'), children: <span data-testid="notice-period">{t('filings.period', { from: view.notice_from, to: view.notice_to })}</span> }]
              : []),
            ...(filedPath
              ? [{ key: 'filed', label: t('filings.application.filed'), children: <Link to={`${filedPath}/${view.filed_record_id}`} data-testid="filed-record">{t('filings.application.openFiled')}</Link> }]
              : []),
          ]}
        />
        {view.decision_reason && <Alert type={view.state === 'filed' ? 'info' : 'warning'} showIcon title={t('filings.application.decisionReason')} description={view.decision_reason} />}
        {actions}
      </Flex>
    </Card>
  );
}
