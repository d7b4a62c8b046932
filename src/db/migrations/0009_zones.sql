-- Officers limited to zones (功能区/创新区), not only districts (issue 5): a zone such as a
-- high-tech zone crosses district lines, so its bureau's area is given by zone codes
-- (config/cities/<city>.json). An officer's area is its districts and its zones; neither = the city.
ALTER TABLE users ADD COLUMN zones text[] NOT NULL DEFAULT '{}';

-- Where an application lies: the applicant's zone when created, beside its district.
ALTER TABLE applications ADD COLUMN zone text;
UPDATE applications a SET zone = o.zone FROM organizations o WHERE o.id = a.organization_id;
CREATE INDEX applications_zone_idx ON applications (zone);
