/**
 * When leaving a page with a form asks first: only with input not yet saved, and only for a move
 * to another page — a changed query string (a list's filter, a tab) keeps the form where it is.
 */
export interface LeaveMove {
  /** The form holds input the user typed and has not saved. */
  unsaved: boolean;
  /** The form was just saved (or deliberately left): its own navigation goes without asking. */
  released: boolean;
  from: string;
  to: string;
}

export function asksBeforeLeaving({ unsaved, released, from, to }: LeaveMove): boolean {
  return unsaved && !released && from !== to;
}
