import { fileColumns, type FileColumn, type FileEntity } from '../../contracts/fileColumns.js';
import { violation } from '../../domain/message.js';
import { fileProblem, type FileProblem } from './problems.js';

/**
 * Header mapping (表头映射): which file column feeds which field. A header may be the canonical
 * key, the Chinese header or the English label, in any order; matching ignores surrounding space,
 * a BOM, full-width forms (ｕｓｃｃ) and the case of Latin letters.
 */

/** One mapped column: the cell index in a row and the contract column it fills. */
export interface MappedColumn {
  index: number;
  /** The header as written in the file, for problem reports. */
  header: string;
  column: FileColumn;
}

/** What the import wizard shows: every header of the file and the column key it matched, or null. */
export interface HeaderPreviewEntry {
  header: string;
  key: string | null;
}

export interface HeaderMapping {
  entity: FileEntity;
  columns: MappedColumn[];
  /** Column key → mapped column, for the columns the file has. */
  byKey: ReadonlyMap<string, MappedColumn>;
  preview: HeaderPreviewEntry[];
}

export type HeaderMappingResult = { ok: true; mapping: HeaderMapping; warnings: FileProblem[] } | { ok: false; problems: FileProblem[]; preview: HeaderPreviewEntry[] };

/** The comparable form of a header or label. */
export function normalizeHeader(text: string): string {
  return text.replace(/\uFEFF/g, '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const lookups = new Map<FileEntity, ReadonlyMap<string, FileColumn>>();

/** Key, Chinese header and English label of every column; the contract keeps them unambiguous. */
function lookupFor(entity: FileEntity): ReadonlyMap<string, FileColumn> {
  let lookup = lookups.get(entity);
  if (!lookup) {
    const built = new Map<string, FileColumn>();
    for (const column of fileColumns[entity]) {
      for (const name of [column.key, column.zh, column.en]) {
        const norm = normalizeHeader(name);
        const other = built.get(norm);
        if (other && other.key !== column.key) throw new Error(`fileColumns.${entity}: "${name}" names both ${other.key} and ${column.key}`);
        built.set(norm, column);
      }
    }
    lookup = built;
    lookups.set(entity, lookup);
  }
  return lookup;
}

export function matchHeader(entity: FileEntity, header: string): FileColumn | null {
  return lookupFor(entity).get(normalizeHeader(header)) ?? null;
}

function duplicateHeader(header: string, first: string, column: FileColumn, line: number): FileProblem {
  return fileProblem(
    'error',
    violation(
      'header.duplicate',
      `表头“${header}”与“${first}”都对应列 ${column.key}（${column.zh}），一列只能出现一次`,
      `The headers "${header}" and "${first}" both name the column ${column.key} (${column.en}); a column may appear only once`,
      { key: column.key },
    ),
    { line, column: header },
  );
}

function missingColumn(column: FileColumn, line: number): FileProblem {
  return fileProblem(
    'error',
    violation('header.missing_required', `缺少必填列“${column.zh}”（${column.key}）`, `The required column "${column.key}" (${column.en}) is missing`, { key: column.key }),
    { line },
  );
}

function unknownHeader(header: string, line: number): FileProblem {
  return fileProblem('warning', violation('header.unknown', `未知表头“${header}”，该列已忽略`, `Unknown header "${header}"; the column is ignored`), { line, column: header });
}

/** Maps a file's headers (`line`: the header's line, for the report) onto the entity's columns. */
export function mapHeaders(entity: FileEntity, headers: readonly string[], line = 1): HeaderMappingResult {
  const errors: FileProblem[] = [];
  const warnings: FileProblem[] = [];
  const columns: MappedColumn[] = [];
  const byKey = new Map<string, MappedColumn>();
  const preview: HeaderPreviewEntry[] = [];
  headers.forEach((raw, index) => {
    const header = raw.replace(/\uFEFF/g, '').trim();
    const column = header === '' ? null : matchHeader(entity, header);
    preview.push({ header, key: column?.key ?? null });
    if (header === '') return;
    if (!column) return void warnings.push(unknownHeader(header, line));
    const first = byKey.get(column.key);
    if (first) return void errors.push(duplicateHeader(header, first.header, column, line));
    const mapped = { index, header, column };
    columns.push(mapped);
    byKey.set(column.key, mapped);
  });
  for (const column of fileColumns[entity]) if (column.required && !byKey.has(column.key)) errors.push(missingColumn(column, line));
  if (errors.length > 0) return { ok: false, problems: [...errors, ...warnings], preview };
  return { ok: true, mapping: { entity, columns, byKey, preview }, warnings };
}
