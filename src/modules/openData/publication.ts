import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../config.js';
import type { ListSpec } from '../../db/list/spec.js';
import { parseFilters, type FilterTerm } from '../../db/list/parse.js';
import type { CityConfig } from '../../domain/city.js';
import { parsePublication, type Publication, type PublishedDataset } from '../../domain/publication.js';
import { loadCatalogue } from '../indicators/catalogue.js';
import { registryListSpec, type RegistryEntity } from '../shared/registryLists.js';
import { publicColumns, publicationCatalogue, type PublicColumn, type PublishableRegistry } from './columns.js';

export const publicationFile = join(packageRoot, 'config', 'publication.json');

/**
 * Reads and checks config/publication.json: the domain's checks (fields known, none personal,
 * `id` published), then each dataset's row condition against its registry list. A start-up error
 * names every problem.
 */
export function loadPublication(city: CityConfig, indicatorCodes: ReadonlySet<string>, file = publicationFile): Publication {
  const parsed = parsePublication(JSON.parse(readFileSync(file, 'utf8')), publicationCatalogue(city, '1970-01-01'), indicatorCodes);
  const problems = 'problems' in parsed ? parsed.problems : parsed.datasets.flatMap((d) => rowConditionProblems(d, city));
  if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return parsed as Publication;
}

function rowConditionProblems(dataset: PublishedDataset, city: CityConfig): string[] {
  const parsed = parseFilters(datasetSpec(dataset, city, '1970-01-01').all, dataset.rows);
  return parsed.ok ? [] : parsed.problems.map((p) => `datasets.${dataset.id}.rows: ${p.message.en}`);
}

/**
 * A dataset over its registry list. `all`: every field of the list and every publishable column,
 * what the row condition and the server's SQL may use; `published`: only the published fields,
 * the list a client may filter, sort, group and search on (anything else is an unknown field).
 */
export interface DatasetSpec {
  all: ListSpec;
  published: ListSpec;
  columns: Record<string, PublicColumn>;
}

export function datasetSpec(dataset: PublishedDataset, city: CityConfig, today: string): DatasetSpec {
  const base = registryListSpec(dataset.registry as RegistryEntity, city, undefined, false, today);
  const offered = publicColumns(dataset.registry as PublishableRegistry, city, today);
  const columns = Object.fromEntries(dataset.fields.map((f) => [f, offered[f]!]));
  // The rows carry the published fields alone: nothing unpublished is even read.
  const select = Object.entries(columns).map(([k, c]) => `${c.field.column} AS "${k}"`).join(', ');
  // Free text is masked as it leaves; searching, filtering or sorting on it would answer from the text unmasked.
  const fields = Object.fromEntries(Object.entries(columns).filter(([, c]) => !c.freeText).map(([k, c]) => [k, c.field]));
  const publishedColumns = new Set(Object.values(fields).map((f) => f.column));
  const searchExact = base.searchExact && publishedColumns.has(base.searchExact.column) ? { searchExact: base.searchExact } : {};
  const published: ListSpec = { from: base.from, tables: base.tables, select, fields, searchColumns: base.searchColumns.filter((c) => publishedColumns.has(c)), ...searchExact, defaultSort: { field: 'id', desc: false } };
  const all: ListSpec = { ...published, fields: { ...Object.fromEntries(Object.entries(offered).map(([k, c]) => [k, c.field])), ...base.fields } };
  return { all, published, columns };
}

/** The dataset's row condition as filter terms over `all` (checked at start-up). */
export function rowCondition(dataset: PublishedDataset, spec: DatasetSpec): FilterTerm[] {
  const parsed = parseFilters(spec.all, dataset.rows);
  if (!parsed.ok) throw new Error(`datasets.${dataset.id}.rows: ${parsed.problems.map((p) => p.message.en).join('; ')}`);
  return parsed.value;
}

const shipped = new Map<string, Publication>();

/** The shipped publication for a city, read and checked once per process against the shipped indicator catalogue. */
export function shippedPublication(city: CityConfig): Publication {
  let publication = shipped.get(city.code);
  if (!publication) shipped.set(city.code, (publication = loadPublication(city, new Set(loadCatalogue(city).indicators.keys()))));
  return publication;
}
