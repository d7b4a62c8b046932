-- Technology contracts (技术合同认定登记, issue 14). Amounts are exact decimals (NUMERIC, never
-- float); flow and inflow are derived by the service from the buyer's region and the seller's
-- place, stored so lists and statistics filter and group on them; district and zone are the
-- seller's, defaulting to its organization's. Registration numbers come from a per-city,
-- per-year counter (below), unique when given.
CREATE TABLE tech_contracts (
  id                    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contract_number       text NOT NULL,
  title                 text NOT NULL,
  type                  text NOT NULL,
  sub_type              text NOT NULL,
  seller_org_id         integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  buyer_org_id          integer REFERENCES organizations (id) ON DELETE RESTRICT,
  buyer_name            text,
  buyer_region          text NOT NULL,
  flow                  text NOT NULL,
  inflow                boolean NOT NULL DEFAULT false,
  contract_amount       numeric(16, 2) NOT NULL CHECK (contract_amount > 0),
  transaction_amount    numeric(16, 2) NOT NULL CHECK (transaction_amount >= 0 AND transaction_amount <= contract_amount),
  signed_on             date NOT NULL,
  registered_on         date CHECK (registered_on >= signed_on),
  end_on                date CHECK (end_on >= signed_on),
  technology_field      text,
  district_code         text,
  zone                  text,
  status                text NOT NULL DEFAULT 'draft',
  registration_number   text UNIQUE,
  not_registered_reason text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  UNIQUE (seller_org_id, contract_number),
  CHECK (buyer_org_id IS NOT NULL OR buyer_name IS NOT NULL)
);
CREATE INDEX tech_contracts_registered_on_idx ON tech_contracts (registered_on);
CREATE INDEX tech_contracts_signed_on_idx ON tech_contracts (signed_on);
CREATE INDEX tech_contracts_type_idx ON tech_contracts (type, sub_type);
CREATE INDEX tech_contracts_district_idx ON tech_contracts (district_code, registered_on);
CREATE INDEX tech_contracts_zone_idx ON tech_contracts (zone);
CREATE INDEX tech_contracts_buyer_org_idx ON tech_contracts (buyer_org_id);

INSERT INTO table_versions (table_name) VALUES ('tech_contracts');
CREATE TRIGGER tech_contracts_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tech_contracts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();

-- The last registration number given per city and year. Allocation updates the row inside the
-- registering transaction: a second registration waits for the first to commit (the row lock),
-- and a rolled-back one gives its number back, so the sequence never skips or repeats.
CREATE TABLE registration_counters (
  city_code text NOT NULL,
  year      integer NOT NULL,
  last      integer NOT NULL,
  PRIMARY KEY (city_code, year)
);
