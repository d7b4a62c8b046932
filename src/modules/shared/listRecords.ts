import type { ListQuery } from '../../contracts/common.js';
import { parseListQuery } from '../../db/list/parse.js';
import { runList, type ListPage } from '../../db/list/sql.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { Queryable } from '../../db/client.js';
import { validationFailed } from './errors.js';

/** One page of a registry list: the query checked against the list's spec (a 400 naming each bad parameter), then run. */
export function listRecords<Row extends { id: number }, Item>(db: Queryable, spec: ListSpec, query: ListQuery, present: (row: Row) => Item): Promise<ListPage<Item>> {
  const parsed = parseListQuery(spec, query);
  if (!parsed.ok) throw validationFailed(parsed.problems);
  return runList(db, spec, parsed.value, present);
}
