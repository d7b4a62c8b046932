-- Every bump of a table's counter (table_versions) is also announced on the channel
-- `table_versions` as "<table>:<version>", delivered when the writer's transaction commits. A
-- server process keeps a snapshot of the counters current from these (src/db/versionWatch.ts), so
-- the public API answers a cached reply or a 304 without asking the database whether anything
-- changed — whichever process made the change (docs/decisions.md, 2026-12-05).
CREATE OR REPLACE FUNCTION bump_table_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped bigint;
BEGIN
  UPDATE table_versions SET version = version + 1 WHERE table_name = TG_TABLE_NAME RETURNING version INTO bumped;
  IF bumped IS NOT NULL THEN
    PERFORM pg_notify('table_versions', TG_TABLE_NAME || ':' || bumped);
  END IF;
  RETURN NULL;
END
$$;
