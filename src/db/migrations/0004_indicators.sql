-- Indicators (指标): the catalogue lives in config/indicators.json; what the database holds are the
-- values no registry row can produce (official statistics, with every revision) and the targets.

-- Official statistics (官方统计): one row per published or revised figure. The newest publication of
-- a (indicator, period, area) is the value shown; older rows stay as its history.
CREATE TABLE official_values (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_code  text NOT NULL,
  period          text NOT NULL,
  area_code       text NOT NULL,
  value           numeric NOT NULL,
  source          text NOT NULL,
  published_on    date NOT NULL,
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX official_values_lookup_idx ON official_values (indicator_code, period, area_code, published_on DESC, id DESC);

-- Targets (目标): one per indicator, period and area. A district's target may be cascaded from the
-- city's (parent_id), and the districts' targets are summed against it.
CREATE TABLE targets (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_code  text NOT NULL,
  period          text NOT NULL,
  area_code       text NOT NULL,
  comparator      text NOT NULL CHECK (comparator IN ('>=', '<=', '≈')),
  value           numeric NOT NULL,
  tolerance       numeric CHECK (tolerance IS NULL OR tolerance >= 0),
  parent_id       integer REFERENCES targets (id) ON DELETE CASCADE,
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (indicator_code, period, area_code)
);
CREATE INDEX targets_parent_idx ON targets (parent_id);

INSERT INTO table_versions (table_name) VALUES ('official_values'), ('targets');
CREATE TRIGGER official_values_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON official_values
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
CREATE TRIGGER targets_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON targets
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
