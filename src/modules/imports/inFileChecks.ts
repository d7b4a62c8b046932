import { naturalKeys, type FileEntity } from '../../contracts/fileColumns.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import { KeyLines } from './keyLines.js';
import { quotedKey } from './personalCells.js';

/**
 * Checks across rows (跨行校验), streaming: memory grows by 16 bytes a distinct natural key, never
 * with the file. Duplicate natural keys are reported, not merged; references must resolve.
 */

/** The organizations of `usccs` that exist, credit code → id: one query per batch. */
export type KnownOrganizations = (usccs: string[]) => Promise<Map<string, number>>;

/** The natural key (自然键) of a record as one string, or null if a part is missing. */
export function naturalKeyOf(entity: FileEntity, record: Readonly<Record<string, unknown>>): string | null {
  let joined: string | null = null;
  for (const key of naturalKeys[entity]) {
    const value = record[key];
    if (typeof value !== 'string' || value === '') return null;
    // U+0001 does not occur in a cell that passed validation as a key part.
    joined = joined === null ? value : `${joined}\u0001${value}`;
  }
  return joined;
}

export function duplicateKeyViolation(entity: FileEntity, key: string, firstLine: number): RuleViolation {
  const columns = naturalKeys[entity].join(' + ');
  const shown = quotedKey(entity, key.split('\u0001'));
  return violation(
    'duplicate_key',
    `与第 ${firstLine} 行重复（${columns}：${shown}）；同一文件中每条记录只能出现一次`,
    `Duplicates line ${firstLine} (${columns}: ${shown}); a record may appear only once in a file`,
    { first_line: firstLine, key: shown },
  );
}

/** Remembers the line of each natural key's first occurrence (16 bytes a key: see KeyLines). */
export class DuplicateKeys {
  private readonly firstLines = new KeyLines();
  constructor(private readonly entity: FileEntity) {}

  /** The violation if `key` was seen on an earlier line; otherwise records it and returns null. */
  check(key: string, line: number): RuleViolation | null {
    const first = this.firstLines.firstLineOrAdd(key, line);
    return first === null ? null : duplicateKeyViolation(this.entity, key, first);
  }

  get size(): number {
    return this.firstLines.size;
  }
}

export function danglingReferenceViolation(uscc: string): RuleViolation {
  return violation(
    'reference.unknown_organization',
    `统一社会信用代码 ${uscc} 对应的主体既不在系统中，也不在本文件前面的行中；请先导入该主体`,
    `No organization with the credit code ${uscc} exists, in the database or earlier in this file; import the organization first`,
    { uscc },
  );
}

/**
 * Resolves the organizations a batch's rows refer to: one lookup per batch for its distinct codes.
 * Nothing is remembered between batches, so memory stays flat however many organizations a file
 * names.
 */
export async function resolveReferences(lookup: KnownOrganizations, usccs: readonly string[]): Promise<Map<string, number>> {
  return usccs.length === 0 ? new Map() : lookup([...new Set(usccs)]);
}
