-- A change log of the tables the market analysis reads (src/modules/marketAnalysis/store.ts;
-- docs/decisions.md, 2026-12-04): which rows each statement wrote, tagged with the version of the
-- table (table_versions) that statement took it to. A column store that has applied version v of
-- a table reads the entries above v, re-reads just those rows by id and patches its columns
-- instead of rebuilding them from every row. Statement-level triggers in the writer's own
-- transaction, one entry per statement with its ids as one array, so a bulk import adds a row
-- here per statement, not per contract.
--
-- Order: a table's triggers for one event fire in name order, so <table>_version_log_* run after
-- <table>_version and read the version it just bumped. That bump holds the version row's lock to
-- the end of the writer's transaction, so a table's versions are handed out in commit order: a
-- reader that sees version v can already see every entry tagged v or less.
CREATE TABLE table_changes (
  table_name text NOT NULL,
  version    bigint NOT NULL,
  -- The ids of the rows written; NULL for every row (a TRUNCATE).
  ids        integer[],
  logged_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX table_changes_version_idx ON table_changes (table_name, version);

-- The log is pruned by age (any store, now and then); a store that had not applied what was
-- pruned rebuilds. `through`: the highest version of a table whose entries may be gone.
CREATE TABLE table_changes_pruned (
  table_name text PRIMARY KEY,
  through    bigint NOT NULL DEFAULT 0
);
INSERT INTO table_changes_pruned (table_name) VALUES ('tech_contracts'), ('organizations');

-- Each trigger names its transition table written_rows: the new rows of an insert or update, the old of a delete.
CREATE FUNCTION log_written_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO table_changes (table_name, version, ids)
  SELECT TG_TABLE_NAME, v.version, w.ids
    FROM table_versions v, (SELECT array_agg(id) AS ids FROM written_rows) w
   WHERE v.table_name = TG_TABLE_NAME AND w.ids IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE FUNCTION log_truncated_table() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO table_changes (table_name, version, ids) SELECT TG_TABLE_NAME, version, NULL FROM table_versions WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END
$$;

CREATE TRIGGER tech_contracts_version_log_insert AFTER INSERT ON tech_contracts
  REFERENCING NEW TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION log_written_rows();
CREATE TRIGGER tech_contracts_version_log_update AFTER UPDATE ON tech_contracts
  REFERENCING NEW TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION log_written_rows();
CREATE TRIGGER tech_contracts_version_log_delete AFTER DELETE ON tech_contracts
  REFERENCING OLD TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION log_written_rows();
CREATE TRIGGER tech_contracts_version_log_truncate AFTER TRUNCATE ON tech_contracts
  FOR EACH STATEMENT EXECUTE FUNCTION log_truncated_table();

-- Of an organization the analysis keeps only its kind (the seller's kind): only a change of kind
-- is logged. A new organization sells nothing yet, and one with contracts cannot be deleted.
CREATE FUNCTION log_organization_kinds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO table_changes (table_name, version, ids)
  SELECT 'organizations', v.version, k.ids
    FROM table_versions v,
         (SELECT array_agg(n.id) AS ids FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.kind IS DISTINCT FROM o.kind) k
   WHERE v.table_name = 'organizations' AND k.ids IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER organizations_version_log_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_organization_kinds();
