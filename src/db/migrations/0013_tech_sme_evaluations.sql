-- Tech-based SME self-evaluations an organization stored (科技型中小企业自评, issue 14): the figures as
-- entered (amounts as decimal text, exact) and the result the calculator gave then, kept as it was
-- even if the rules change later. An evaluation belongs to its enterprise and goes with it.
CREATE TABLE tech_sme_evaluations (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id integer NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  year            integer NOT NULL,
  figures         jsonb NOT NULL,
  result          jsonb NOT NULL,
  total           integer NOT NULL,
  qualifies       boolean NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX tech_sme_evaluations_org_idx ON tech_sme_evaluations (organization_id, created_at DESC, id DESC);
