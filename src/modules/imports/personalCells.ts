import { naturalKeys, type FileEntity } from '../../contracts/fileColumns.js';
import { maskPersonName } from '../../domain/talent.js';
import { matchHeader } from './headerMapping.js';
import type { ReportedProblem } from './problems.js';

/**
 * The file columns that hold personal information (PIPL, 个人信息保护法): an introduced person's
 * name, contacts and ID number. A problem report is read by people who may not see them, so the
 * report follows the talent module's rule: a name masked (张**), a contact or ID number left out.
 */
const personalColumns: Partial<Record<FileEntity, Readonly<Record<string, 'name' | 'contact'>>>> = {
  talent_introductions: { person_name: 'name', phone: 'contact', email: 'contact', id_number: 'contact' },
};

/**
 * A natural key as a problem's message quotes it, its parts in key order: a person's name masked
 * for every reader, as the audit log stores it — a message cannot be masked after it is written.
 */
export function quotedKey(entity: FileEntity, parts: readonly string[]): string {
  return naturalKeys[entity].map((key, i) => (personalColumns[entity]?.[key] === 'name' ? maskPersonName(parts[i] ?? '') : (parts[i] ?? ''))).join(' / ');
}

/** A stored problem as a reader without the personal-data permission sees it: the cell of a personal column masked. */
export function maskedProblem(entity: FileEntity, problem: ReportedProblem): ReportedProblem {
  const column = problem.column === null ? null : matchHeader(entity, problem.column);
  const kind = column ? personalColumns[entity]?.[column.key] : undefined;
  if (!kind || problem.value === null) return problem;
  return { ...problem, value: kind === 'name' ? maskPersonName(problem.value) : null };
}

/** Whether a file of this entity holds personal information. */
export const holdsPersonalData = (entity: FileEntity): boolean => personalColumns[entity] !== undefined;
