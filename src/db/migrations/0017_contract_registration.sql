-- Technology-contract registration (技术合同认定登记, issue 14) on the filing engine: an
-- application may be about one of the applicant's contracts (the contract's status follows the
-- application); a registration has no experts, so its field of expertise may be empty.
ALTER TABLE applications ADD COLUMN tech_contract_id integer REFERENCES tech_contracts (id) ON DELETE RESTRICT;
ALTER TABLE applications ALTER COLUMN field DROP NOT NULL;
CREATE INDEX applications_tech_contract_idx ON applications (tech_contract_id) WHERE tech_contract_id IS NOT NULL;
