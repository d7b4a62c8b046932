import type { Message } from '../../domain/message.js';

/**
 * How one registry list is queried: which fields a client may filter, sort and group on, and the
 * SQL expression behind each. Field names are the public API names; columns never leak.
 */
/** `decimal`: an exact number (money as NUMERIC), carried as text so no float rounds it. */
export type FieldType = 'text' | 'code' | 'date' | 'int' | 'decimal' | 'bool' | 'timestamp';

export interface ListField {
  column: string;
  type: FieldType;
  sort?: boolean;
  group?: boolean;
  /** The column never holds NULL: sorting and keyset paging can then walk an index directly. */
  notNull?: boolean;
  /** Allowed values of a `code` field (validated in filters). */
  values?: readonly string[];
  /** Bilingual display name of a grouped key. */
  label?: (key: string) => Message | null;
}

export interface ListSpec {
  /** FROM clause, with joins; the main table is aliased `t`. */
  from: string;
  /** Every table the rows are read from: a write to any of them invalidates cached pages. */
  tables: readonly string[];
  select: string;
  fields: Record<string, ListField>;
  /** Columns matched by `search=` as a case-insensitive substring (works for Chinese). */
  searchColumns: readonly string[];
  /** Extra exact-match column for search, e.g. a credit code typed in full. */
  searchExact?: { column: string; normalize: (s: string) => string };
  defaultSort: { field: string; desc: boolean };
}

export const SQL_TYPE: Record<FieldType, string> = {
  text: 'text',
  code: 'text',
  date: 'date',
  int: 'int',
  decimal: 'numeric',
  bool: 'boolean',
  timestamp: 'timestamptz',
};
