// A registry `factor` times the one in the database, made in SQL in seconds where seeding the demo at
// that scale takes most of an hour: every row of the registry's tables is copied factor − 1 times
// (INSERT … SELECT over generate_series), copy k's ids shifted by k × the table's largest id and its
// references to copied tables shifted alike, so each copy's relations stay inside the copy and the
// graph's shape scales. Natural keys stay unique: a copy's credit code carries its new id after a
// 'Z' (not a credit-code character, so no original can hold it), a registration number its copy
// number. References to what is not copied (zones, districts, code lists) are shared by the copies.

/** The registry's tables, each after the tables it refers to. */
export const REGISTRY_TABLES = [
  'organizations',
  'qualifications',
  'rd_institutions',
  'platforms',
  'projects',
  'project_partners',
  'achievements',
  'achievement_organizations',
  'tech_contracts',
  'transfers',
  'incubations',
  'ip_loans',
  'talent_introductions',
];

/** Copies per statement: bounds the memory of one INSERT (qualifications are the largest table). */
const COPIES_PER_STATEMENT = 10;

const columnsOf = async (db, table) =>
  (await db.query("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position", [table])).rows.map((r) => r.name);

/** column → referenced table, for each foreign key of `table` into a copied table. */
async function referencesOf(db, table) {
  const { rows } = await db.query(
    `SELECT a.attname AS column, c.confrelid::regclass::text AS target
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.conrelid = $1::regclass AND array_length(c.conkey, 1) = 1`,
    [table],
  );
  return new Map(rows.filter((r) => REGISTRY_TABLES.includes(r.target)).map((r) => [r.column, r.target]));
}

/** The SELECT expression of one column of copy `k`. */
function copied(table, column, references, strides) {
  if (column === 'id') return `id + k * ${strides.get(table)}`;
  if (references.has(column)) return `${column} + k * ${strides.get(references.get(column))}`;
  if (table === 'organizations' && column === 'uscc') return `left(uscc, 8) || 'Z' || lpad((id + k * ${strides.get(table)})::text, 8, '0') || right(uscc, 1)`;
  if (table === 'tech_contracts' && column === 'registration_number') return `registration_number || '-' || k`;
  return column;
}

/** Multiplies the registry `factor` times; returns each table's rows after. */
export async function multiplyRegistry(db, factor) {
  const strides = new Map();
  for (const table of REGISTRY_TABLES) {
    const columns = await columnsOf(db, table);
    if (columns.includes('id')) strides.set(table, Number((await db.query(`SELECT coalesce(max(id), 0) AS m FROM ${table}`)).rows[0].m));
  }
  const counts = {};
  for (const table of REGISTRY_TABLES) {
    const columns = await columnsOf(db, table);
    const references = await referencesOf(db, table);
    const select = columns.map((c) => copied(table, c, references, strides)).join(', ');
    // Only the original rows are copied: a copy's rows are the ones whose ids (or first reference) pass the original's largest.
    const original = columns.includes('id') ? `id <= ${strides.get(table)}` : `${[...references.keys()][0]} <= ${strides.get(references.get([...references.keys()][0]))}`;
    for (let from = 1; from < factor; from += COPIES_PER_STATEMENT) {
      const to = Math.min(factor - 1, from + COPIES_PER_STATEMENT - 1);
      await db.query(`INSERT INTO ${table} (${columns.join(', ')}) ${columns.includes('id') ? 'OVERRIDING SYSTEM VALUE' : ''} SELECT ${select} FROM ${table}, generate_series(${from}, ${to}) AS k WHERE ${original}`);
    }
    if (columns.includes('id')) await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    counts[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  await db.query('ANALYZE');
  return counts;
}
