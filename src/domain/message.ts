/** A user-visible text in both languages the platform ships (zh-CN is the default). */
export interface Message {
  zh: string;
  en: string;
}

/**
 * One rule violation found by a pure domain check. `code` is stable and machine-readable
 * (clients switch on it); `params` carries the values the message was built from.
 */
export interface RuleViolation {
  code: string;
  message: Message;
  params?: Record<string, string | number>;
}

export function violation(code: string, zh: string, en: string, params?: Record<string, string | number>): RuleViolation {
  return params ? { code, message: { zh, en }, params } : { code, message: { zh, en } };
}

/** A closed set of codes with their bilingual labels, in display order. */
export type CodeList<C extends string> = Readonly<Record<C, Message>>;

export function codesOf<C extends string>(list: CodeList<C>): [C, ...C[]] {
  return Object.keys(list) as [C, ...C[]];
}
