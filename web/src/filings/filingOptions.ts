import type { Message } from '../../../src/domain/message';
import type { FilingTypeList } from '../api/filings';

/** Choices the filters and forms offer, from GET /filing-types. */

/** Every state of every path, once, in path order. */
export function stateChoices(types: FilingTypeList | undefined): Array<{ code: string; label: Message }> {
  const seen = new Map<string, Message>();
  for (const t of types?.results ?? []) for (const s of t.path.states) if (!seen.has(s.code)) seen.set(s.code, s.label);
  return [...seen].map(([code, label]) => ({ code, label }));
}

/** The label of a state of a filing type's path (the code itself when unknown). */
export function stateLabel(types: FilingTypeList | undefined, filingType: string, state: string): Message {
  return types?.results.find((t) => t.code === filingType)?.path.states.find((s) => s.code === state)?.label ?? { zh: state, en: state };
}

/** Fields of expertise, in the configuration's order. */
export const expertiseChoices = (types: FilingTypeList | undefined): Array<{ code: string; label: Message }> => Object.entries(types?.expertise_fields ?? {}).map(([code, label]) => ({ code, label }));
