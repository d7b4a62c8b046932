import type { Message } from '../message.js';

/**
 * A filing workflow as data (备案流程): the states and transitions of a path, declared once and
 * shared by filing types, and each filing type's form, checklist, review criteria, public-notice
 * length and what filing writes to the registry. Loaded from config/workflows (checked there by
 * the contract in src/contracts/workflows.ts); this module only describes and runs them.
 */

/** How a caller stands to one application: whose turn a transition is is said in these terms. */
export type Party = 'applicant' | 'officer' | 'expert' | 'public';

/**
 * Conditions a transition may require, each computed by the service from the application's
 * records (pure facts here, so the engine stays pure and every refusal names its reason).
 */
export const requirementCodes = [
  'form_complete',
  'checklist_complete',
  'experts_drawn',
  'reviews_complete',
  'review_passed',
  'notice_ended',
  'objections_resolved',
  'no_objection_upheld',
  'reason_given',
  'reason_code_given',
  'unqualified_evaluation',
] as const;
export type Requirement = (typeof requirementCodes)[number];

export interface WorkflowState {
  code: string;
  label: Message;
  /** No transition leaves it (filed may still be evaluated and revoked: not terminal). */
  terminal?: boolean;
  /** Who must act next: what fills their inbox and queue. */
  waitingFor?: Party;
  /** Working days the party waited for has to act, counted from the day the state began (overdue after the last). */
  deadlineDays?: number;
  /** Or calendar days, where the rule says days without saying working days (a contract's registration: 30 days). */
  deadlineCalendarDays?: number;
}

export interface WorkflowTransition {
  action: string;
  label: Message;
  from: readonly string[];
  to: string;
  by: readonly Party[];
  requires?: readonly Requirement[];
  /** A code list the reason is chosen from (`reason_code_given`), e.g. the reasons a contract is not registered. */
  reasonCodes?: string;
}

/** A path: the state machine several filing types share. */
export interface WorkflowPath {
  code: string;
  initial: string;
  states: readonly WorkflowState[];
  transitions: readonly WorkflowTransition[];
}

/** One field of an application form; `prefill` names where the registry already knows it. */
export interface FormField {
  key: string;
  label: Message;
  /** `district` and `zone`: a code of the city configuration. */
  type: 'text' | 'longtext' | 'number' | 'date' | 'bool' | 'code' | 'district' | 'zone';
  required: boolean;
  /** For `code` fields: the allowed values and their labels. */
  codes?: Readonly<Record<string, Message>>;
  /** A field of the applicant organization (or, for a subject institution, of that institution) to start from. */
  prefill?: string;
  /** Numbers: the least value that meets the criterion (a hint to reviewers, not a block). */
  min?: number;
  unit?: Message;
}

/** A document the applicant provides (材料清单). */
export interface ChecklistItem {
  key: string;
  label: Message;
  required: boolean;
}

/** A criterion experts score (评审指标): 0 to `max` points. */
export interface Criterion {
  key: string;
  label: Message;
  max: number;
}

/** What filing writes to the registry, in the transaction that closes the application. */
export type FilingSubject =
  | { kind: 'platform'; platformType: string; level: string }
  | { kind: 'rd_institution'; category: string; level: string }
  | { kind: 'four_global' }
  /** Registers one of the applicant's technology contracts; the contract's status follows the application's state. */
  | { kind: 'tech_contract'; contractStatus: Readonly<Record<string, string>> };

export interface FilingType {
  code: string;
  name: Message;
  path: string;
  subject: FilingSubject;
  form: readonly FormField[];
  checklist: readonly ChecklistItem[];
  /** Expert review, for a path that draws experts (a contract's registration has none). */
  review?: {
    /** Experts drawn for each application. */
    experts: number;
    criteria: readonly Criterion[];
    /** The mean total score an application needs to pass review. */
    passScore: number;
  };
  /** Length of the public notice (公示), in working days (the city's holiday calendar: workingDays.ts), for a path with one. */
  noticeWorkingDays?: number;
}
