import { naturalKeys, type FileEntity } from '../../contracts/fileColumns.js';
import { violation, type RuleViolation } from '../../domain/message.js';

/**
 * Checks across rows (跨行校验), streaming: memory grows with the number of distinct keys, never
 * with the file. Duplicate natural keys are reported, not merged; references must resolve.
 */

/** Which credit codes of `usccs` name an organization in the database: one query per batch. */
export type KnownOrganizations = (usccs: string[]) => Promise<Set<string>>;

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
  const shown = key.split('\u0001').join(' / ');
  return violation(
    'duplicate_key',
    `与第 ${firstLine} 行重复（${columns}：${shown}）；同一文件中每条记录只能出现一次`,
    `Duplicates line ${firstLine} (${columns}: ${shown}); a record may appear only once in a file`,
    { first_line: firstLine, key: shown },
  );
}

/** Remembers the line of each natural key's first occurrence. */
export class DuplicateKeys {
  private readonly firstLines = new Map<string, number>();
  constructor(private readonly entity: FileEntity) {}

  /** The violation if `key` was seen on an earlier line; otherwise records it and returns null. */
  check(key: string, line: number): RuleViolation | null {
    const first = this.firstLines.get(key);
    if (first !== undefined) return duplicateKeyViolation(this.entity, key, first);
    this.firstLines.set(key, line);
    return null;
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
 * Resolves the organizations rows refer to: those named earlier in the same import (noted), then
 * the database, asked once per batch for the codes not yet known either way.
 */
export class ReferenceCheck {
  private readonly known = new Set<string>();
  private readonly missing = new Set<string>();
  constructor(private readonly lookup: KnownOrganizations) {}

  /** An organization row of the same import, valid and earlier in the file. */
  noteOrganization(uscc: string): void {
    this.known.add(uscc);
    this.missing.delete(uscc);
  }

  /** The subset of `usccs` that resolve. */
  async resolve(usccs: readonly string[]): Promise<Set<string>> {
    const ask = [...new Set(usccs)].filter((u) => !this.known.has(u) && !this.missing.has(u));
    if (ask.length > 0) {
      const found = await this.lookup(ask);
      for (const u of ask) (found.has(u) ? this.known : this.missing).add(u);
    }
    return new Set(usccs.filter((u) => this.known.has(u)));
  }
}
