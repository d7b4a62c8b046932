import type { z } from 'zod';
import type { FileColumn, FileEntity } from '../../contracts/fileColumns.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import { normalizeUscc, validateUscc } from '../../domain/uscc.js';
import { boolCell, codeCell, districtCell, textCell, zoneCell, type CellResult } from './cellValues.js';
import { dateCell } from './cellDates.js';
import { entitySpecs, fieldToKey, type ColumnValues, type EntitySpec, type FileRecordOf, type RowContext } from './fileRecords.js';
import type { HeaderMapping } from './headerMapping.js';
import { rowProblem, type RowProblem } from './problems.js';
import type { RawCell } from './rawRows.js';

/**
 * Row coercion and validation (逐行校验): cells → typed values by column type → the entity's file
 * record → the contract's field limits → the domain rules. Every problem of a row is reported, at
 * most one per column (the first found: a value that cannot be read is not judged further).
 */

/** A refused row keeps the values that passed, so its natural key and reference are still checked. */
export type RowResult<R> = { ok: true; record: R } | { ok: false; problems: RowProblem[]; partial: Partial<R> };

export interface RowValidator<R> {
  validate(line: number, cells: readonly RawCell[]): RowResult<R>;
  /** A problem found later (duplicate key, dangling reference) at a column key of the row. */
  locate(line: number, key: string, cells: readonly RawCell[], v: RuleViolation): RowProblem;
}

export interface RowValidatorOptions {
  city: RowContext['city'];
  today: string;
  fileName: string;
  /** Spreadsheet formats (CSV, XLSX) carry the export's formula guard on texts; JSON Lines does not. */
  formulaGuarded: boolean;
}

const required = violation('required', '必填项不能为空', 'Required; must not be empty');

/** Credit-code columns: normalised (全角 → 半角, spaces dropped, upper case). */
const CREDIT_CODE_KEYS = new Set(['uscc', 'host_uscc', 'seller_uscc', 'buyer_uscc', 'org_uscc']);

function coerce(column: FileColumn, cell: RawCell, city: RowContext['city'], guarded: boolean): CellResult<string | boolean> {
  switch (column.type) {
    case 'text': {
      const r = textCell(cell, guarded);
      return r.ok && r.value !== null && CREDIT_CODE_KEYS.has(column.key) ? { ok: true, value: normalizeUscc(r.value) } : r;
    }
    case 'code':
      return codeCell(cell, column.codes ?? {});
    case 'bool':
      return boolCell(cell);
    case 'date':
      return dateCell(cell);
    case 'district':
      return districtCell(city, cell);
    case 'zone':
      return zoneCell(city, cell);
  }
}

/** A zod issue of the field limits as a violation; rule violations travel in the issue's params. */
function limitViolation(issue: z.core.$ZodIssue): RuleViolation {
  const carried = issue.code === 'custom' ? (issue.params as { violation?: RuleViolation } | undefined)?.violation : undefined;
  if (carried) return carried;
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const max = Number(issue.maximum);
    return violation('too_long', `长度不能超过 ${max} 个字符`, `Must be at most ${max} characters`, { max });
  }
  return violation('invalid', `取值无效：${issue.message}`, `Invalid value: ${issue.message}`);
}

function issueKey(path: readonly PropertyKey[]): string {
  return fieldToKey(path.map(String).join('.'));
}

class EntityRowValidator<R> implements RowValidator<R> {
  constructor(
    private readonly spec: EntitySpec<R>,
    private readonly mapping: HeaderMapping,
    private readonly options: RowValidatorOptions,
  ) {}

  validate(line: number, cells: readonly RawCell[]): RowResult<R> {
    const ctx: RowContext = { city: this.options.city, today: this.options.today, fileName: this.options.fileName, line };
    const found = new Map<string, RuleViolation>();
    const add = (key: string, v: RuleViolation) => {
      if (!found.has(key)) found.set(key, v);
    };
    const values: ColumnValues = {};
    for (const { index, column } of this.mapping.columns) {
      const result = coerce(column, cells[index] ?? null, ctx.city, this.options.formulaGuarded);
      if (!result.ok) add(column.key, result.violation);
      else if (result.value === null && column.required) add(column.key, required);
      else values[column.key] = result.value;
    }

    const { record, problems } = this.spec.build(values, ctx);
    for (const p of problems) add(p.key, p);
    const shape = this.spec.limits.safeParse(this.spec.contractShape(record));
    if (!shape.success) for (const issue of shape.error.issues) add(issueKey(issue.path), limitViolation(issue));

    // Rules judge only values that passed so far: one refused (a 1 MB credit code) is not judged twice.
    const judged = found.size === 0 ? record : this.withoutRefused(record, found);
    const reference = this.spec.reference;
    const code = reference ? (judged as Record<string, unknown>)[reference] : undefined;
    if (reference && typeof code === 'string') {
      // A checksum failure may be an overridden code on file; whether it exists decides.
      const [bad] = validateUscc(code, { allowChecksumOverride: true }).violations;
      if (bad) add(reference, bad);
    }
    for (const v of this.spec.rules(judged, ctx)) add(fieldToKey(v.field), { code: v.code, message: v.message, ...(v.params ? { params: v.params } : {}) });

    if (found.size === 0) return { ok: true, record };
    const order = (key: string) => this.mapping.byKey.get(key)?.index ?? Number.MAX_SAFE_INTEGER;
    const located = [...found].sort(([a], [b]) => order(a) - order(b)).map(([key, v]) => this.locate(line, key, cells, v));
    return { ok: false, problems: located, partial: this.withoutRefused(judged, found) };
  }

  private withoutRefused<T>(record: T, found: ReadonlyMap<string, unknown>): T {
    return Object.fromEntries(Object.entries(record as Record<string, unknown>).filter(([k]) => !found.has(k))) as T;
  }

  /** The problem at a column key, located at the file's header and cell. */
  locate(line: number, key: string, cells: readonly RawCell[], v: RuleViolation): RowProblem {
    const mapped = this.mapping.byKey.get(key);
    return rowProblem(line, mapped?.header ?? key, mapped ? (cells[mapped.index] ?? null) : null, v);
  }
}

export function rowValidator<E extends FileEntity>(entity: E, mapping: HeaderMapping, options: RowValidatorOptions): RowValidator<FileRecordOf<E>> {
  return new EntityRowValidator(entitySpecs[entity] as EntitySpec<FileRecordOf<E>>, mapping, options);
}
