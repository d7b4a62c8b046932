-- Talent introductions (人才引进) and recruitment calls (招贤令), issue 14. A person's name,
-- contacts and identity number are personal information (PIPL): readers without
-- talent.personal_data.read get them masked through the module's masked view; the audit log keeps
-- them masked. District and zone are the host organization's unless given.
CREATE TABLE talent_introductions (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_name   text NOT NULL,
  phone         text,
  email         text,
  id_number     text,
  category      text NOT NULL,
  mode          text NOT NULL,
  host_org_id   integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  introduced_on date NOT NULL,
  field         text,
  district_code text,
  zone          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX talent_introductions_host_idx ON talent_introductions (host_org_id);
CREATE INDEX talent_introductions_introduced_on_idx ON talent_introductions (introduced_on);
CREATE INDEX talent_introductions_district_idx ON talent_introductions (district_code, introduced_on);

CREATE TABLE recruitment_calls (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id        integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  title         text NOT NULL,
  positions     integer NOT NULL CHECK (positions > 0),
  description   text,
  published_on  date,
  deadline      date NOT NULL CHECK (published_on IS NULL OR deadline >= published_on),
  district_code text,
  zone          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX recruitment_calls_org_idx ON recruitment_calls (org_id);
CREATE INDEX recruitment_calls_deadline_idx ON recruitment_calls (deadline);

INSERT INTO table_versions (table_name) VALUES ('talent_introductions'), ('recruitment_calls');
CREATE TRIGGER talent_introductions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON talent_introductions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER recruitment_calls_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recruitment_calls
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
