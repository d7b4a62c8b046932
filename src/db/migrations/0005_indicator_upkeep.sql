-- Incremental upkeep of the computed indicators (指标增量维护). Every write to a table an indicator
-- counts adjusts that indicator's buckets in the writer's own transaction, so reading every
-- indicator never rescans the registry. The triggers and functions that do it are generated from
-- the indicator catalogue and installed by the server (src/modules/indicators/upkeep.ts), not
-- here: the catalogue is configuration and changes without a migration. See docs/indicators.md.

-- Changes to the counts of one indicator per grain (the area, then each breakdown value, joined
-- by U+001F; '' for none) and range of years: a record counts in every year from y1 to y2 (32767:
-- no end); a distinct count has one row per year (y1 = y2). A count is the sum of its rows.
-- Writes only append (an upsert costs several times more); a read that finds many rows per grain
-- compacts them into one. "C" collation: the keys are codes, compared byte by byte.
CREATE TABLE indicator_buckets (
  indicator  text COLLATE "C" NOT NULL,
  keys       text COLLATE "C" NOT NULL,
  y1         integer NOT NULL,
  y2         integer NOT NULL,
  n          numeric NOT NULL,
  part       numeric NOT NULL
);
CREATE INDEX indicator_buckets_indicator_idx ON indicator_buckets (indicator);

-- Distinct counts: the years each distinct value (an organization, say) is counted in, per grain,
-- as a bitmask (bit i = first year + i). A write recomputes the masks of the values it touched,
-- and the buckets change by the bits that changed.
CREATE TABLE indicator_distinct_values (
  indicator  text COLLATE "C" NOT NULL,
  value      bigint NOT NULL,
  keys       text COLLATE "C" NOT NULL,
  mask       bigint NOT NULL,
  PRIMARY KEY (indicator, value, keys)
);

-- Which generated upkeep is installed: the SHA-256 of its SQL. Another catalogue or city
-- configuration gives another signature, and the next server start reinstalls and rebuilds.
CREATE TABLE indicator_upkeep (
  id            boolean PRIMARY KEY DEFAULT true CHECK (id),
  signature     text NOT NULL,
  installed_at  timestamptz NOT NULL DEFAULT now()
);
