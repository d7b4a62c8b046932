-- An organization's industry (国民经济行业分类, GB/T 4754-2017): its class as a section letter and
-- four digits, e.g. C3514. Industrial-chain rules map organizations to segments by its prefix
-- (docs/industrial-chains.md); NULL when the registry does not know it.
ALTER TABLE organizations ADD COLUMN industry_code text CHECK (industry_code ~ '^[A-T][0-9]{4}$');
