import type { Message } from '../../../src/domain/message';
import type { WorkflowPath } from '../../../src/domain/workflow/definition';
import type { ApplicationView } from '../api/filings';

/**
 * The actions the server offers on an application, as buttons: which stand out, which ask for a
 * reason or a confirmation, and which are disabled with the messages of their unmet requirements.
 * The server decides every action again when it is taken.
 */

export type Tone = 'primary' | 'default' | 'danger';

export interface ActionButton {
  action: string;
  label: Message;
  to: string;
  tone: Tone;
  /** Its path requires a reason (return, reject, revoke) or one chosen from a list: a dialog asks for it. */
  needsReason: boolean;
  /** The reason must be written (reason_given); a reason chosen from the list may come without text. */
  reasonText: boolean;
  /** The reasons to choose from (not registering a contract), if the action has a list. */
  reasonCodes: Array<{ code: string; label: Message }>;
  /** Ends the application without a reason (withdraw): asked once more. */
  confirm: boolean;
  /** Its path requires the form complete (submit): the page saves the form first. */
  savesForm: boolean;
  /** Messages of the requirements not met yet; any makes the button disabled. */
  unmet: Message[];
}

/** What the page knows better than the last reply: the form as it is being typed. */
export interface LocalFacts {
  /** Every required field is filled in on the page: submitting saves the form first. */
  formComplete?: boolean;
}

const TONE_ORDER: Record<Tone, number> = { primary: 0, default: 1, danger: 2 };

export function actionButtons(actions: ApplicationView['actions'], path: WorkflowPath | undefined, local: LocalFacts = {}): ActionButton[] {
  return actions
    .map((a) => {
      const transition = path?.transitions.find((t) => t.action === a.action && t.to === a.to);
      const reasonText = transition?.requires?.includes('reason_given') ?? false;
      const reasonCodes = a.reason_codes ?? [];
      const needsReason = reasonText || reasonCodes.length > 0;
      const terminal = path?.states.find((s) => s.code === a.to)?.terminal ?? false;
      // An ending with a reason, or the applicant's own (withdraw), is a refusal; an officer's plain ending (register) a decision for it.
      const refusal = terminal && (needsReason || (transition?.by.includes('applicant') ?? true));
      const tone: Tone = refusal ? 'danger' : needsReason ? 'default' : 'primary';
      const unmet = a.unmet.filter((u) => !(u.requirement === 'form_complete' && local.formComplete)).map((u) => u.message);
      const savesForm = transition?.requires?.includes('form_complete') ?? false;
      return { action: a.action, label: a.label, to: a.to, tone, needsReason, reasonText, reasonCodes, confirm: terminal && !needsReason, savesForm, unmet };
    })
    .sort((x, y) => TONE_ORDER[x.tone] - TONE_ORDER[y.tone]);
}

/** The tooltip of a disabled button: every unmet requirement, one per line. */
export const unmetText = (unmet: readonly Message[], side: 'zh' | 'en'): string => unmet.map((m) => m[side]).join('\n');
