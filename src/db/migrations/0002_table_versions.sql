-- A counter per registry table, bumped by every statement that writes to it, in the writer's own
-- transaction. Caches key their entries by these counters, so a cached list is never served after
-- its rows changed, whichever server process made the change. Statement-level triggers: a bulk
-- import bumps once per statement, not once per row.

CREATE TABLE table_versions (
  table_name text PRIMARY KEY,
  version    bigint NOT NULL DEFAULT 0
);
INSERT INTO table_versions (table_name) VALUES ('organizations'), ('qualifications'), ('rd_institutions'), ('platforms');

CREATE FUNCTION bump_table_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE table_versions SET version = version + 1 WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END
$$;

CREATE TRIGGER organizations_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER qualifications_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON qualifications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER rd_institutions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rd_institutions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER platforms_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platforms
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
