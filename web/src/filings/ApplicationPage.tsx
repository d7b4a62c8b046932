import { Alert, Col, Flex, Result, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplication, useFilingTypes, type ApplicationView, type FilingTypeList, type FilingTypeView } from '../api/filings';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { ApplicationActions } from './ApplicationActions';
import { ApplicationFormCard } from './ApplicationFormCard';
import { ApplicationHeader } from './ApplicationHeader';
import { canScore, isEditable, isOfficer, returnReason, showsReviews } from './applicationView';
import { ChecklistCard } from './ChecklistCard';
import { EvaluationsCard } from './EvaluationsCard';
import { ExpertDrawCard } from './ExpertDrawCard';
import { ObjectionsCard } from './ObjectionsCard';
import { RequireSignIn } from './RequireSignIn';
import { ReviewOutcome, ReviewsCard } from './ReviewsCard';
import { ScoreCard } from './ScoreCard';
import { TimelineCard } from './TimelineCard';
import { useDraft } from './useDraft';
import { useLeaveGuard } from '../form/useLeaveGuard';
import { useMessageText } from './useMessageText';

/** 备案申请: one application as the caller stands to it — the applicant fills it in, the officer handles it, a drawn expert scores it. */
export function ApplicationPage({ id }: { id: number }) {
  return (
    <RequireSignIn>
      <ApplicationLoader id={id} />
    </RequireSignIn>
  );
}

function ApplicationLoader({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: view, error } = useApplication(id);
  const { data: types, error: typesError } = useFilingTypes();
  const failed = error ?? typesError;
  if (failed && !view) return <Result status={failed instanceof ApiProblem && failed.status === 404 ? '404' : 'error'} title={t('common.loadFailed')} subTitle={<ProblemAlert error={failed} />} />;
  const type = types?.results.find((ft) => ft.code === view?.filing_type);
  if (!view || !type) return <Skeleton active />;
  // A new key per application: the draft's form starts again from that application's data.
  return <ApplicationDetail key={view.id} view={view} type={type} types={types} />;
}

function ApplicationDetail({ view, type, types }: { view: ApplicationView; type: FilingTypeView; types: FilingTypeList | undefined }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const draft = useDraft(view, type.form);
  const editable = isEditable(view);
  useLeaveGuard(() => editable && draft.dirty);
  const officer = isOfficer(view);
  const returned = returnReason(view);
  const showReviewer = !editable && view.below_minimum.length > 0;
  return (
    <Flex vertical gap="middle" data-testid="application-page">
      <ApplicationHeader view={view} types={types} actions={<ApplicationActions view={view} path={type.path} draft={editable ? draft : null} />} />
      {returned && <Alert type="warning" showIcon title={t('filings.application.returned')} description={returned} data-testid="return-reason" />}
      {showReviewer && (
        <Alert
          type="warning"
          showIcon
          data-testid="below-minimum"
          title={t('filings.application.belowMinimumTitle')}
          description={view.below_minimum.map((b) => t('filings.application.belowMinimumItem', { label: text(b.label), value: b.value, min: b.min })).join(t('filings.listSeparator'))}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap="middle">
            {canScore(view) && type.review && <ScoreCard view={view} criteria={type.review.criteria} />}
            {view.review_outcome && <ReviewOutcome outcome={view.review_outcome} />}
            {officer && (view.draw || view.state === 'formal_check') && <ExpertDrawCard view={view} />}
            {showsReviews(view) && type.review && <ReviewsCard view={view} criteria={type.review.criteria} />}
            {(view.objections.length > 0 || (officer && view.state === 'public_notice')) && <ObjectionsCard view={view} />}
            {officer && (view.state === 'filed' || view.evaluations.length > 0) && <EvaluationsCard view={view} />}
            <ApplicationFormCard view={view} fields={type.form} draft={draft} editable={editable} />
            <ChecklistCard view={view} checklist={type.checklist} editable={editable} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <TimelineCard view={view} path={type.path} />
        </Col>
      </Row>
    </Flex>
  );
}
