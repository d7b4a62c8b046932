-- IP-backed loans (知识产权质押融资, issue 14). Amounts are exact decimals (NUMERIC, never float);
-- the pledged items are a JSON array of {kind, number} with numbers normalised by the service
-- (src/domain/ipLoan.ts). Each step of the lifecycle has its date; a compensation stores the shares
-- computed from the policy in force on its date, with that policy's code, so a later policy never
-- re-prices it. District and zone are the borrower's, for officers' areas and the indicators.
CREATE TABLE ip_loans (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contract_number      text NOT NULL,
  borrower_org_id      integer NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  lender_org_id        integer REFERENCES organizations (id) ON DELETE RESTRICT,
  lender_name          text,
  guarantor_name       text,
  guarantor_kind       text,
  pledged_items        jsonb NOT NULL,
  valuation_amount     numeric(16, 2) NOT NULL CHECK (valuation_amount > 0),
  valuer               text NOT NULL,
  amount               numeric(16, 2) NOT NULL CHECK (amount > 0),
  annual_rate          numeric(7, 4) NOT NULL CHECK (annual_rate >= 0 AND annual_rate <= 36),
  term_months          integer NOT NULL CHECK (term_months BETWEEN 1 AND 120),
  status               text NOT NULL DEFAULT 'applied',
  applied_on           date NOT NULL,
  approved_on          date CHECK (approved_on >= applied_on),
  disbursed_on         date CHECK (disbursed_on >= approved_on),
  repaid_on            date CHECK (repaid_on >= disbursed_on),
  overdue_on           date CHECK (overdue_on >= disbursed_on),
  compensated_on       date CHECK (compensated_on >= overdue_on),
  -- The day the loan stopped being owed: what the outstanding-balance indicator counts up to.
  closed_on            date GENERATED ALWAYS AS (COALESCE(repaid_on, compensated_on)) STORED,
  loss_amount          numeric(16, 2) CHECK (loss_amount > 0 AND loss_amount <= amount),
  compensation_policy  text,
  fund_share           numeric(16, 2),
  lender_share         numeric(16, 2),
  agency_share         numeric(16, 2),
  fund_before_cap      numeric(16, 2),
  district_code        text,
  zone                 text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  UNIQUE (borrower_org_id, contract_number),
  CHECK (lender_org_id IS NOT NULL OR lender_name IS NOT NULL),
  CHECK ((status = 'compensated') = (loss_amount IS NOT NULL AND compensation_policy IS NOT NULL AND fund_share IS NOT NULL))
);
CREATE INDEX ip_loans_borrower_idx ON ip_loans (borrower_org_id, compensated_on);
CREATE INDEX ip_loans_disbursed_on_idx ON ip_loans (disbursed_on);
CREATE INDEX ip_loans_district_idx ON ip_loans (district_code);
CREATE INDEX ip_loans_lender_org_idx ON ip_loans (lender_org_id);

INSERT INTO table_versions (table_name) VALUES ('ip_loans');
CREATE TRIGGER ip_loans_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ip_loans
  FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version();
