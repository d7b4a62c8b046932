import type { Message } from './message.js';
import { CONTACT_REMOVED } from './contactMask.js';
import type { PublicFieldType } from './publication.js';

/**
 * The pure parts of an open-data release (开放数据发布): the change log against the release before
 * it, and the data dictionary (数据字典) of a published dataset. Files and storage live in
 * src/modules/openData.
 */

/** A row's id as the dataset keys it (the registry's numeric id, as text in the hash map). */
export type RowId = string;

/** What changed between two releases: the ids of rows added, changed and removed, each in id order. */
export interface ReleaseChanges {
  added: RowId[];
  changed: RowId[];
  removed: RowId[];
}

/**
 * Compares a release's rows, one at a time as they stream, with the content hashes of the release
 * before it. Memory holds the previous hashes and the ids that differ, never the rows.
 */
export class ChangeLogBuilder {
  private readonly unseen: Set<RowId>;
  private readonly added: RowId[] = [];
  private readonly changed: RowId[] = [];

  /** `previous` maps each row id of the last release to its content hash (empty before the first release). */
  constructor(private readonly previous: ReadonlyMap<RowId, string>) {
    this.unseen = new Set(previous.keys());
  }

  /** One row of the new release. */
  observe(id: RowId, hash: string): void {
    const before = this.previous.get(id);
    if (before === undefined) this.added.push(id);
    else {
      this.unseen.delete(id);
      if (before !== hash) this.changed.push(id);
    }
  }

  /** The change log; the rows of the last release not observed were removed. */
  finish(): ReleaseChanges {
    return { added: sortIds(this.added), changed: sortIds(this.changed), removed: sortIds([...this.unseen]) };
  }
}

/** The change log of `rows` (id and content hash) against the previous release's hashes. */
export function releaseChanges(previous: ReadonlyMap<RowId, string>, rows: Iterable<readonly [RowId, string]>): ReleaseChanges {
  const log = new ChangeLogBuilder(previous);
  for (const [id, hash] of rows) log.observe(id, hash);
  return log.finish();
}

/** True when a release would change nothing: the files of the last one still hold the data. */
export function unchanged(changes: ReleaseChanges): boolean {
  return changes.added.length === 0 && changes.changed.length === 0 && changes.removed.length === 0;
}

/** Numeric ids sort as numbers (9 before 10), any other id as text. */
function sortIds(ids: RowId[]): RowId[] {
  return ids.sort((a, b) => {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** A published field as the publication configuration describes it. */
export interface DictionaryFieldSource {
  /** The key rows carry (the CSV header, the JSON Lines key). */
  name: string;
  title: Message;
  type: PublicFieldType;
  codes?: ReadonlyArray<DictionaryCode>;
  /** Free text, its contacts masked (`maskContacts`). */
  free_text?: true;
}

/** One code of a code list with its labels. */
export interface DictionaryCode {
  code: string;
  label: Message;
}

/** The licence the bureau publishes its data under. */
export interface Licence {
  /** SPDX identifier, e.g. CC-BY-4.0. */
  id: string;
  name: Message;
  url: string;
}

/** What a dictionary is made from: the dataset as the publication configuration describes it. */
export interface DictionarySource {
  id: string;
  title: Message;
  description: Message;
  licence: Licence;
  fields: readonly DictionaryFieldSource[];
}

export interface DictionaryField {
  name: string;
  title: Message;
  type: PublicFieldType;
  /** How a value of the type is written in the files. */
  format: Message;
  /** The codes the field may hold, in display order; present only for coded fields. */
  codes?: DictionaryCode[];
  /** Free text: says that contacts in it are masked. */
  note?: Message;
}

/** The data dictionary document (`dictionary.json`): the files' columns, in their order. */
export interface DataDictionary {
  dataset: string;
  title: Message;
  description: Message;
  licence: Licence;
  fields: DictionaryField[];
}

/** How each value type reads in the files, where every value is text and an empty cell (JSON null) is no value. */
const typeFormats: Readonly<Record<PublicFieldType, Message>> = {
  text: { zh: '文本', en: 'Text' },
  code: { zh: '代码，取值见代码表', en: 'A code from the code list' },
  date: { zh: '日期，YYYY-MM-DD', en: 'Date, YYYY-MM-DD' },
  int: { zh: '整数', en: 'Whole number' },
  decimal: { zh: '精确小数，如 1234.50', en: 'Exact decimal, e.g. 1234.50' },
  bool: { zh: '是否：true 或 false', en: 'Yes or no: true or false' },
  timestamp: { zh: '时间，ISO 8601（UTC）', en: 'Instant, ISO 8601 (UTC)' },
};

const contactsMaskedNote: Message = {
  zh: `自由填写的文本：其中的手机号、固定电话、电子邮箱和身份证号已替换为“${CONTACT_REMOVED}”。`,
  en: `Text as typed: mobile and landline numbers, email addresses and ID numbers in it are replaced by "${CONTACT_REMOVED}".`,
};

export function dataDictionary(source: DictionarySource): DataDictionary {
  return {
    dataset: source.id,
    title: source.title,
    description: source.description,
    licence: source.licence,
    fields: source.fields.map(dictionaryField),
  };
}

function dictionaryField(field: DictionaryFieldSource): DictionaryField {
  const out: DictionaryField = { name: field.name, title: field.title, type: field.type, format: typeFormats[field.type] };
  if (field.codes) out.codes = field.codes.map(({ code, label }) => ({ code, label }));
  if (field.free_text) out.note = contactsMaskedNote;
  return out;
}
