-- Analytics rollups kept current inside the writing transaction (server/modules/analytics/RULES.md).
-- Every counter is a function of the rows it summarises; the triggers apply the difference a write
-- makes, and analytics_rebuild_rollups() recomputes the same functions from scratch (the tests
-- check that both agree). Beijing days and months use a fixed UTC+8 (China keeps no daylight saving),
-- so the answer does not depend on the session's time zone.

CREATE OR REPLACE FUNCTION analytics_bj_day(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((ts AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_month(d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT make_date(extract(year FROM d)::int, extract(month FROM d)::int, 1)
$$;
--> statement-breakpoint

-- Cases received, by day and month ------------------------------------------------------------
-- Statement-level, from the transition table: one upsert per key in key order, so concurrent writers
-- take the rollup rows' locks in the same order, and a bulk insert is one set-based pass.
CREATE OR REPLACE FUNCTION analytics_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_daily_stats AS s (day, category_id, district_id, domain, urgency, channel, kind, received)
  SELECT received_day, category_id, district_id, domain, urgency, channel, kind, count(*)
  FROM n GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (day, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET received = s.received + EXCLUDED.received;
  INSERT INTO case_monthly_stats AS s (month, category_id, district_id, domain, urgency, channel, kind, received)
  SELECT analytics_month(received_day), category_id, district_id, domain, urgency, channel, kind, count(*)
  FROM n GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (month, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET received = s.received + EXCLUDED.received;
  INSERT INTO case_monthly_category_district AS s (month, category_id, district_id, received)
  SELECT analytics_month(received_day), category_id, district_id, count(*)
  FROM n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (month, category_id, district_id) DO UPDATE SET received = s.received + EXCLUDED.received;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_cases_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_cases_inserted();
--> statement-breakpoint
-- Reclassification (rare): move the case's counts, and its dispatches' counts, from the old key to the new.
CREATE OR REPLACE FUNCTION analytics_case_bump(
  p_day date, p_category uuid, p_district uuid, p_domain text, p_urgency text, p_channel text, p_kind text, p_delta int
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m date := analytics_month(p_day);
BEGIN
  INSERT INTO case_daily_stats AS s (day, category_id, district_id, domain, urgency, channel, kind, received)
  VALUES (p_day, p_category, p_district, p_domain, p_urgency, p_channel, p_kind, p_delta)
  ON CONFLICT (day, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET received = s.received + EXCLUDED.received;
  INSERT INTO case_monthly_stats AS s (month, category_id, district_id, domain, urgency, channel, kind, received)
  VALUES (m, p_category, p_district, p_domain, p_urgency, p_channel, p_kind, p_delta)
  ON CONFLICT (month, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET received = s.received + EXCLUDED.received;
  INSERT INTO case_monthly_category_district AS s (month, category_id, district_id, received)
  VALUES (m, p_category, p_district, p_delta)
  ON CONFLICT (month, category_id, district_id) DO UPDATE SET received = s.received + EXCLUDED.received;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_dispatch_bump(
  p_day date, p_department uuid, p_role text, p_category uuid, p_district uuid, p_domain text, p_urgency text, p_channel text, p_kind text, p_delta int
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dispatch_daily_stats AS s (day, department_id, role, category_id, district_id, domain, urgency, channel, kind, dispatched)
  VALUES (p_day, p_department, p_role, p_category, p_district, p_domain, p_urgency, p_channel, p_kind, p_delta)
  ON CONFLICT (day, department_id, role, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET dispatched = s.dispatched + EXCLUDED.dispatched;
  INSERT INTO dispatch_monthly_stats AS s (month, department_id, role, category_id, district_id, domain, urgency, channel, kind, dispatched)
  VALUES (analytics_month(p_day), p_department, p_role, p_category, p_district, p_domain, p_urgency, p_channel, p_kind, p_delta)
  ON CONFLICT (month, department_id, role, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET dispatched = s.dispatched + EXCLUDED.dispatched;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_case_reclassified() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d record;
BEGIN
  PERFORM analytics_case_bump(OLD.received_day, OLD.category_id, OLD.district_id, OLD.domain, OLD.urgency, OLD.channel, OLD.kind, -1);
  PERFORM analytics_case_bump(NEW.received_day, NEW.category_id, NEW.district_id, NEW.domain, NEW.urgency, NEW.channel, NEW.kind, 1);
  FOR d IN SELECT department_id, role, created_at FROM dispatches WHERE case_id = NEW.id ORDER BY department_id, role, created_at LOOP
    PERFORM analytics_dispatch_bump(analytics_bj_day(d.created_at), d.department_id, d.role, OLD.category_id, OLD.district_id, OLD.domain, OLD.urgency, OLD.channel, OLD.kind, -1);
    PERFORM analytics_dispatch_bump(analytics_bj_day(d.created_at), d.department_id, d.role, NEW.category_id, NEW.district_id, NEW.domain, NEW.urgency, NEW.channel, NEW.kind, 1);
  END LOOP;
  IF OLD.kind IS DISTINCT FROM NEW.kind THEN
    UPDATE analytics_lead_replies SET protection = (NEW.kind = 'REPORT') WHERE case_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_cases_reclassify AFTER UPDATE OF received_day, category_id, district_id, domain, urgency, channel, kind ON cases
  FOR EACH ROW
  WHEN (OLD.received_day IS DISTINCT FROM NEW.received_day OR OLD.category_id IS DISTINCT FROM NEW.category_id
    OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.domain IS DISTINCT FROM NEW.domain
    OR OLD.urgency IS DISTINCT FROM NEW.urgency OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION analytics_case_reclassified();
--> statement-breakpoint

-- Department performance ------------------------------------------------------------------------
-- What one dispatch contributes to `department_monthly_stats`, times p_sign: the acceptance phase in
-- the month the dispatch was made, the reply in the month of the reply. The triggers and the rebuild
-- both count with this one function.
CREATE OR REPLACE FUNCTION analytics_dispatch_parts(
  p_sign int, p_created_at timestamptz, p_department uuid, p_role text, p_status text, p_accepted_at timestamptz,
  p_returned_at timestamptz, p_withdrawn_at timestamptz, p_replied_at timestamptz, p_accept_by timestamptz, p_reply_by timestamptz
) RETURNS TABLE (
  month date, department_id uuid, dispatched int, lead_dispatched int, response_due int, response_on_time int, accepted int,
  accept_seconds float8, replied int, replied_on_time int, reply_seconds float8, lead_replied int, judged int, resolved int,
  satisfaction_answers int, satisfied int, excluded_guardian int, rereported int
) LANGUAGE sql IMMUTABLE AS $$
  SELECT analytics_month(analytics_bj_day(p_created_at)), p_department, p_sign, p_sign * (p_role = 'LEAD')::int,
    -- due: accepted (at any time), returned, or withdrawn while still pending after accept-by
    p_sign * coalesce(p_accepted_at IS NOT NULL OR p_status = 'RETURNED' OR (p_status = 'WITHDRAWN' AND p_withdrawn_at > p_accept_by), false)::int,
    -- on time: accepted, or returned, by accept-by
    p_sign * coalesce((p_accepted_at IS NOT NULL AND p_accepted_at <= p_accept_by)
      OR (p_accepted_at IS NULL AND p_status = 'RETURNED' AND p_returned_at <= p_accept_by), false)::int,
    p_sign * (p_accepted_at IS NOT NULL)::int,
    p_sign * coalesce(extract(epoch FROM p_accepted_at - p_created_at)::float8, 0),
    0, 0, 0::float8, 0, 0, 0, 0, 0, 0, 0
  UNION ALL
  SELECT analytics_month(analytics_bj_day(p_replied_at)), p_department, 0, 0, 0, 0, 0, 0::float8,
    p_sign, p_sign * (p_replied_at <= p_reply_by)::int,
    p_sign * extract(epoch FROM p_replied_at - coalesce(p_accepted_at, p_created_at))::float8,
    p_sign * (p_role = 'LEAD')::int, 0, 0, 0, 0, 0, 0
  WHERE p_status = 'REPLIED' AND p_replied_at IS NOT NULL
$$;
--> statement-breakpoint
-- What one lead reply's judgement contributes, times p_sign (RULES.md K2, K3).
CREATE OR REPLACE FUNCTION analytics_reply_parts(
  p_sign int, p_month date, p_department uuid, p_protection boolean, p_respondent text, p_resolved boolean, p_satisfaction text, p_rereported boolean
) RETURNS TABLE (
  month date, department_id uuid, dispatched int, lead_dispatched int, response_due int, response_on_time int, accepted int,
  accept_seconds float8, replied int, replied_on_time int, reply_seconds float8, lead_replied int, judged int, resolved int,
  satisfaction_answers int, satisfied int, excluded_guardian int, rereported int
) LANGUAGE sql IMMUTABLE AS $$
  SELECT p_month, p_department, 0, 0, 0, 0, 0, 0::float8, 0, 0, 0::float8, 0,
    p_sign * (counted OR p_rereported)::int,
    p_sign * (counted AND coalesce(p_resolved, false) AND NOT p_rereported)::int,
    p_sign * (counted AND p_satisfaction IS NOT NULL)::int,
    p_sign * (counted AND coalesce(p_satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED'), false))::int,
    p_sign * excluded::int,
    p_sign * p_rereported::int
  FROM (
    SELECT p_respondent IS NOT NULL AND NOT excluded AS counted, excluded
    FROM (SELECT coalesce(p_respondent = 'GUARDIAN' AND p_protection
      AND (NOT coalesce(p_resolved, false) OR p_satisfaction = 'DISSATISFIED'), false) AS excluded) e
  ) j
  WHERE p_respondent IS NOT NULL OR p_rereported
$$;
--> statement-breakpoint
-- The statement that adds a set of parts (a query returning analytics_*_parts rows) to
-- department_monthly_stats: summed per key, in key order, rows that add nothing left out. Run with
-- EXECUTE inside a trigger function, where its transition tables are visible.
CREATE OR REPLACE FUNCTION analytics_department_upsert(parts text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO department_monthly_stats AS s (
      month, department_id, dispatched, lead_dispatched, response_due, response_on_time, accepted, accept_seconds, replied,
      replied_on_time, reply_seconds, lead_replied, judged, resolved, satisfaction_answers, satisfied, excluded_guardian, rereported)
    SELECT month, department_id, sum(dispatched), sum(lead_dispatched), sum(response_due), sum(response_on_time), sum(accepted),
      sum(accept_seconds), sum(replied), sum(replied_on_time), sum(reply_seconds), sum(lead_replied), sum(judged), sum(resolved),
      sum(satisfaction_answers), sum(satisfied), sum(excluded_guardian), sum(rereported)
    FROM (%s) p
    GROUP BY 1, 2
    HAVING sum(dispatched) <> 0 OR sum(lead_dispatched) <> 0 OR sum(response_due) <> 0 OR sum(response_on_time) <> 0
      OR sum(accepted) <> 0 OR sum(accept_seconds) <> 0 OR sum(replied) <> 0 OR sum(replied_on_time) <> 0
      OR sum(reply_seconds) <> 0 OR sum(lead_replied) <> 0 OR sum(judged) <> 0 OR sum(resolved) <> 0
      OR sum(satisfaction_answers) <> 0 OR sum(satisfied) <> 0 OR sum(excluded_guardian) <> 0 OR sum(rereported) <> 0
    ORDER BY 1, 2
    ON CONFLICT (month, department_id) DO UPDATE SET
      dispatched = s.dispatched + EXCLUDED.dispatched,
      lead_dispatched = s.lead_dispatched + EXCLUDED.lead_dispatched,
      response_due = s.response_due + EXCLUDED.response_due,
      response_on_time = s.response_on_time + EXCLUDED.response_on_time,
      accepted = s.accepted + EXCLUDED.accepted,
      accept_seconds = s.accept_seconds + EXCLUDED.accept_seconds,
      replied = s.replied + EXCLUDED.replied,
      replied_on_time = s.replied_on_time + EXCLUDED.replied_on_time,
      reply_seconds = s.reply_seconds + EXCLUDED.reply_seconds,
      lead_replied = s.lead_replied + EXCLUDED.lead_replied,
      judged = s.judged + EXCLUDED.judged,
      resolved = s.resolved + EXCLUDED.resolved,
      satisfaction_answers = s.satisfaction_answers + EXCLUDED.satisfaction_answers,
      satisfied = s.satisfied + EXCLUDED.satisfied,
      excluded_guardian = s.excluded_guardian + EXCLUDED.excluded_guardian,
      rereported = s.rereported + EXCLUDED.rereported
  $q$, parts)
$f$;
--> statement-breakpoint
-- The later case (not invalid) naming the same child within 90 days after a reply, if any.
CREATE OR REPLACE FUNCTION analytics_rereport_of(p_case uuid, p_replied_at timestamptz) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT c2.id
  FROM case_subjects a
  JOIN subjects s ON s.id = a.subject_id AND s.kind = 'MINOR'
  JOIN case_subjects b ON b.subject_id = a.subject_id AND b.case_id <> p_case
  JOIN cases c2 ON c2.id = b.case_id
  WHERE a.case_id = p_case AND c2.status <> 'INVALID'
    AND c2.received_at > p_replied_at AND c2.received_at <= p_replied_at + interval '90 days'
  ORDER BY c2.received_at, c2.id
  LIMIT 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_dispatches_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dispatch_daily_stats AS s (day, department_id, role, category_id, district_id, domain, urgency, channel, kind, dispatched)
  SELECT analytics_bj_day(d.created_at), d.department_id, d.role, c.category_id, c.district_id, c.domain, c.urgency, c.channel, c.kind, count(*)
  FROM n d JOIN cases c ON c.id = d.case_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (day, department_id, role, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET dispatched = s.dispatched + EXCLUDED.dispatched;
  INSERT INTO dispatch_monthly_stats AS s (month, department_id, role, category_id, district_id, domain, urgency, channel, kind, dispatched)
  SELECT analytics_month(analytics_bj_day(d.created_at)), d.department_id, d.role, c.category_id, c.district_id, c.domain, c.urgency, c.channel, c.kind, count(*)
  FROM n d JOIN cases c ON c.id = d.case_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (month, department_id, role, category_id, district_id, domain, urgency, channel, kind) DO UPDATE SET dispatched = s.dispatched + EXCLUDED.dispatched;
  EXECUTE analytics_department_upsert($p$
    SELECT p.* FROM n d CROSS JOIN LATERAL analytics_dispatch_parts(1, d.created_at, d.department_id, d.role, d.status,
      d.accepted_at, d.returned_at, d.withdrawn_at, d.replied_at, d.accept_by, d.reply_by) p $p$);
  -- A lead reply (inserted already replied only by bulk loads).
  INSERT INTO analytics_lead_replies (dispatch_id, case_id, department_id, month, replied_at, protection, rereported_by)
  SELECT d.id, d.case_id, d.department_id, analytics_month(analytics_bj_day(d.replied_at)), d.replied_at, c.kind = 'REPORT',
         analytics_rereport_of(d.case_id, d.replied_at)
  FROM n d JOIN cases c ON c.id = d.case_id
  WHERE d.role = 'LEAD' AND d.status = 'REPLIED' AND d.replied_at IS NOT NULL
  ORDER BY d.id
  ON CONFLICT (dispatch_id) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_dispatches_insert AFTER INSERT ON dispatches REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_dispatches_inserted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_dispatches_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE analytics_department_upsert($p$
    SELECT p.* FROM n d CROSS JOIN LATERAL analytics_dispatch_parts(1, d.created_at, d.department_id, d.role, d.status,
      d.accepted_at, d.returned_at, d.withdrawn_at, d.replied_at, d.accept_by, d.reply_by) p
    UNION ALL
    SELECT p.* FROM o d CROSS JOIN LATERAL analytics_dispatch_parts(-1, d.created_at, d.department_id, d.role, d.status,
      d.accepted_at, d.returned_at, d.withdrawn_at, d.replied_at, d.accept_by, d.reply_by) p $p$);
  -- The lead replied: its reply waits for a follow-up (or a re-report) to judge it.
  INSERT INTO analytics_lead_replies (dispatch_id, case_id, department_id, month, replied_at, protection, rereported_by)
  SELECT d.id, d.case_id, d.department_id, analytics_month(analytics_bj_day(d.replied_at)), d.replied_at, c.kind = 'REPORT',
         analytics_rereport_of(d.case_id, d.replied_at)
  FROM n d JOIN o ON o.id = d.id JOIN cases c ON c.id = d.case_id
  WHERE d.role = 'LEAD' AND d.status = 'REPLIED' AND d.replied_at IS NOT NULL AND o.status IS DISTINCT FROM 'REPLIED'
  ORDER BY d.id
  ON CONFLICT (dispatch_id) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_dispatches_update AFTER UPDATE ON dispatches REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_dispatches_updated();
--> statement-breakpoint

-- Lead replies: follow-ups and re-reports judge them ----------------------------------------------
CREATE OR REPLACE FUNCTION analytics_replies_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE analytics_department_upsert($p$
    SELECT p.* FROM n r CROSS JOIN LATERAL analytics_reply_parts(1, r.month, r.department_id, r.protection, r.follow_up_respondent,
      r.follow_up_resolved, r.follow_up_satisfaction, r.rereported_by IS NOT NULL) p $p$);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_replies_insert AFTER INSERT ON analytics_lead_replies REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_replies_inserted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_replies_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE analytics_department_upsert($p$
    SELECT p.* FROM n r CROSS JOIN LATERAL analytics_reply_parts(1, r.month, r.department_id, r.protection, r.follow_up_respondent,
      r.follow_up_resolved, r.follow_up_satisfaction, r.rereported_by IS NOT NULL) p
    UNION ALL
    SELECT p.* FROM o r CROSS JOIN LATERAL analytics_reply_parts(-1, r.month, r.department_id, r.protection, r.follow_up_respondent,
      r.follow_up_resolved, r.follow_up_satisfaction, r.rereported_by IS NOT NULL) p $p$);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_replies_update AFTER UPDATE ON analytics_lead_replies REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_replies_updated();
--> statement-breakpoint
-- A follow-up judges the latest lead reply before it that no follow-up has judged yet.
CREATE OR REPLACE FUNCTION analytics_follow_up_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_lead_replies
  SET follow_up_respondent = NEW.respondent, follow_up_resolved = NEW.resolved, follow_up_satisfaction = NEW.satisfaction
  WHERE dispatch_id = (
    SELECT dispatch_id FROM analytics_lead_replies
    WHERE case_id = NEW.case_id AND follow_up_respondent IS NULL AND replied_at <= NEW.created_at
    ORDER BY replied_at DESC LIMIT 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_follow_ups_insert AFTER INSERT ON follow_ups FOR EACH ROW EXECUTE FUNCTION analytics_follow_up_recorded();
--> statement-breakpoint
-- A child named again: earlier replies about the child within 90 days count as re-reported.
CREATE OR REPLACE FUNCTION analytics_subject_linked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  IF (SELECT kind FROM subjects WHERE id = NEW.subject_id) IS DISTINCT FROM 'MINOR' THEN
    RETURN NULL;
  END IF;
  SELECT id, received_at, status INTO c FROM cases WHERE id = NEW.case_id;
  IF c.status <> 'INVALID' THEN
    UPDATE analytics_lead_replies r SET rereported_by = c.id
    WHERE r.rereported_by IS NULL AND r.case_id <> c.id
      AND r.case_id IN (SELECT case_id FROM case_subjects WHERE subject_id = NEW.subject_id AND case_id <> c.id)
      AND r.replied_at < c.received_at AND c.received_at <= r.replied_at + interval '90 days';
  END IF;
  -- …and this case's own replies, should a later report already name the child.
  UPDATE analytics_lead_replies r SET rereported_by = analytics_rereport_of(r.case_id, r.replied_at)
  WHERE r.case_id = NEW.case_id AND r.rereported_by IS NULL AND analytics_rereport_of(r.case_id, r.replied_at) IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_case_subjects_insert AFTER INSERT ON case_subjects FOR EACH ROW EXECUTE FUNCTION analytics_subject_linked();
--> statement-breakpoint
-- An invalid (malicious or empty) report is no re-report: look for another one, or clear it.
CREATE OR REPLACE FUNCTION analytics_case_invalidated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analytics_lead_replies r SET rereported_by = analytics_rereport_of(r.case_id, r.replied_at)
  WHERE r.rereported_by = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_cases_invalidated AFTER UPDATE OF status ON cases
  FOR EACH ROW WHEN (NEW.status = 'INVALID' AND OLD.status IS DISTINCT FROM 'INVALID')
  EXECUTE FUNCTION analytics_case_invalidated();
--> statement-breakpoint

-- Open and overdue work is counted live: these keep the live counts to the (few) open rows.
CREATE INDEX IF NOT EXISTS analytics_dispatches_open_idx ON dispatches (created_at) WHERE status IN ('PENDING', 'ACCEPTED');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS analytics_dispatches_pending_idx ON dispatches (accept_by) INCLUDE (department_id, reply_by, created_at, case_id)
  WHERE status = 'PENDING';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS analytics_dispatches_accepted_idx ON dispatches (reply_by) INCLUDE (department_id, case_id)
  WHERE status = 'ACCEPTED';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS analytics_cases_open_idx ON cases (received_day)
  WHERE status IN ('RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED');
--> statement-breakpoint

-- Recompute every rollup from the base tables (backfill, repair, bulk loads with triggers off), with
-- the same functions the triggers count with.
CREATE OR REPLACE FUNCTION analytics_rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Writers wait while the rollups are rebuilt, so no write is counted twice or lost.
  LOCK TABLE cases, dispatches, follow_ups, case_subjects IN SHARE MODE;
  TRUNCATE case_daily_stats, case_monthly_stats, case_monthly_category_district, dispatch_daily_stats,
    dispatch_monthly_stats, department_monthly_stats, analytics_lead_replies;

  INSERT INTO case_daily_stats (day, category_id, district_id, domain, urgency, channel, kind, received)
  SELECT received_day, category_id, district_id, domain, urgency, channel, kind, count(*)
  FROM cases GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO case_monthly_stats (month, category_id, district_id, domain, urgency, channel, kind, received)
  SELECT analytics_month(day), category_id, district_id, domain, urgency, channel, kind, sum(received)
  FROM case_daily_stats GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO case_monthly_category_district (month, category_id, district_id, received)
  SELECT month, category_id, district_id, sum(received) FROM case_monthly_stats GROUP BY 1, 2, 3;

  INSERT INTO dispatch_daily_stats (day, department_id, role, category_id, district_id, domain, urgency, channel, kind, dispatched)
  SELECT analytics_bj_day(d.created_at), d.department_id, d.role, c.category_id, c.district_id, c.domain, c.urgency, c.channel, c.kind, count(*)
  FROM dispatches d JOIN cases c ON c.id = d.case_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO dispatch_monthly_stats (month, department_id, role, category_id, district_id, domain, urgency, channel, kind, dispatched)
  SELECT analytics_month(day), department_id, role, category_id, district_id, domain, urgency, channel, kind, sum(dispatched)
  FROM dispatch_daily_stats GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

  EXECUTE analytics_department_upsert($p$
    SELECT p.* FROM dispatches d CROSS JOIN LATERAL analytics_dispatch_parts(1, d.created_at, d.department_id, d.role, d.status,
      d.accepted_at, d.returned_at, d.withdrawn_at, d.replied_at, d.accept_by, d.reply_by) p $p$);

  -- Lead replies with the follow-up that judged each (the first one before the case's next lead reply)
  -- and the first later report of the same child within 90 days; set-based, as the triggers decide it
  -- one write at a time. Their insert trigger adds the judged / resolved / satisfied counters in one pass.
  INSERT INTO analytics_lead_replies (dispatch_id, case_id, department_id, month, replied_at, protection,
    follow_up_respondent, follow_up_resolved, follow_up_satisfaction, rereported_by)
  WITH r AS (
    SELECT d.id, d.case_id, d.department_id, d.replied_at,
      lead(d.replied_at) OVER (PARTITION BY d.case_id ORDER BY d.replied_at, d.id) AS next_at
    FROM dispatches d
    WHERE d.role = 'LEAD' AND d.status = 'REPLIED' AND d.replied_at IS NOT NULL
  ), fu AS (
    SELECT DISTINCT ON (r.id) r.id, f.respondent, f.resolved, f.satisfaction
    FROM r JOIN follow_ups f ON f.case_id = r.case_id AND f.created_at >= r.replied_at AND (r.next_at IS NULL OR f.created_at < r.next_at)
    ORDER BY r.id, f.created_at, f.id
  ), rr AS (
    SELECT DISTINCT ON (r.id) r.id, c2.id AS by
    FROM r
    JOIN case_subjects a ON a.case_id = r.case_id
    JOIN subjects s ON s.id = a.subject_id AND s.kind = 'MINOR'
    JOIN case_subjects b ON b.subject_id = a.subject_id AND b.case_id <> r.case_id
    JOIN cases c2 ON c2.id = b.case_id AND c2.status <> 'INVALID'
      AND c2.received_at > r.replied_at AND c2.received_at <= r.replied_at + interval '90 days'
    ORDER BY r.id, c2.received_at, c2.id
  )
  SELECT r.id, r.case_id, r.department_id, analytics_month(analytics_bj_day(r.replied_at)), r.replied_at, c.kind = 'REPORT',
    fu.respondent, fu.resolved, fu.satisfaction, rr.by
  FROM r
  JOIN cases c ON c.id = r.case_id
  LEFT JOIN fu ON fu.id = r.id
  LEFT JOIN rr ON rr.id = r.id;
END;
$$;
--> statement-breakpoint
-- Backfill what is already there.
SELECT analytics_rebuild_rollups();
