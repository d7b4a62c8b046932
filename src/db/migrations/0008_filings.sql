-- Filing workflows (备案, issue 5): applications moved through a declared path
-- (config/workflows), the expert pool and its draws, review scores, public notices and
-- objections, annual evaluations. Every change is also in the audit log.

CREATE TABLE applications (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The filing type (config/workflows/<type>.json) and its path's current state.
  filing_type      text NOT NULL,
  state            text NOT NULL,
  -- Who applies; for a "four global" confirmation, which institution it is about.
  organization_id  integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  rd_institution_id integer REFERENCES rd_institutions (id) ON DELETE RESTRICT,
  -- Where it lies, for officers limited to districts: the applicant's district when created.
  district_code    text,
  -- Field of expertise (专业领域) the reviewers are drawn from.
  field            text NOT NULL,
  -- The form's values, checked against the filing type's fields.
  data             jsonb NOT NULL DEFAULT '{}',
  -- When it entered its state: deadlines count from here.
  state_since      timestamptz NOT NULL,
  submitted_at     timestamptz,
  decided_at       timestamptz,
  decision_reason  text,
  -- The public notice: published on, last day (working days, see noticePeriod.ts).
  notice_from      date,
  notice_to        date,
  -- What filing wrote to the registry.
  filed_entity     text,
  filed_record_id  integer,
  created_by       integer,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX applications_state_idx ON applications (filing_type, state);
CREATE INDEX applications_org_idx ON applications (organization_id);
CREATE INDEX applications_district_idx ON applications (district_code);

-- The status timeline: every transition and every step inside a state (draw, score, objection…).
CREATE TABLE application_events (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  at             timestamptz NOT NULL,
  user_id        integer,
  username       text,
  kind           text NOT NULL,
  from_state     text,
  to_state       text,
  comment        text,
  details        jsonb
);
CREATE INDEX application_events_app_idx ON application_events (application_id, id);

-- The expert pool (专家库): accounts with the expert role, their fields and where they work.
CREATE TABLE experts (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id         integer NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  fields          text[] NOT NULL,
  organization_id integer REFERENCES organizations (id) ON DELETE SET NULL,
  -- Organizations the expert declared a conflict of interest with (回避).
  conflicts       integer[] NOT NULL DEFAULT '{}',
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);

-- A draw, recorded so it can be reproduced: the seed, the pool as it was, who was left out and why.
CREATE TABLE expert_draws (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  seed           text NOT NULL,
  field          text NOT NULL,
  requested      integer NOT NULL,
  pool           jsonb NOT NULL,
  eligible       integer[] NOT NULL,
  excluded       jsonb NOT NULL,
  drawn          integer[] NOT NULL,
  drawn_by       integer,
  drawn_at       timestamptz NOT NULL
);
CREATE INDEX expert_draws_app_idx ON expert_draws (application_id, id);

-- One expert's scores on one application (the latest draw's experts only).
CREATE TABLE expert_reviews (
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  expert_id      integer NOT NULL REFERENCES experts (id) ON DELETE RESTRICT,
  scores         jsonb NOT NULL,
  total          numeric NOT NULL,
  comment        text NOT NULL,
  submitted_at   timestamptz NOT NULL,
  PRIMARY KEY (application_id, expert_id)
);

-- Objections lodged during a public notice (异议), and how an officer resolved them.
CREATE TABLE objections (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  lodged_at      timestamptz NOT NULL,
  name           text NOT NULL,
  contact        text NOT NULL,
  text           text NOT NULL,
  upheld         boolean,
  resolution     text,
  resolved_by    integer,
  resolved_at    timestamptz
);
CREATE INDEX objections_app_idx ON objections (application_id);

-- Annual evaluations of a filed platform or institution (年度评价).
CREATE TABLE filing_evaluations (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  year           integer NOT NULL,
  result         text NOT NULL CHECK (result IN ('excellent', 'qualified', 'unqualified')),
  comment        text,
  evaluated_by   integer,
  evaluated_at   timestamptz NOT NULL,
  UNIQUE (application_id, year)
);

INSERT INTO table_versions (table_name) VALUES ('applications');
CREATE TRIGGER applications_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();

-- Documents of an application's checklist (材料), stored by content (SHA-256) in the configured
-- store (a directory by default); the row says whose, what and how big.
CREATE TABLE attachments (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  checklist_item text NOT NULL,
  file_name      text NOT NULL,
  content_type   text NOT NULL,
  size           integer NOT NULL,
  sha256         text NOT NULL,
  uploaded_by    integer,
  uploaded_at    timestamptz NOT NULL
);
CREATE INDEX attachments_app_idx ON attachments (application_id);
