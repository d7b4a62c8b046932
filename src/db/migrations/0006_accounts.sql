-- Accounts (账号), sessions and API tokens (issue 5). Roles and permissions live in code
-- (src/domain/permissions.ts); the database keeps who has which role and what they are bound to.
-- Secrets are never stored: passwords as argon2id hashes, session cookies and API tokens as the
-- SHA-256 of their random value. All times are written by the application's clock (tests fix it).

CREATE TABLE users (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username            text NOT NULL,
  display_name        text,
  role                text NOT NULL CHECK (role IN ('admin', 'officer', 'expert', 'org_user')),
  -- argon2id PHC string; null = no password sign-in (tokens only).
  password_hash       text,
  active              boolean NOT NULL DEFAULT true,
  -- An officer's districts (GB/T 2260); empty = the whole city.
  districts           text[] NOT NULL DEFAULT '{}',
  -- Failed sign-ins still counted towards a lock-out, and the end of the current lock.
  recent_failures     timestamptz[] NOT NULL DEFAULT '{}',
  locked_until        timestamptz,
  -- A demo account that still has the documented demo password (the login page lists it).
  demo_password       boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz,
  last_login_at       timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
-- Usernames are unique whatever their case.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- The organizations an org_user acts for.
CREATE TABLE user_organizations (
  user_id         integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id integer NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, organization_id)
);
CREATE INDEX user_organizations_org_idx ON user_organizations (organization_id);

-- Signed-in browser sessions; the cookie carries the random value, the row its SHA-256.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- API tokens of machine clients: scoped, expiring, revocable; the token itself is shown once.
CREATE TABLE api_tokens (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  -- The first characters of the token, so its owner can tell tokens apart.
  prefix       text NOT NULL,
  scopes       text[] NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
