import type { ListQuery } from '../../contracts/common.js';
import type { PublicDataset, PublicRow, PublicRowsPage } from '../../contracts/publicData.js';
import { parseListQuery, type FilterTerm, type ParsedList } from '../../db/list/parse.js';
import { listBatches, runList } from '../../db/list/sql.js';
import { projectRow, type Publication, type PublishedDataset } from '../../domain/publication.js';
import type { AppContext, ServiceContext } from '../shared/context.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { catalogueColumn } from './columns.js';
import { datasetSpec, rowCondition, shippedPublication, type DatasetSpec } from './publication.js';

/**
 * The published datasets (开放数据集): their descriptors with the data dictionary, and their rows —
 * only the rows the dataset's condition admits, only the published fields, read by the registry
 * list engine over a list narrowed to those fields. For the public routes and the bulk downloads.
 */

export const PUBLIC_PREFIX = '/api/v1/public';

/** The publication the server runs with (config/publication.json, checked at start-up). */
export const publicationOf = (ctx: Pick<AppContext, 'city'>): Publication => shippedPublication(ctx.city);

function findDataset(ctx: Pick<AppContext, 'city'>, id: string): PublishedDataset {
  const dataset = publicationOf(ctx).datasets.find((d) => d.id === id);
  if (!dataset) throw notFound({ zh: '开放数据集', en: 'Open dataset' }, id);
  return dataset;
}

/** A dataset's descriptor: titles, licence, and the dictionary of its published fields. */
function describe(ctx: Pick<AppContext, 'city' | 'clock'>, dataset: PublishedDataset): PublicDataset {
  const spec = datasetSpec(dataset, ctx.city, ctx.clock.today());
  const self = `${PUBLIC_PREFIX}/datasets/${dataset.id}`;
  return {
    id: dataset.id,
    title: dataset.title,
    description: dataset.description,
    licence: publicationOf(ctx).licence,
    fields: dataset.fields.map((name) => {
      const column = spec.columns[name]!;
      const { codes, ...entry } = catalogueColumn(column);
      const queryable = !column.freeText;
      return { name, title: entry.name, type: entry.type, filterable: queryable, sortable: queryable && column.field.sort === true, groupable: queryable && column.field.group === true, ...(codes ? { codes: [...codes] } : {}), ...(queryable ? {} : { free_text: true as const }) };
    }),
    searchable: spec.published.searchColumns.length > 0 || spec.published.searchExact !== undefined,
    links: { self, rows: `${self}/rows` },
  };
}

/** Every published dataset, in the configuration's order. */
export function publicDatasets(ctx: Pick<AppContext, 'city' | 'clock'>): PublicDataset[] {
  return publicationOf(ctx).datasets.map((d) => describe(ctx, d));
}

export function publicDataset(ctx: Pick<AppContext, 'city' | 'clock'>, id: string): PublicDataset {
  return describe(ctx, findDataset(ctx, id));
}

/** The dataset's lists for today (open and closed recruitment calls are the city's today). */
function specOf(ctx: Pick<AppContext, 'city' | 'clock'>, id: string): { dataset: PublishedDataset; spec: DatasetSpec } {
  const dataset = findDataset(ctx, id);
  return { dataset, spec: datasetSpec(dataset, ctx.city, ctx.clock.today()) };
}

/** What the server narrows a list by besides the client's query (an indicator's rows behind a figure). */
export interface Narrowing {
  filters?: FilterTerm[];
  referencedBy?: ParsedList['referencedBy'];
}

/**
 * One page of a dataset's rows, with the registry's list conventions over the published fields:
 * filtering, sorting or grouping by any other field is the same 400 as an unknown field.
 */
export async function listPublishedRows(ctx: AppContext, id: string, query: ListQuery, narrow: Narrowing = {}): Promise<PublicRowsPage> {
  const { dataset, spec } = specOf(ctx, id);
  const parsed = parseListQuery(spec.published, query);
  if (!parsed.ok) throw validationFailed(parsed.problems);
  const filters = [...rowCondition(dataset, spec), ...(narrow.filters ?? []), ...parsed.value.filters];
  const list: ParsedList = { ...parsed.value, filters, ...(narrow.referencedBy ? { referencedBy: narrow.referencedBy } : {}) };
  const page = await runList(ctx.db, spec.all, list, (row: { id: number }) => projectRow(dataset, row));
  return { dataset: dataset.id, ...page };
}

/** One published row, or 404 when the row does not exist or the dataset does not publish it. */
export async function publishedRow(ctx: AppContext, id: string, rowId: number): Promise<PublicRow> {
  const { dataset, spec } = specOf(ctx, id);
  const idTerm = { field: 'id', negate: false, alternatives: [{ op: 'eq' as const, value: rowId }] };
  const list = { filters: [...rowCondition(dataset, spec), idTerm], search: null, sort: spec.all.defaultSort, perPage: 1, paging: { kind: 'page' as const, page: 1 }, groupBy: null };
  const page = await runList(ctx.db, spec.all, list, (row: { id: number }) => projectRow(dataset, row));
  const row = page.results[0];
  if (!row) throw notFound(dataset.title, rowId);
  return row;
}

/**
 * Every published row of a dataset in id order, read in keyset batches (constant memory, however
 * large): what the bulk downloads write, inside the transaction that builds a release.
 */
export async function* streamPublishedRows(ctx: ServiceContext, id: string, batchSize = 1000): AsyncGenerator<PublicRow> {
  const { dataset, spec } = specOf(ctx, id);
  const list = { filters: rowCondition(dataset, spec), search: null, sort: spec.all.defaultSort, perPage: batchSize, paging: { kind: 'cursor' as const, after: null }, groupBy: null };
  for await (const batch of listBatches<Record<string, unknown>>(ctx.db, spec.all, list, spec.all.select, batchSize)) {
    for (const row of batch) yield projectRow(dataset, row);
  }
}
