-- Failed sign-ins under names no account has (issue 13): they are counted and locked out exactly
-- like an account's (users.recent_failures, users.locked_until), so neither the replies nor the
-- lock-out tell which usernames exist. Keyed by the lower-cased name, as usernames are unique.
CREATE TABLE sign_in_failures (
  username_key    text PRIMARY KEY,
  recent_failures timestamptz[] NOT NULL DEFAULT '{}',
  locked_until    timestamptz,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_updated_idx ON sign_in_failures (updated_at);
