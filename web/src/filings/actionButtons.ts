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
  /** Its path requires a reason (return, reject, revoke): a dialog asks for it. */
  needsReason: boolean;
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
      const needsReason = transition?.requires?.includes('reason_given') ?? false;
      const terminal = path?.states.find((s) => s.code === a.to)?.terminal ?? false;
      const tone: Tone = terminal ? 'danger' : needsReason ? 'default' : 'primary';
      const unmet = a.unmet.filter((u) => !(u.requirement === 'form_complete' && local.formComplete)).map((u) => u.message);
      const savesForm = transition?.requires?.includes('form_complete') ?? false;
      return { action: a.action, label: a.label, to: a.to, tone, needsReason, confirm: terminal && !needsReason, savesForm, unmet };
    })
    .sort((x, y) => TONE_ORDER[x.tone] - TONE_ORDER[y.tone]);
}

/** The tooltip of a disabled button: every unmet requirement, one per line. */
export const unmetText = (unmet: readonly Message[], side: 'zh' | 'en'): string => unmet.map((m) => m[side]).join('\n');
