-- The natural keys of projects, achievements, transfers and incubations (docs/data-formats.md)
-- become UNIQUE (issue 14). The services check a key before writing, for a message naming the
-- fields; these constraints hold it when two writes race (the HTTP edge answers their violation
-- with the same 409). A database that already holds two records of one key stops here, naming
-- them: an operator merges or renames one, then starts again (nothing is deleted for them).
DO $$
DECLARE
  dup record;
BEGIN
  FOR dup IN
    SELECT 'projects' AS t, 'lead_org_id, title' AS k, string_agg(id::text, ', ' ORDER BY id) AS ids FROM projects GROUP BY lead_org_id, title HAVING count(*) > 1
    UNION ALL
    SELECT 'achievements', 'owner_org_id, title, year', string_agg(id::text, ', ' ORDER BY id) FROM achievements GROUP BY owner_org_id, title, year HAVING count(*) > 1
    UNION ALL
    SELECT 'transfers', 'achievement_id, receiver_org_id, transferred_on', string_agg(id::text, ', ' ORDER BY id) FROM transfers GROUP BY achievement_id, receiver_org_id, transferred_on HAVING count(*) > 1
    UNION ALL
    SELECT 'incubations', 'enterprise_org_id', string_agg(id::text, ', ' ORDER BY id) FROM incubations GROUP BY enterprise_org_id HAVING count(*) > 1
    LIMIT 1
  LOOP
    RAISE EXCEPTION 'Records % of table % share one natural key (%); merge or rename them, then migrate again', dup.ids, dup.t, dup.k;
  END LOOP;
END $$;

ALTER TABLE projects ADD CONSTRAINT projects_lead_org_id_title_key UNIQUE (lead_org_id, title);
ALTER TABLE achievements ADD CONSTRAINT achievements_owner_org_id_title_year_key UNIQUE (owner_org_id, title, year);
ALTER TABLE transfers ADD CONSTRAINT transfers_achievement_id_receiver_org_id_transferred_on_key UNIQUE (achievement_id, receiver_org_id, transferred_on);
ALTER TABLE incubations ADD CONSTRAINT incubations_enterprise_org_id_key UNIQUE (enterprise_org_id);
