-- Key-technology projects, achievements, their transfers and the enterprises they incubate
-- (重点项目、科技成果、成果转化、孵化企业; issue 14). Budgets and amounts are exact decimals (NUMERIC,
-- never float). A project is its lead organization's and an achievement its first organization's
-- (owner_org_id); both lie where their organization does unless told otherwise (district, zone).
-- A transfer or incubation takes its owner, institution and place from its achievement (or, for an
-- incubation without one, from its R&D institution): the services keep these copies current, so
-- lists and indicators filter and group on the row's own columns.
CREATE TABLE projects (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title             text NOT NULL,
  lead_org_id       integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  programme         text NOT NULL,
  budget            numeric(16, 2) NOT NULL CHECK (budget >= 0),
  start_on          date NOT NULL,
  end_on            date NOT NULL CHECK (end_on >= start_on),
  status            text NOT NULL,
  rd_institution_id integer REFERENCES rd_institutions (id) ON DELETE RESTRICT,
  platform_id       integer REFERENCES platforms (id) ON DELETE RESTRICT,
  district_code     text,
  zone              text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (rd_institution_id IS NULL OR platform_id IS NULL)
);
CREATE INDEX projects_lead_idx ON projects (lead_org_id);
CREATE INDEX projects_district_idx ON projects (district_code);
CREATE INDEX projects_platform_idx ON projects (platform_id);
CREATE INDEX projects_rd_institution_idx ON projects (rd_institution_id);

-- Partner organizations of a project, in the order given (the lead is not among them).
CREATE TABLE project_partners (
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  org_id     integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  position   integer NOT NULL,
  PRIMARY KEY (project_id, org_id)
);
CREATE INDEX project_partners_org_idx ON project_partners (org_id);

CREATE TABLE achievements (
  id                          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title                       text NOT NULL,
  type                        text NOT NULL,
  key_tech_breakthrough       boolean NOT NULL DEFAULT false,
  first_of_kind               boolean NOT NULL DEFAULT false,
  fills_domestic_gap          boolean NOT NULL DEFAULT false,
  globally_leading            boolean NOT NULL DEFAULT false,
  independently_controllable  boolean NOT NULL DEFAULT false,
  year                        integer NOT NULL,
  owner_org_id                integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  rd_institution_id           integer REFERENCES rd_institutions (id) ON DELETE RESTRICT,
  platform_id                 integer REFERENCES platforms (id) ON DELETE RESTRICT,
  project_id                  integer REFERENCES projects (id) ON DELETE RESTRICT,
  evidence                    text,
  district_code               text,
  zone                        text,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  version                     integer NOT NULL DEFAULT 1,
  CHECK (rd_institution_id IS NULL OR platform_id IS NULL)
);
CREATE INDEX achievements_year_idx ON achievements (year);
CREATE INDEX achievements_owner_idx ON achievements (owner_org_id);
CREATE INDEX achievements_district_idx ON achievements (district_code);
CREATE INDEX achievements_platform_idx ON achievements (platform_id);
CREATE INDEX achievements_rd_institution_idx ON achievements (rd_institution_id);
CREATE INDEX achievements_project_idx ON achievements (project_id);

-- The achievement's organizations after its owner, in the order given.
CREATE TABLE achievement_organizations (
  achievement_id integer NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  org_id         integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  position       integer NOT NULL,
  PRIMARY KEY (achievement_id, org_id)
);
CREATE INDEX achievement_organizations_org_idx ON achievement_organizations (org_id);

CREATE TABLE transfers (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  achievement_id    integer NOT NULL REFERENCES achievements (id) ON DELETE RESTRICT,
  receiver_org_id   integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  mode              text NOT NULL,
  amount            numeric(16, 2) NOT NULL CHECK (amount >= 0),
  transferred_on    date NOT NULL,
  tech_contract_id  integer REFERENCES tech_contracts (id) ON DELETE RESTRICT,
  owner_org_id      integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  rd_institution_id integer REFERENCES rd_institutions (id) ON DELETE RESTRICT,
  platform_id       integer REFERENCES platforms (id) ON DELETE RESTRICT,
  district_code     text,
  zone              text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
CREATE INDEX transfers_achievement_idx ON transfers (achievement_id);
CREATE INDEX transfers_on_idx ON transfers (transferred_on);
CREATE INDEX transfers_owner_idx ON transfers (owner_org_id);
CREATE INDEX transfers_rd_institution_idx ON transfers (rd_institution_id);
CREATE INDEX transfers_contract_idx ON transfers (tech_contract_id);

CREATE TABLE incubations (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enterprise_org_id integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  achievement_id    integer REFERENCES achievements (id) ON DELETE RESTRICT,
  rd_institution_id integer REFERENCES rd_institutions (id) ON DELETE RESTRICT,
  incubated_on      date NOT NULL,
  owner_org_id      integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  district_code     text,
  zone              text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  CHECK (achievement_id IS NOT NULL OR rd_institution_id IS NOT NULL)
);
CREATE INDEX incubations_on_idx ON incubations (incubated_on);
CREATE INDEX incubations_achievement_idx ON incubations (achievement_id);
CREATE INDEX incubations_rd_institution_idx ON incubations (rd_institution_id);
CREATE INDEX incubations_owner_idx ON incubations (owner_org_id);

INSERT INTO table_versions (table_name) VALUES ('projects'), ('project_partners'), ('achievements'), ('achievement_organizations'), ('transfers'), ('incubations');
CREATE TRIGGER projects_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER project_partners_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_partners FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER achievements_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON achievements FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER achievement_organizations_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON achievement_organizations FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER transfers_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON transfers FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER incubations_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incubations FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
