-- What hotspots reads (schema/hotspot-rollups.ts), kept in the writing transaction by statement-level
-- triggers and rebuilt by analytics_rebuild_rollups(). Both go through the two views below, so a row
-- is always exactly what the view says for its case: the tests compare the tables with the views.

-- A case naming a street (not invalid), with the key streets cluster on: spaces and case ignored.
CREATE OR REPLACE VIEW hotspot_street_source AS
  SELECT c.id AS case_id, c.received_at, c.category_id, c.district_id,
    regexp_replace(lower(c.street), '\s', '', 'g') AS street_key, btrim(c.street) AS street, c.merge_group_id
  FROM cases c
  WHERE c.status <> 'INVALID' AND c.street IS NOT NULL AND btrim(c.street) <> '';
--> statement-breakpoint
-- A case (not invalid) and each school, child, household, adult or address it names (once, whatever the roles).
CREATE OR REPLACE VIEW hotspot_subject_source AS
  SELECT DISTINCT cs.case_id, cs.subject_id, s.kind AS subject_kind, s.district_id AS subject_district_id,
    c.district_id AS case_district_id, c.received_at, c.category_id, c.merge_group_id
  FROM case_subjects cs
  JOIN cases c ON c.id = cs.case_id
  JOIN subjects s ON s.id = cs.subject_id
  WHERE c.status <> 'INVALID' AND s.kind IN ('SCHOOL', 'MINOR', 'HOUSEHOLD', 'ADULT', 'ADDRESS');
--> statement-breakpoint
-- Re-derive the rows of some cases (ids in order, so concurrent writers lock in the same order).
CREATE OR REPLACE FUNCTION hotspot_refresh(p_cases uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(p_cases) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM hotspot_street_cases WHERE case_id = ANY (p_cases);
  DELETE FROM hotspot_subject_cases WHERE case_id = ANY (p_cases);
  INSERT INTO hotspot_street_cases (case_id, received_at, category_id, district_id, street_key, street, merge_group_id)
  SELECT case_id, received_at, category_id, district_id, street_key, street, merge_group_id
  FROM hotspot_street_source WHERE case_id = ANY (p_cases) ORDER BY case_id;
  INSERT INTO hotspot_subject_cases (case_id, subject_id, subject_kind, subject_district_id, case_district_id, received_at, category_id, merge_group_id)
  SELECT case_id, subject_id, subject_kind, subject_district_id, case_district_id, received_at, category_id, merge_group_id
  FROM hotspot_subject_source WHERE case_id = ANY (p_cases) ORDER BY case_id, subject_id;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hotspot_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hotspot_refresh(ARRAY(SELECT id FROM n ORDER BY id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER hotspot_cases_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION hotspot_cases_inserted();
--> statement-breakpoint
-- Only a change to what a cluster reads moves a case: invalidation, reclassification, a new street or
-- district, a merge (its merge group).
CREATE OR REPLACE FUNCTION hotspot_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hotspot_refresh(ARRAY(
    SELECT n.id FROM n JOIN o ON o.id = n.id
    WHERE (n.status = 'INVALID') IS DISTINCT FROM (o.status = 'INVALID') OR n.category_id IS DISTINCT FROM o.category_id
      OR n.district_id IS DISTINCT FROM o.district_id OR n.street IS DISTINCT FROM o.street
      OR n.merge_group_id IS DISTINCT FROM o.merge_group_id OR n.received_at IS DISTINCT FROM o.received_at
    ORDER BY n.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER hotspot_cases_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION hotspot_cases_updated();
--> statement-breakpoint
-- Cases are never hard-deleted and links never removed by the services; should either happen, the
-- rows follow.
CREATE OR REPLACE FUNCTION hotspot_cases_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hotspot_refresh(ARRAY(SELECT id FROM o ORDER BY id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hotspot_links_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hotspot_refresh(ARRAY(SELECT DISTINCT case_id FROM o ORDER BY case_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER hotspot_cases_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION hotspot_cases_deleted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hotspot_links_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hotspot_subject_cases (case_id, subject_id, subject_kind, subject_district_id, case_district_id, received_at, category_id, merge_group_id)
  SELECT v.case_id, v.subject_id, v.subject_kind, v.subject_district_id, v.case_district_id, v.received_at, v.category_id, v.merge_group_id
  FROM hotspot_subject_source v
  WHERE (v.case_id, v.subject_id) IN (SELECT case_id, subject_id FROM n)
  ORDER BY v.case_id, v.subject_id
  ON CONFLICT (case_id, subject_id) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER hotspot_case_subjects_insert AFTER INSERT ON case_subjects REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION hotspot_links_inserted();
--> statement-breakpoint
CREATE TRIGGER hotspot_case_subjects_delete AFTER DELETE ON case_subjects REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION hotspot_links_deleted();
--> statement-breakpoint
-- Rebuild: the counting rollups as before (kept under a new name), then the hotspot rows, in order of
-- receipt so a period's rows sit together on disk.
ALTER FUNCTION analytics_rebuild_rollups() RENAME TO analytics_rebuild_counts;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rebuild_counts(); -- locks cases and case_subjects against writers until commit
  TRUNCATE hotspot_street_cases, hotspot_subject_cases;
  INSERT INTO hotspot_street_cases (case_id, received_at, category_id, district_id, street_key, street, merge_group_id)
  SELECT case_id, received_at, category_id, district_id, street_key, street, merge_group_id
  FROM hotspot_street_source ORDER BY received_at, case_id;
  INSERT INTO hotspot_subject_cases (case_id, subject_id, subject_kind, subject_district_id, case_district_id, received_at, category_id, merge_group_id)
  SELECT case_id, subject_id, subject_kind, subject_district_id, case_district_id, received_at, category_id, merge_group_id
  FROM hotspot_subject_source ORDER BY received_at, case_id, subject_id;
END;
$$;
--> statement-breakpoint
-- Backfill what is already there.
SELECT analytics_rebuild_rollups();
