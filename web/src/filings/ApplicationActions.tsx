import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowPath } from '../../../src/domain/workflow/definition';
import { useTransition, type ApplicationView } from '../api/filings';
import { ProblemAlert } from '../components/ProblemAlert';
import { actionButtons, unmetText, type ActionButton } from './actionButtons';
import { canScore } from './applicationView';
import type { Draft } from './useDraft';
import { ReasonModal } from './ReasonModal';
import { useMessageText } from './useMessageText';

interface Props {
  view: ApplicationView;
  path: WorkflowPath | undefined;
  /** The applicant's draft while editable: submitting saves it first. */
  draft: Draft | null;
}

/**
 * The actions the server offers the caller, as buttons. One whose requirements are unmet is
 * disabled, its tooltip saying why; return, reject and revoke ask for the reason; withdrawing
 * asks once more. The server decides again; a refusal is shown here.
 */
export function ApplicationActions({ view, path, draft }: Props) {
  const { t } = useTranslation();
  const { text, side } = useMessageText();
  const { message, modal } = App.useApp();
  const transition = useTransition();
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState<ActionButton | null>(null);
  const buttons = actionButtons(view.actions, path, { formComplete: draft !== null && draft.missing.length === 0 });

  const run = async (button: ActionButton, reason?: string, reasonCode?: string) => {
    setError(null);
    let version = view.version;
    if (button.savesForm && draft) {
      if (draft.missing.length) {
        draft.form.setFields(draft.missing.map((key) => ({ name: ['data', key] as ['data', string], errors: [t('filings.actions.requiredToSubmit')] })));
        draft.form.scrollToField(['data', draft.missing[0]!], { block: 'center' });
        return;
      }
      const saved = await draft.save();
      if (!saved) return;
      version = saved.version;
    }
    transition.mutate(
      { id: view.id, version, action: button.action, ...(reason ? { reason } : {}), ...(reasonCode ? { reason_code: reasonCode } : {}) },
      {
        onSuccess: (after) => {
          setAsking(null);
          void message.success(t('filings.actions.done', { action: text(button.label), state: text(after.state_label) }));
        },
        onError: (err) => {
          setAsking(null);
          setError(err);
        },
      },
    );
  };

  const onClick = (button: ActionButton) => {
    if (button.needsReason) setAsking(button);
    else if (button.confirm)
      modal.confirm({ title: t('filings.actions.confirmTitle', { action: text(button.label) }), okText: t('filings.actions.confirm'), cancelText: t('common.cancel'), okButtonProps: { danger: true }, onOk: () => run(button) });
    else void run(button);
  };

  // A drawn expert's step is the scoring form below, not a transition.
  if (buttons.length === 0) return canScore(view) ? null : <Typography.Text type="secondary">{t('filings.actions.none')}</Typography.Text>;
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap data-testid="application-actions">
        {buttons.map((b) => (
          <Tooltip key={b.action} title={b.unmet.length ? <span style={{ whiteSpace: 'pre-line' }}>{unmetText(b.unmet, side)}</span> : undefined}>
            <Button
              type={b.tone === 'primary' ? 'primary' : 'default'}
              danger={b.tone === 'danger'}
              disabled={b.unmet.length > 0}
              loading={(transition.isPending && transition.variables?.action === b.action) || (b.savesForm && draft?.saving === true)}
              data-testid={`action-${b.action}`}
              onClick={() => onClick(b)}
            >
              {text(b.label)}
            </Button>
          </Tooltip>
        ))}
      </Flex>
      {error !== null && <ProblemAlert error={error} onClose={() => setError(null)} />}
      {asking && (
        <ReasonModal
          title={text(asking.label)}
          codes={asking.reasonCodes}
          textRequired={asking.reasonText}
          submitting={transition.isPending}
          onSubmit={(reason, code) => void run(asking, reason, code)}
          onClose={() => setAsking(null)}
        />
      )}
    </Flex>
  );
}
