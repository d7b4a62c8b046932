import { shiftDate } from '../../list/listState';

/**
 * Whether a qualification (资质) holds on a day: valid from `valid_from` through `valid_to`
 * inclusive, for good when `valid_to` is empty. The list filters the same way on the server,
 * through the API's date filters, so a page of "valid now" rows is exact however many there are.
 */
export type Validity = 'valid' | 'expired' | 'upcoming';
export const VALIDITIES: readonly Validity[] = ['valid', 'expired', 'upcoming'];

export function validityOn(q: { valid_from: string; valid_to: string | null }, today: string): Validity {
  if (today < q.valid_from) return 'upcoming';
  return q.valid_to !== null && q.valid_to < today ? 'expired' : 'valid';
}

/** The API filter terms of a validity on `today` (`>` and `<` are strict, an empty end matches `null`). */
export function validityTerms(choice: string, today: string): string | null {
  if (choice === 'valid') return `valid_from:<${shiftDate(today, 1)},valid_to:>${shiftDate(today, -1)}|null`;
  if (choice === 'expired') return `valid_to:<${today}`;
  if (choice === 'upcoming') return `valid_from:>${today}`;
  return null;
}
