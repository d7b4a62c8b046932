import { maskContacts } from './contactMask.js';
import type { Message } from './message.js';

/**
 * What the city publishes as open data (开放数据, issue 16): a per-field decision, default closed.
 * config/publication.json names a licence, the datasets — each reading one registry list, with a
 * row condition and the fields it publishes — and the indicator codes whose figures are public.
 * A field a dataset does not name is not published; a personal field (a person's name, contact,
 * ID number) is never published, whatever the file says. Pure: the server hands in the column
 * catalogue of each registry list and the indicator codes it knows.
 */

/** The value types of a published field, as the registry lists type them. */
export type PublicFieldType = 'text' | 'code' | 'date' | 'int' | 'decimal' | 'bool' | 'timestamp';

/** One column a registry list can publish, with its dictionary entry. */
export interface CatalogueColumn {
  name: Message;
  type: PublicFieldType;
  /** Code values with their labels, in display order (a `code` field). */
  codes?: ReadonlyArray<{ code: string; label: Message }>;
  /** A person's data: never published. */
  personal?: boolean;
  /** Text as someone typed it (a description, an evidence summary): published with its contacts masked. */
  freeText?: boolean;
}

/** The columns each publishable registry list offers, by field name. */
export type PublicationCatalogue = Readonly<Record<string, Readonly<Record<string, CatalogueColumn>>>>;

export interface Licence {
  id: string;
  name: Message;
  url: string;
}

export interface PublishedDataset {
  id: string;
  title: Message;
  description: Message;
  /** The registry list the rows come from. */
  registry: string;
  /** Which of its rows are published, in the list filter syntax ('' = every row). */
  rows: string;
  /** The published fields, in the order files and replies show them; `id` always among them. */
  fields: readonly string[];
  /** Those of them that are free text: contacts in them are masked (`maskContacts`), and they are neither searched, filtered nor sorted on. */
  freeText: readonly string[];
}

export interface Publication {
  licence: Licence;
  datasets: readonly PublishedDataset[];
  /** Indicator codes whose figures are public. */
  indicators: readonly string[];
}

/**
 * Registries whose rows are never published — contracts' and loans' terms are confidential, and
 * talent introductions are people — though indicators computed from them may be.
 */
export const unpublishableRegistries: readonly string[] = ['tech_contracts', 'ip_loans', 'talent_introductions'];

/**
 * Field names that hold a person's data, whatever a catalogue says: a safety net for a column
 * added later without its `personal` mark.
 */
const PERSONAL_NAME = /(^|_)(person|persons|contact|contacts|phone|mobile|email|id_number|id_card|passport|legal_representative)(_|$)/;

