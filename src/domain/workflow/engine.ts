import type { Message } from '../message.js';
import type { Party, Requirement, WorkflowPath, WorkflowState, WorkflowTransition } from './definition.js';

/**
 * The workflow engine (流程引擎), pure: given a path, an application's state, how the caller
 * stands to it and the facts the service computed, which transitions may fire and why one may
 * not. The service turns a refusal into a 409 problem and a firing into one conditional UPDATE.
 */

export type Facts = Readonly<Record<Requirement, boolean>>;

export type Refusal =
  | { kind: 'unknown_action'; message: Message }
  | { kind: 'state'; message: Message }
  | { kind: 'party'; message: Message }
  | { kind: 'requirements'; unmet: Array<{ requirement: Requirement; message: Message }>; message: Message };

export type Firing = { ok: true; transition: WorkflowTransition; to: WorkflowState } | { ok: false; refusal: Refusal };

export const requirementMessages: Readonly<Record<Requirement, Message>> = {
  form_complete: { zh: '申请表必填项未填写完整', en: 'The application form has required fields left empty' },
  checklist_complete: { zh: '必备材料未上传齐全', en: 'Required documents are missing' },
  experts_drawn: { zh: '尚未抽取评审专家', en: 'No experts have been drawn yet' },
  reviews_complete: { zh: '尚有专家未提交评分', en: 'Some drawn experts have not scored yet' },
  review_passed: { zh: '专家评审平均分未达到通过分数线', en: 'The experts’ mean score is below the pass mark' },
  notice_ended: { zh: '公示期尚未结束', en: 'The public notice period has not ended' },
  objections_resolved: { zh: '公示期间的异议尚未处理完毕', en: 'Objections lodged during the notice are not all resolved' },
  no_objection_upheld: { zh: '有异议成立，不能备案', en: 'An objection was upheld: the application cannot be filed' },
  reason_given: { zh: '请填写理由', en: 'A reason is required' },
  reason_code_given: { zh: '请选择理由', en: 'Choose the reason' },
  unqualified_evaluation: { zh: '只有年度评价为“不合格”后才能撤销', en: 'Only an “unqualified” annual evaluation allows revocation' },
};

export const partyLabels: Readonly<Record<Party, Message>> = {
  applicant: { zh: '申请单位', en: 'Applicant' },
  officer: { zh: '科技局审核员', en: 'Bureau officer' },
  expert: { zh: '评审专家', en: 'Expert' },
  public: { zh: '公众', en: 'Public' },
};

export function stateOf(path: WorkflowPath, code: string): WorkflowState | undefined {
  return path.states.find((s) => s.code === code);
}

/** Whether `action` may fire now for a caller who is every one of `parties` to the application. */
export function fire(path: WorkflowPath, state: string, action: string, parties: readonly Party[], facts: Facts): Firing {
  const candidates = path.transitions.filter((t) => t.action === action);
  if (candidates.length === 0) return refuse({ kind: 'unknown_action', message: { zh: `没有“${action}”这一操作`, en: `There is no action "${action}"` } });
  const transition = candidates.find((t) => t.from.includes(state));
  const here = stateOf(path, state)?.label ?? { zh: state, en: state };
  if (!transition) return refuse({ kind: 'state', message: { zh: `申请处于“${here.zh}”状态，不能${candidates[0]!.label.zh}`, en: `The application is ${here.en.toLowerCase()}: it cannot be ${candidates[0]!.label.en.toLowerCase()}` } });
  if (!transition.by.some((p) => parties.includes(p))) {
    const who = transition.by.map((p) => partyLabels[p]);
    return refuse({ kind: 'party', message: { zh: `只有${who.map((w) => w.zh).join('或')}可以${transition.label.zh}`, en: `Only the ${who.map((w) => w.en.toLowerCase()).join(' or the ')} may do this (${transition.label.en.toLowerCase()})` } });
  }
  const unmet = (transition.requires ?? []).filter((r) => !facts[r]).map((requirement) => ({ requirement, message: requirementMessages[requirement] }));
  if (unmet.length) return refuse({ kind: 'requirements', unmet, message: { zh: unmet.map((u) => u.message.zh).join('；'), en: unmet.map((u) => u.message.en).join('; ') } });
  const to = stateOf(path, transition.to);
  if (!to) throw new Error(`workflow path ${path.code}: transition ${transition.action} leads to unknown state ${transition.to}`);
  return { ok: true, transition, to };
}

const refuse = (refusal: Refusal): Firing => ({ ok: false, refusal });

/** The actions the caller could take now, with those whose requirements are still unmet marked (what the UI offers). */
export function availableActions(path: WorkflowPath, state: string, parties: readonly Party[], facts: Facts): Array<{ action: string; label: Message; to: string; unmet: Requirement[] }> {
  return path.transitions
    .filter((t) => t.from.includes(state) && t.by.some((p) => parties.includes(p)))
    .map((t) => ({ action: t.action, label: t.label, to: t.to, unmet: (t.requires ?? []).filter((r) => !facts[r]) }));
}

/**
 * A path's own consistency, checked when the configuration is loaded: states unique, the initial
 * state and every transition's ends exist, terminal states have no way out, every state is reachable.
 */
export function pathProblems(path: WorkflowPath): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const s of path.states) {
    if (codes.has(s.code)) problems.push(`state ${s.code} is declared twice`);
    codes.add(s.code);
  }
  if (!codes.has(path.initial)) problems.push(`initial state ${path.initial} is not declared`);
  for (const t of path.transitions) {
    for (const f of t.from) if (!codes.has(f)) problems.push(`transition ${t.action}: unknown state ${f}`);
    if (!codes.has(t.to)) problems.push(`transition ${t.action}: unknown state ${t.to}`);
    for (const f of t.from) if (stateOf(path, f)?.terminal) problems.push(`transition ${t.action} leaves terminal state ${f}`);
  }
  const reached = new Set([path.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of path.transitions)
      if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
  }
  for (const c of codes) if (!reached.has(c)) problems.push(`state ${c} cannot be reached from ${path.initial}`);
  return problems;
}
