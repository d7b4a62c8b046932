-- Audit log (审计日志, issue 5): every write, who made it, from where, and the record before and
-- after. Entries are appended by the application in the writer's own transaction, numbered without
-- gaps and hash-chained (src/modules/audit/chain.ts): each hash covers the entry and the hash
-- before it, so `starcity audit verify` finds an edited, inserted or deleted entry.
CREATE TABLE audit_log (
  -- 1, 2, 3… without gaps, assigned under an advisory lock with the chain's head.
  id          integer PRIMARY KEY,
  at          timestamptz NOT NULL,
  -- Who: the account (no foreign key: the entry outlives the account), or the operating-system
  -- user of a CLI command.
  user_id     integer,
  username    text,
  role        text NOT NULL,
  -- How they came: session, token, anonymous (a failed sign-in), cli, or system (the server on its own).
  via         text NOT NULL,
  token_id    integer,
  ip          text,
  request_id  text,
  -- What: create, update, delete, import, sign_in, …; on which kind of record and which one.
  action      text NOT NULL,
  entity      text NOT NULL,
  record_id   text,
  -- The record as the API shows it, before and after, as the exact JSON text that was hashed.
  before      text,
  after       text,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_record_idx ON audit_log (entity, record_id);
CREATE INDEX audit_log_user_idx ON audit_log (user_id);

-- Append-only for the application: changing or removing an entry is refused. (An owner who turns
-- the triggers off can still do it, which is what the hash chain is for.)
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- List pages of the log are cached like the registry's (src/db/list/cache.ts).
INSERT INTO table_versions (table_name) VALUES ('audit_log');
CREATE TRIGGER audit_log_version AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
