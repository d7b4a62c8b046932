-- Import records (导入记录): one row per `starcity import` or upload, with its problems, so that
-- every change a file made can be traced to who, when, which file (name, SHA-256) and how.
--
-- status:
--   running    the import is reading and writing (or its process died: see runner/heartbeat_at)
--   succeeded  the whole file was read and every row was accepted
--   rejected   rows were rejected or the file was refused; `committed` says whether the accepted
--              rows were written (partial mode) or not (atomic mode, dry run)
--   failed     an unexpected error or an interrupted process (error = 'interrupted')

CREATE TABLE imports (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity          text NOT NULL,
  file_name       text NOT NULL,
  file_sha256     text,
  file_size       bigint,
  -- As asked: mode, atomic, dry_run, encoding, sheet.
  options         jsonb NOT NULL,
  -- As found: format, encoding, sheet.
  detected        jsonb,
  status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'rejected', 'failed')),
  -- Whether the rows counted as inserted and updated are in the database.
  committed       boolean NOT NULL DEFAULT false,
  read            integer NOT NULL DEFAULT 0,
  inserted        integer NOT NULL DEFAULT 0,
  updated         integer NOT NULL DEFAULT 0,
  unchanged       integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  bytes_read      bigint NOT NULL DEFAULT 0,
  problems_total  integer NOT NULL DEFAULT 0,
  problems_stored integer NOT NULL DEFAULT 0,
  started_at      timestamptz NOT NULL DEFAULT now(),
  heartbeat_at    timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  -- host:pid of the process running it, to tell a live import from one whose process died.
  runner          text,
  error           text,
  -- The account that started it; accounts arrive with issue 5.
  created_by      text
);
CREATE INDEX imports_started_idx ON imports (started_at);
CREATE INDEX imports_running_idx ON imports (status) WHERE status = 'running';

-- Every problem of an import, file problems (line may be null) and row problems, in report order.
CREATE TABLE import_problems (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id   integer NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line        integer,
  column_name text,
  value       text,
  code        text NOT NULL,
  message_zh  text NOT NULL,
  message_en  text NOT NULL
);
CREATE INDEX import_problems_import_idx ON import_problems (import_id, id);

INSERT INTO table_versions (table_name) VALUES ('imports');
CREATE TRIGGER imports_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imports
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
