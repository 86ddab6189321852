-- What the app's logins may do on a server, applied by "rmmctl server init" after the
-- migrations, every time (so a new table's privileges follow): not part of the schema
-- (SQLite has no logins), and re-runnable.
--
-- rmm_app is the group role every login RMM Desk connects as belongs to (the database's owner
-- sets up, migrates and moves data; it is not used day to day). It may read everything and add
-- rows, but change only what the app changes, and never rewrite history: no UPDATE or DELETE
-- on the audit trail, plan versions, closure records, referrals, assessments, notes or
-- attendance; confirmed decisions and confirmed trigger responses are out of reach of UPDATE
-- by row-level policies, and nothing of the record can be deleted. These hold even with the triggers gone: dropping or disabling a trigger
-- is the owner's alone.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rmm_app') THEN
    CREATE ROLE rmm_app NOLOGIN;
  END IF;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, rmm_app;
GRANT USAGE ON SCHEMA public TO rmm_app;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO rmm_app;
REVOKE INSERT ON schema_version FROM rmm_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rmm_app;

-- The rows the app changes in place: what a meeting records until it is signed off, a
-- child's details, plans and their actions, decisions until confirmed, settings, the
-- agenda's cache.
GRANT UPDATE ON agenda_item, child, decision, meeting, meeting_series, plan_action,
  safety_plan, transition, trigger_response, agenda_cache, database_info TO rmm_app;
-- The only rows the app deletes: the agenda's cached facts, rebuilt from the record.
GRANT DELETE ON agenda_fact TO rmm_app;

-- A confirmed decision or trigger response is history: not even visible to UPDATE or DELETE.
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS rmm_read ON decision;
DROP POLICY IF EXISTS rmm_add ON decision;
DROP POLICY IF EXISTS rmm_change_unconfirmed ON decision;
CREATE POLICY rmm_read ON decision FOR SELECT TO rmm_app USING (true);
CREATE POLICY rmm_add ON decision FOR INSERT TO rmm_app WITH CHECK (true);
CREATE POLICY rmm_change_unconfirmed ON decision FOR UPDATE TO rmm_app
  USING (status <> 'confirmed') WITH CHECK (true);

ALTER TABLE trigger_response ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS rmm_read ON trigger_response;
DROP POLICY IF EXISTS rmm_add ON trigger_response;
DROP POLICY IF EXISTS rmm_change_unconfirmed ON trigger_response;
CREATE POLICY rmm_read ON trigger_response FOR SELECT TO rmm_app USING (true);
CREATE POLICY rmm_add ON trigger_response FOR INSERT TO rmm_app WITH CHECK (true);
CREATE POLICY rmm_change_unconfirmed ON trigger_response FOR UPDATE TO rmm_app
  USING (chair1_confirmed_at IS NULL OR chair2_confirmed_at IS NULL) WITH CHECK (true);
