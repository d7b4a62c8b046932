-- The innovation registry: organizations (主体), their qualifications (资质),
-- R&D institutions (研发机构) and innovation platforms (创新平台).
-- Code values (kinds, types, levels…) are checked by the application's contracts, not by CHECK
-- constraints, so a city can extend a code list by configuration without a migration.

CREATE TABLE organizations (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uscc                 text NOT NULL UNIQUE,
  uscc_override_reason text,
  name                 text NOT NULL,
  name_en              text,
  kind                 text NOT NULL,
  district_code        text,
  zone                 text,
  founded_on           date,
  address              text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX organizations_kind_idx ON organizations (kind);
CREATE INDEX organizations_district_idx ON organizations (district_code);
CREATE INDEX organizations_name_idx ON organizations (name);

CREATE TABLE qualifications (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  qualification   text NOT NULL,
  certificate_no  text,
  valid_from      date NOT NULL,
  valid_to        date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (organization_id, qualification, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX qualifications_type_validity_idx ON qualifications (qualification, valid_from, valid_to);

CREATE TABLE rd_institutions (
  id                          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  host_org_id                 integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  name                        text NOT NULL,
  name_en                     text,
  category                    text NOT NULL,
  level                       text NOT NULL,
  established_on              date,
  district_code               text NOT NULL,
  zone                        text,
  global_layout_evidence      text,
  global_layout_confirmed_on  date,
  global_tasks_evidence       text,
  global_tasks_confirmed_on   date,
  global_resources_evidence   text,
  global_resources_confirmed_on date,
  global_results_evidence     text,
  global_results_confirmed_on date,
  -- "four global" (四个全球) features confirmed by a reviewer; stored so lists filter and sort on it.
  global_feature_count        smallint GENERATED ALWAYS AS (
    (global_layout_confirmed_on IS NOT NULL)::int + (global_tasks_confirmed_on IS NOT NULL)::int
    + (global_resources_confirmed_on IS NOT NULL)::int + (global_results_confirmed_on IS NOT NULL)::int
  ) STORED,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  version                     integer NOT NULL DEFAULT 1,
  UNIQUE (host_org_id, name)
);
CREATE INDEX rd_institutions_district_idx ON rd_institutions (district_code);
CREATE INDEX rd_institutions_category_idx ON rd_institutions (category);
CREATE INDEX rd_institutions_established_idx ON rd_institutions (established_on);

CREATE TABLE platforms (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  host_org_id   integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  name          text NOT NULL,
  name_en       text,
  type          text NOT NULL,
  level         text NOT NULL,
  recognized_on date,
  authority     text,
  status        text NOT NULL,
  district_code text NOT NULL,
  zone          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (host_org_id, name)
);
CREATE INDEX platforms_type_idx ON platforms (type);
CREATE INDEX platforms_district_idx ON platforms (district_code);