export function isPersonalField(field: string, column: CatalogueColumn | undefined): boolean {
  return column?.personal === true || PERSONAL_NAME.test(field);
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isMessage = (v: unknown): v is Message => isObject(v) && isText(v.zh) && isText(v.en) && Object.keys(v).length === 2;

/**
 * Reads config/publication.json against the catalogue; every problem is named (a start-up error),
 * none is guessed around. `knownIndicators` are the catalogue's indicator codes.
 */
export function parsePublication(raw: unknown, catalogue: PublicationCatalogue, knownIndicators: ReadonlySet<string>): Publication | { problems: string[] } {
  const problems: string[] = [];
  if (!isObject(raw)) return { problems: ['the file must hold an object with licence, datasets and indicators'] };
  for (const key of Object.keys(raw)) if (!['licence', 'datasets', 'indicators'].includes(key)) problems.push(`unknown key "${key}"`);
  const licence = parseLicence(raw.licence, problems);
  const datasets = Array.isArray(raw.datasets) ? raw.datasets.map((d, i) => parseDataset(d, `datasets[${i}]`, catalogue, problems)) : [];
  if (!Array.isArray(raw.datasets)) problems.push('datasets: must be a list');
  const seen = new Set<string>();
  for (const d of datasets) {
    if (d && seen.has(d.id)) problems.push(`datasets: "${d.id}" is named twice`);
    if (d) seen.add(d.id);
  }
  const indicators = parseIndicators(raw.indicators, knownIndicators, problems);
  if (problems.length || !licence) return { problems };
  return { licence, datasets: datasets as PublishedDataset[], indicators };
}

function parseLicence(raw: unknown, problems: string[]): Licence | null {
  if (!isObject(raw) || !isText(raw.id) || !isMessage(raw.name) || !isText(raw.url) || !/^https:\/\//.test(raw.url)) {
    problems.push('licence: must be { id, name: { zh, en }, url (https) }');
    return null;
  }
  return { id: raw.id, name: raw.name, url: raw.url };
}

function parseDataset(raw: unknown, at: string, catalogue: PublicationCatalogue, problems: string[]): PublishedDataset | null {
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object`);
    return null;
  }
  for (const key of Object.keys(raw)) if (!['id', 'title', 'description', 'registry', 'rows', 'fields'].includes(key)) problems.push(`${at}: unknown key "${key}"`);
  const before = problems.length;
  if (!isText(raw.id) || !IDENTIFIER.test(raw.id)) problems.push(`${at}.id: must be a snake_case name`);
  if (!isMessage(raw.title)) problems.push(`${at}.title: must be { zh, en }`);
  if (!isMessage(raw.description)) problems.push(`${at}.description: must be { zh, en }`);
  if (raw.rows !== undefined && typeof raw.rows !== 'string') problems.push(`${at}.rows: must be a filter in the list syntax`);
  const registry = typeof raw.registry === 'string' ? raw.registry : '';
  const columns = checkRegistry(registry, `${at}.registry`, catalogue, problems);
  const fields = Array.isArray(raw.fields) && raw.fields.every((f) => typeof f === 'string') ? (raw.fields as string[]) : null;
  if (!fields) problems.push(`${at}.fields: must be a list of field names`);
  else if (columns) checkFields(fields, `${at}.fields`, registry, columns, problems);
  if (problems.length > before) return null;
  const freeText = fields!.filter((f) => columns![f]!.freeText === true);
  return { id: raw.id as string, title: raw.title as Message, description: raw.description as Message, registry, rows: (raw.rows as string | undefined) ?? '', fields: fields!, freeText };
}

function checkRegistry(registry: string, at: string, catalogue: PublicationCatalogue, problems: string[]): Readonly<Record<string, CatalogueColumn>> | null {
  if (unpublishableRegistries.includes(registry)) {
    problems.push(`${at}: "${registry}" is never published row by row (its indicators may be)`);
    return null;
  }
  const columns = catalogue[registry];
  if (!columns) problems.push(`${at}: unknown registry list "${registry}" (one of ${Object.keys(catalogue).join(', ')})`);
  return columns ?? null;
}

function checkFields(fields: readonly string[], at: string, registry: string, columns: Readonly<Record<string, CatalogueColumn>>, problems: string[]): void {
  if (!fields.includes('id')) problems.push(`${at}: must publish "id" (rows are addressed by it)`);
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field)) problems.push(`${at}: "${field}" is named twice`);
    seen.add(field);
    const column = columns[field];
    if (isPersonalField(field, column)) problems.push(`${at}: "${field}" is personal data and is never published`);
    else if (!column) problems.push(`${at}: unknown field "${field}" of ${registry} (one of ${Object.keys(columns).join(', ')})`);
  }
}

function parseIndicators(raw: unknown, known: ReadonlySet<string>, problems: string[]): string[] {
  if (!Array.isArray(raw) || !raw.every((c) => typeof c === 'string')) {
    problems.push('indicators: must be a list of indicator codes');
    return [];
  }
  for (const code of raw as string[]) if (!known.has(code)) problems.push(`indicators: unknown indicator "${code}"`);
  if (new Set(raw).size !== raw.length) problems.push('indicators: a code is named twice');
  return raw as string[];
}

/** A published row: only the dataset's fields, in its order; timestamps as ISO 8601 text; free text without contacts. */
export function projectRow(dataset: Pick<PublishedDataset, 'fields' | 'freeText'>, row: Readonly<Record<string, unknown>>): Record<string, PublicValue> {
  const out: Record<string, PublicValue> = {};
  for (const field of dataset.fields) out[field] = publicValue(row[field]);
  for (const field of dataset.freeText) {
    const value = out[field];
    if (typeof value === 'string') out[field] = maskContacts(value).text;
  }
  return out;
}

/** What a published field's value may be. */
export type PublicValue = string | number | boolean | null;

function publicValue(v: unknown): PublicValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
