-- The bureau's day an application entered its state (issue 5): a step's deadline counts working
-- days from it. It is the server's today when the step happens — the configured day under
-- STARCITY_TODAY (training, demos, tests) — while state_since keeps the real moment.
ALTER TABLE applications ADD COLUMN state_day date;
UPDATE applications SET state_day = (state_since AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE applications ALTER COLUMN state_day SET NOT NULL;
