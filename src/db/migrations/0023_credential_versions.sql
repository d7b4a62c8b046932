-- Counters for what a token or session cookie stands for, so a server process may keep who a
-- credential is in memory (src/modules/accounts/credentialCache.ts) and drop it the moment any
-- process revokes the token, ends the session or changes the account (the counters' bumps are
-- announced by NOTIFY, migration 0021). Marking a credential used (last_used_at, last_seen_at)
-- and counting failed sign-ins change nothing a principal is made of: they do not count.
INSERT INTO table_versions (table_name) VALUES ('users'), ('user_organizations'), ('api_tokens'), ('sessions');
CREATE TRIGGER users_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF username, display_name, role, active, districts, zones ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER user_organizations_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_organizations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER api_tokens_version AFTER DELETE OR TRUNCATE OR UPDATE OF user_id, token_hash, scopes, expires_at, revoked_at ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER sessions_version AFTER DELETE OR TRUNCATE OR UPDATE OF id, user_id, created_at ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
