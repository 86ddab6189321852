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

-- The roles a login is granted, each for some areas ("rmmctl server grant", which records
-- the areas in area_member): what each may see and change is set out in the README's table.
-- Each but oversight works through the app, so has the app's rights; oversight, the board's,
-- is given figures with no child in them, never the record.
DO $$
DECLARE
  role TEXT;
BEGIN
  FOREACH role IN ARRAY ARRAY['rmm_admin', 'rmm_chair', 'rmm_minute_taker', 'rmm_police',
                              'rmm_oversight'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role) THEN
      EXECUTE format ('CREATE ROLE %I NOLOGIN', role);
    END IF;
    -- Granted once, by one who may: an owner without CREATEROLE sets up later databases.
    IF role <> 'rmm_oversight' AND NOT pg_has_role (role, 'rmm_app', 'MEMBER') THEN
      EXECUTE format ('GRANT rmm_app TO %I', role);
    END IF;
  END LOOP;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, rmm_app, rmm_oversight;
GRANT USAGE ON SCHEMA public TO rmm_app;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO rmm_app;
REVOKE INSERT ON schema_version FROM rmm_app;
-- Who works on which area is the database owner's to grant and revoke, never a login's own;
-- and so are the areas themselves.
REVOKE INSERT ON area_member, area FROM rmm_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rmm_app;

-- The rows the app changes in place: what a meeting records until it is signed off, a
-- child's details, plans and their actions, decisions until confirmed, settings, the
-- agenda's cache.
GRANT UPDATE ON agenda_item, child, decision, meeting, meeting_series, plan_action,
  safety_plan, transition, trigger_response, agenda_cache, database_info, network_member,
  allowed_domain, list_recipient TO rmm_app;
-- Of a professional, only the address their copies are emailed to.
GRANT UPDATE (email) ON professional TO rmm_app;
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

-- Need to know: a login sees and changes the children of the areas it works on ("rmmctl
-- server grant … --area"), in any role but the board's oversight, and everything recorded
-- about them; police-sensitive information and disruption only as police or a chair of the
-- child's area. Each table's rows follow the row they belong to (a plan's actions its plan,
-- a plan its child), so one rule per table, and the row it follows is itself filtered: what
-- a login cannot see, it cannot see through another table either. The rules are RESTRICTIVE,
-- so they narrow what the permissive policies (what may change, above and below) allow; the
-- README's table sets them out role by role. The database's owner is not bound by them.
-- Written out in full rather than through functions: a policy's tables are fixed when it is
-- made, where a function's would be looked up on the login's search path at each call.
-- Written for speed, too (the agenda of a large meeting reads thousands of rows): the
-- login's areas are an array worked out once a statement (ARRAY (…) does not depend on the
-- row), and a row finds the row it follows by its key, one index lookup, where EXISTS would
-- be planned as a scan of every child the login may see.
DO $$
DECLARE
  member TEXT := 'SELECT m.area_id FROM area_member m WHERE m.login = session_user '
                 'AND m.revoked_at IS NULL AND m.role ';
  areas TEXT := format ('ARRAY (%s <> ''oversight'')', member);
  police_areas TEXT := format ('ARRAY (%s IN (''police'', ''chair''))', member);
  chair_areas TEXT := format ('ARRAY (%s = ''chair'')', member);
  works_here TEXT := format ('cardinality (%s) > 0', areas);
  police_here TEXT := format ('cardinality (ARRAY (%s = ''police'')) > 0', member);
  chair_here TEXT := format ('cardinality (%s) > 0', chair_areas);
  -- The row followed, as the login may see it: true, or NULL (no row) when it may not.
  child_seen TEXT := '(SELECT true FROM child c WHERE c.id = child_id)';
  meeting_seen TEXT := '(SELECT true FROM meeting g WHERE g.id = meeting_id)';
  -- The row a column names (table, column), as the login may see it; NULL names none.
  names TEXT := '(%2$I IS NULL OR (SELECT true FROM %1$I x WHERE x.id = %2$I))';
  police_child TEXT;
  rule RECORD;
  written TEXT;
  tab TEXT;
  looked TEXT;
BEGIN
  police_child := format ('(SELECT c.area_id FROM child c WHERE c.id = child_id) = ANY (%s)',
                          police_areas);
  FOR rule IN SELECT * FROM (VALUES
    ('child',                    format ('area_id = ANY (%s)', areas)),
    ('meeting',                  format ('area_id = ANY (%s)', areas)),
    ('meeting_series',           format ('area_id = ANY (%s)', areas)),
    ('referral',                 child_seen),
    ('assessment',               child_seen),
    ('missing_episode',          child_seen),
    ('agenda_item',              child_seen),
    ('decision',                 child_seen),
    ('safety_plan',              child_seen),
    ('strategy_trigger',         child_seen),
    ('transition',               child_seen),
    ('network_member',           child_seen),
    -- A copy of a child's plan follows the child; of a meeting's minutes, the meeting; of
    -- the county-wide list, every working login's.
    ('circulation',              format ('CASE WHEN child_id IS NOT NULL THEN %s '
                                         'WHEN meeting_id IS NOT NULL THEN %s ELSE %s END',
                                         child_seen, meeting_seen, works_here)),
    -- A concern an agency did not refer may name no child: then every working login's.
    ('concern_not_referred',     format ('CASE WHEN child_id IS NULL THEN %s ELSE %s END',
                                         works_here, child_seen)),
    ('information_note',         format ('%s AND (police_sensitive = 0 OR %s)',
                                         child_seen, police_child)),
    -- Disruption of a person of concern linked to no child: the police's alone.
    ('disruption_note',          format ('CASE WHEN child_id IS NULL THEN %s ELSE %s END',
                                         police_here, police_child)),
    ('assessment_vulnerability', '(SELECT true FROM assessment a WHERE a.id = assessment_id)'),
    ('assessment_indicator',     '(SELECT true FROM assessment a WHERE a.id = assessment_id)'),
    ('safety_plan_version',      '(SELECT true FROM safety_plan p WHERE p.id = plan_id)'),
    ('plan_action',              '(SELECT true FROM safety_plan p WHERE p.id = plan_id)'),
    ('trigger_response',         '(SELECT true FROM strategy_trigger t WHERE t.id = trigger_id)'),
    ('closure',                  '(SELECT true FROM decision d WHERE d.id = decision_id)'),
    ('attendance',               meeting_seen),
    ('agenda_cache',             meeting_seen),
    ('agenda_fact',              '(SELECT true FROM agenda_item i WHERE i.id = item_id)')
  ) AS rules (tab, visible) LOOP
    -- Every other row a row written names must be one the login sees too: no login puts
    -- its child on another area's agenda, or ties its plan to another area's meeting or
    -- decision. (Checked as rows are written; a row already there is its child's, which is
    -- one lookup fewer for every row the agenda reads.)
    written := rule.visible || CASE rule.tab
      WHEN 'agenda_item' THEN ' AND ' || format (names, 'meeting', 'meeting_id')
      WHEN 'decision' THEN ' AND ' || format (names, 'meeting', 'meeting_id')
      WHEN 'safety_plan' THEN ' AND ' || format (names, 'decision', 'closure_decision_id')
      WHEN 'safety_plan_version' THEN ' AND ' || format (names, 'meeting', 'meeting_id')
      WHEN 'plan_action' THEN ' AND ' || format (names, 'meeting', 'meeting_id') || ' AND ' ||
                              format (names, 'meeting', 'status_meeting_id')
      WHEN 'trigger_response' THEN ' AND ' || format (names, 'meeting', 'meeting_id')
      WHEN 'assessment' THEN ' AND ' || format (names, 'referral', 'referral_id')
      WHEN 'circulation' THEN ' AND ' || format (names, 'network_member', 'network_member_id')
                              || ' AND ' || format (names, 'safety_plan_version',
                                                    'plan_version_id')
      ELSE '' END;
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', rule.tab);
    EXECUTE format ('DROP POLICY IF EXISTS rmm_need_to_know ON %I', rule.tab);
    EXECUTE format ('CREATE POLICY rmm_need_to_know ON %I AS RESTRICTIVE FOR ALL TO rmm_app '
                    'USING (%s) WITH CHECK (%s)', rule.tab, rule.visible, written);
    -- What the login may change of what it sees is its table privileges, unless the table
    -- has rules of its own (decision, trigger_response, above).
    EXECUTE format ('DROP POLICY IF EXISTS rmm_rights ON %I', rule.tab);
    IF rule.tab NOT IN ('decision', 'trigger_response') THEN
      EXECUTE format ('CREATE POLICY rmm_rights ON %I FOR ALL TO rmm_app '
                      'USING (true) WITH CHECK (true)', rule.tab);
    END IF;
  END LOOP;

  -- The audit trail holds every row as it was and became: an event is seen only by those
  -- who see its row now (the row it follows decides, as above); the events of what every
  -- login reads (areas, agencies, professionals, memberships, settings), by all. Who looked
  -- at a child, a meeting's papers or the list is for the chairs. Every login still follows
  -- the whole chain through audit_chain (the owner's view), with no one's details.
  looked := format ('CASE entity '
    'WHEN ''area'' THEN true WHEN ''agency'' THEN true WHEN ''professional'' THEN true '
    'WHEN ''allowed_domain'' THEN true WHEN ''list_recipient'' THEN true '
    'WHEN ''area_member'' THEN true WHEN ''database_info'' THEN true '
    'WHEN ''child-access'' THEN (SELECT c.area_id FROM child c WHERE c.id = entity_id) '
    '                            = ANY (%1$s) '
    'WHEN ''meeting-access'' THEN (SELECT g.area_id FROM meeting g WHERE g.id = entity_id) '
    '                              = ANY (%1$s) '
    'WHEN ''list-access'' THEN %2$s '
    'WHEN ''assessment_vulnerability'' THEN '
    '  coalesce ((SELECT true FROM assessment x WHERE x.id = entity_id), false) ',
    chair_areas, chair_here);
  -- An event a login appends is about a row it sees, or its look at one (every role looks,
  -- only chairs read the looks): none about another area's child. Memberships are the
  -- owner's to record.
  written := 'CASE entity '
    'WHEN ''area'' THEN true WHEN ''agency'' THEN true WHEN ''professional'' THEN true '
    'WHEN ''allowed_domain'' THEN true WHEN ''list_recipient'' THEN true '
    'WHEN ''database_info'' THEN true WHEN ''list-access'' THEN true '
    'WHEN ''child-access'' THEN (SELECT true FROM child c WHERE c.id = entity_id) '
    'WHEN ''meeting-access'' THEN (SELECT true FROM meeting g WHERE g.id = entity_id) '
    'WHEN ''assessment_vulnerability'' THEN '
    '  (SELECT true FROM assessment x WHERE x.id = entity_id) ';
  FOREACH tab IN ARRAY ARRAY['child', 'meeting', 'meeting_series', 'referral',
      'assessment', 'missing_episode', 'agenda_item', 'decision', 'safety_plan',
      'strategy_trigger', 'transition', 'concern_not_referred', 'information_note',
      'disruption_note', 'assessment_indicator', 'safety_plan_version', 'plan_action',
      'trigger_response', 'closure', 'attendance', 'board_figures', 'network_member',
      'circulation'] LOOP
    looked := looked || format ('WHEN %L THEN coalesce ((SELECT true FROM %I x '
                                'WHERE x.id = entity_id), false) ',
                                tab, tab);
    written := written || format ('WHEN %L THEN (SELECT true FROM %I x WHERE x.id = entity_id) ',
                                  tab, tab);
  END LOOP;
  looked := looked || 'ELSE false END';
  written := written || 'ELSE false END';
  ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS rmm_need_to_know ON audit_event;
  DROP POLICY IF EXISTS rmm_read ON audit_event;
  DROP POLICY IF EXISTS rmm_add ON audit_event;
  EXECUTE format ('CREATE POLICY rmm_read ON audit_event FOR SELECT TO rmm_app USING (%s)',
                  looked);
  EXECUTE format ('CREATE POLICY rmm_add ON audit_event FOR INSERT TO rmm_app WITH CHECK (%s)',
                  written);
END
$$;

-- What each role may change, of the areas it works on (the README's table, "changes"):
-- chairs everything; administrators children, referrals, assessments, concerns, missing
-- episodes, information notes, meetings and their agendas (packs are read); minute-takers
-- a meeting's opening and attendance, the minutes and what became of the items and plan
-- actions; police information notes, police-sensitive or not, and disruption. Decisions,
-- plans, closures, transitions and trigger responses are the chairs' alone. Two kinds of row
-- are written as a side effect of what every role does: a strategy-discussion trigger the
-- rules raise when a note or assessment is recorded (raised by hand, by a chair: the app),
-- and the agenda's cached facts, forgotten when what they were worked out from changes.
-- A meeting's row is the chairs' to conclude and sign off: an administrator leaves it
-- planned, a minute-taker planned or open. Each rule is a RESTRICTIVE policy per command,
-- beside need to know: a row a login may not change, it may not even find to change.
DO $$
DECLARE
  child_area TEXT := '(SELECT c.area_id FROM child c WHERE c.id = child_id)';
  meeting_area TEXT := '(SELECT g.area_id FROM meeting g WHERE g.id = meeting_id)';
  rule RECORD;
  command TEXT;
  roles TEXT[];
  allowed TEXT;
  -- The row's area is one the login holds one of the roles in.
  holds TEXT := '%s = ANY (ARRAY (SELECT m.area_id FROM area_member m '
                'WHERE m.login = session_user AND m.revoked_at IS NULL '
                'AND m.role = ANY (%L::TEXT[])))';
  everyone TEXT[] := ARRAY['chair', 'admin', 'minute-taker', 'police'];
  keepers TEXT[] := ARRAY['chair', 'admin'];
  minute TEXT[] := ARRAY['chair', 'minute-taker'];
  chairs TEXT[] := ARRAY['chair'];
BEGIN
  FOR rule IN SELECT * FROM (VALUES
    ('child',                    'area_id', keepers, keepers, NULL::TEXT[]),
    ('referral',                 child_area, keepers, keepers, NULL),
    ('assessment',               child_area, keepers, keepers, NULL),
    ('assessment_vulnerability', '(SELECT c.area_id FROM assessment a JOIN child c '
                                 'ON c.id = a.child_id WHERE a.id = assessment_id)',
                                 keepers, keepers, NULL),
    ('assessment_indicator',     '(SELECT c.area_id FROM assessment a JOIN child c '
                                 'ON c.id = a.child_id WHERE a.id = assessment_id)',
                                 keepers, keepers, NULL),
    ('concern_not_referred',     child_area, keepers, keepers, NULL),
    ('missing_episode',          child_area, keepers, keepers, NULL),
    ('information_note',         child_area, ARRAY['chair', 'admin', 'police'], NULL, NULL),
    ('disruption_note',          child_area, ARRAY['chair', 'police'], NULL, NULL),
    ('meeting_series',           'area_id', keepers, keepers, NULL),
    ('meeting',                  'area_id', keepers, ARRAY['chair', 'admin', 'minute-taker'],
                                 NULL),
    ('agenda_item',              child_area, keepers,
                                 ARRAY['chair', 'admin', 'minute-taker'], NULL),
    ('attendance',               meeting_area, minute, minute, NULL),
    ('plan_action',              '(SELECT c.area_id FROM safety_plan p JOIN child c '
                                 'ON c.id = p.child_id WHERE p.id = plan_id)',
                                 minute, minute, NULL),
    ('decision',                 child_area, chairs, chairs, NULL),
    ('closure',                  '(SELECT c.area_id FROM decision d JOIN child c '
                                 'ON c.id = d.child_id WHERE d.id = decision_id)',
                                 chairs, chairs, NULL),
    ('safety_plan',              child_area, chairs, chairs, NULL),
    ('safety_plan_version',      '(SELECT c.area_id FROM safety_plan p JOIN child c '
                                 'ON c.id = p.child_id WHERE p.id = plan_id)',
                                 chairs, chairs, NULL),
    ('transition',               child_area, chairs, chairs, NULL),
    ('strategy_trigger',         child_area, everyone, chairs, NULL),
    ('trigger_response',         '(SELECT c.area_id FROM strategy_trigger t JOIN child c '
                                 'ON c.id = t.child_id WHERE t.id = trigger_id)',
                                 chairs, chairs, NULL),
    ('agenda_cache',             meeting_area, keepers, keepers, NULL),
    -- A child's network, and what is circulated, are the area's chairs' and administrators'.
    ('network_member',           child_area, keepers, keepers, NULL),
    ('circulation',              format ('coalesce (%s, %s)', child_area, meeting_area),
                                 keepers, NULL, NULL),
    ('agenda_fact',              '(SELECT c.area_id FROM agenda_item i JOIN child c '
                                 'ON c.id = i.child_id WHERE i.id = item_id)',
                                 keepers, keepers, everyone)
  ) AS rules (tab, area, inserting, updating, deleting) LOOP
    FOREACH command IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      roles := coalesce (CASE command WHEN 'insert' THEN rule.inserting
                                      WHEN 'update' THEN rule.updating
                                      ELSE rule.deleting END, ARRAY[]::TEXT[]);
      allowed := format (holds, rule.area, roles);
      IF rule.tab IN ('concern_not_referred', 'disruption_note') THEN
        -- Naming no child: the role in any area.
        allowed := format ('CASE WHEN child_id IS NULL THEN EXISTS (SELECT 1 FROM '
                           'area_member m WHERE m.login = session_user AND m.revoked_at IS '
                           'NULL AND m.role = ANY (%L::TEXT[])) ELSE %s END', roles, allowed);
      ELSIF rule.tab = 'circulation' THEN
        -- The county-wide CSE list is no one area's: the role in any area sends it.
        allowed := format ('CASE WHEN list_as_at IS NOT NULL THEN EXISTS (SELECT 1 FROM '
                           'area_member m WHERE m.login = session_user AND m.revoked_at IS '
                           'NULL AND m.role = ANY (%L::TEXT[])) ELSE %s END', roles, allowed);
      ELSIF rule.tab = 'meeting' AND command = 'update' THEN
        -- Before and after the change alike: only its chairs take a meeting past open.
        allowed := format ('(%s OR (status IN (''planned'', ''open'') AND %s) OR '
                           '(status = ''planned'' AND %s))',
                           format (holds, rule.area, chairs), format (holds, rule.area, minute),
                           format (holds, rule.area, keepers));
      END IF;
      EXECUTE format ('DROP POLICY IF EXISTS %I ON %I', 'rmm_role_' || command, rule.tab);
      EXECUTE format ('CREATE POLICY %I ON %I AS RESTRICTIVE FOR %s TO rmm_app %s',
                      'rmm_role_' || command, rule.tab, command,
                      CASE command WHEN 'insert' THEN format ('WITH CHECK (%s)', allowed)
                                   WHEN 'update' THEN format ('USING (%s) WITH CHECK (%s)',
                                                              allowed, allowed)
                                   ELSE format ('USING (%s)', allowed) END);
    END LOOP;
  END LOOP;
END
$$;

-- The audit trail is one chain, and the server keeps it so: an event a login appends must
-- follow the newest event the server holds (its id the next, its prev_hash that event's
-- hash) and carry its own hash, worked out as rmm_audit_hash () does (src/core/store/
-- rmm-audit.c: each field as its length in bytes, ':', and its UTF-8 bytes, SHA-256 in hex).
-- Else it is refused: no client, however written, can fork the chain or append an event whose
-- hash lies. Appends already take turns under the write lock (1380797764); this waits for it
-- too. The database's owner, who moves a team's file onto the server trail and all (each
-- event checked by `rmmctl migrate` and `check`), is exempt, as from the actor rule.
CREATE OR REPLACE FUNCTION rmm_audit_field (value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT octet_length (convert_to (coalesce (value, ''), 'UTF8')) || ':' || coalesce (value, '')
$$;

-- And what a login appends about a row says what the row now holds: the change it records was
-- made (in this transaction, under the row policies that say who may make it). An event that
-- told another story, which `rmmctl check` would then find against the row for ever, or a
-- second "create" of one row, is refused; so is a setting said to be what it is not. Looks
-- (child-page, name-revealed, document) are about no row's content.
-- It runs under the write lock, for every event a login appends, so it is quick: written out
-- table by table (made here from the list of audited tables), each lookup a plan the session
-- keeps, and as the database's owner (SECURITY DEFINER), whom no row policy slows. Its names
-- are written with their schemas rather than set by a search path of its own, which would
-- cost every event a seventh of the server's throughput (and no login can make an object
-- anywhere to stand in for one: no schema takes its objects, no temporary tables). It runs
-- after the row policies have let the event in (an AFTER trigger), so only about a row the
-- login sees: it never tells a login what a row it cannot see holds; and a trigger's function
-- cannot be called but as one.
DROP FUNCTION IF EXISTS rmm_refuse_untrue_event (audit_event);
DO $do$
DECLARE
  tab TEXT;
  lookups TEXT := '';
BEGIN
  FOREACH tab IN ARRAY ARRAY['child', 'referral', 'assessment', 'assessment_indicator',
      'missing_episode', 'agenda_item', 'decision', 'safety_plan', 'safety_plan_version',
      'plan_action', 'strategy_trigger', 'trigger_response', 'closure', 'transition',
      'concern_not_referred', 'information_note', 'disruption_note', 'attendance', 'meeting',
      'meeting_series', 'area', 'agency', 'professional', 'area_member', 'board_figures',
      'network_member', 'allowed_domain', 'list_recipient', 'circulation'] LOOP
    lookups := lookups || format ('WHEN %L THEN held := (SELECT pg_catalog.to_jsonb (t) '
                                  'FROM %I.%I t WHERE t.id = event.entity_id); ', tab,
                                  current_schema (), tab);
  END LOOP;
  EXECUTE format ($f$
CREATE OR REPLACE FUNCTION rmm_refuse_untrue_event () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $body$
DECLARE
  event %2$I.audit_event := NEW;
  held JSONB;
  field RECORD;
BEGIN
  IF pg_catalog.pg_has_role (session_user, (SELECT datdba FROM pg_catalog.pg_database
                              WHERE datname = pg_catalog.current_database ()), 'MEMBER') THEN
    RETURN NULL;
  END IF;
  -- One of the events RMM Desk writes (a row created or changed, a setting set, a look),
  -- its payloads in the store's own spelling (flat objects of strings, integers and nulls,
  -- written compactly, escaping only what it escapes), which `check` reads back.
  IF NOT ((event.action IN ('create', 'update') AND
           event.entity NOT IN ('database_info', 'child-access', 'meeting-access',
                                'list-access')) OR
          (event.action = 'set' AND event.entity = 'database_info') OR
          (event.action IN ('child-page', 'name-revealed', 'document') AND
           event.entity IN ('child-access', 'meeting-access', 'list-access'))) OR
     coalesce (event.after, '') !~ %3$L OR coalesce (event.before, '') !~ %3$L OR
     -- A change records what it changed: the store writes none that changes nothing.
     (event.action = 'update' AND coalesce (event.after, '') IN ('', '{}')) THEN
    RAISE EXCEPTION 'an audit event is one RMM Desk writes, as it writes it'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF event.action = 'set' THEN
    FOR field IN SELECT * FROM pg_catalog.jsonb_each_text (event.after::jsonb) LOOP
      IF event.entity <> 'database_info' OR
         (SELECT d.value FROM %2$I.database_info d WHERE d.key = field.key) IS DISTINCT FROM
           field.value THEN
        RAISE EXCEPTION 'an audit event says what its row now holds'
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
    END LOOP;
    RETURN NULL;
  END IF;
  IF event.action NOT IN ('create', 'update') THEN
    RETURN NULL;
  END IF;
  CASE event.entity
    WHEN 'assessment_vulnerability' THEN
      held := (SELECT pg_catalog.to_jsonb (v) FROM %2$I.assessment_vulnerability v
               WHERE v.assessment_id = event.entity_id
               AND v.vulnerability = event.after::jsonb ->> 'vulnerability'
               AND event.after::jsonb - 'vulnerability' = '{}'::jsonb);
    %1$s
    ELSE held := NULL;
  END CASE;
  IF held IS NULL THEN
    RAISE EXCEPTION 'an audit event is about a row that is there'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  -- Each field the event names, with the value it gives, is the row's now (containment:
  -- numbers as numbers, text as text, null as null).
  IF NOT held @> event.after::jsonb THEN
    RAISE EXCEPTION 'an audit event says what its row now holds'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF event.action = 'create' AND EXISTS (SELECT 1 FROM %2$I.audit_event e
      WHERE e.entity = event.entity AND e.entity_id = event.entity_id AND e.action = 'create'
      AND e.id <> event.id
      AND (event.entity <> 'assessment_vulnerability' OR
           e.after::jsonb = event.after::jsonb)) THEN
    RAISE EXCEPTION 'a row is created once'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END
$body$
$f$, lookups, current_schema (),
    format ('^(|\{\}|\{%1$s:(?:%1$s|-?[0-9]+|null)(?:,%1$s:(?:%1$s|-?[0-9]+|null))*\})$',
            '(?:"(?:[^"\\\x01-\x1f]|\\["\\]|\\u00[01][0-9a-f])*")'));
END
$do$;

DROP TRIGGER IF EXISTS audit_event_tells_truth ON audit_event;
CREATE TRIGGER audit_event_tells_truth AFTER INSERT ON audit_event
FOR EACH ROW EXECUTE FUNCTION rmm_refuse_untrue_event ();

-- And what a login writes is recorded: a row it adds has its "create" event, a row it changes
-- has, as its newest event, the one appended with the change (written by the same
-- transaction or savepoint, which the two rows' xmin say and no client can forge), that
-- event says what the row now holds, and every column the change altered is named by an
-- event of that change (but the confirming logins, which the server writes itself). A row
-- keeps its id: a login that renumbered one would have deleted it from the record, and
-- freed its id for a row with another's history. Else the row would stand in the record
-- with no one's name to it, which `rmmctl check` could only call "made outside RMM Desk".
-- Checked when the transaction commits (deferred constraint triggers: the app appends a
-- row's event just after the row), as the database's owner, whose own writes (moving a
-- team's file across) are exempt as above.
DO $do$
DECLARE
  tab TEXT;
  changed TEXT := '';
BEGIN
  FOREACH tab IN ARRAY ARRAY['child', 'referral', 'assessment', 'assessment_indicator',
      'missing_episode', 'agenda_item', 'decision', 'safety_plan', 'safety_plan_version',
      'plan_action', 'strategy_trigger', 'trigger_response', 'closure', 'transition',
      'concern_not_referred', 'information_note', 'disruption_note', 'attendance', 'meeting',
      'meeting_series', 'agency', 'professional', 'network_member', 'allowed_domain',
      'list_recipient', 'circulation'] LOOP
    changed := changed || format ('WHEN %1$L THEN SELECT t.xmin, pg_catalog.to_jsonb (t) '
                                  'INTO newest, held FROM %2$I.%1$I t WHERE t.id = row_id; ',
                                  tab, current_schema ());
  END LOOP;
  EXECUTE format ($f$
CREATE OR REPLACE FUNCTION rmm_refuse_unrecorded_row () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $body$
DECLARE
  -- As text, the column's type: compared as a name, no index on the column would serve.
  tab CONSTANT TEXT := TG_TABLE_NAME;
  row_id BIGINT;
  newest pg_catalog.xid;
  held JSONB;
  event RECORD;
  was JSONB;
  named JSONB;
BEGIN
  IF pg_catalog.pg_has_role (session_user, (SELECT datdba FROM pg_catalog.pg_database
                              WHERE datname = pg_catalog.current_database ()), 'MEMBER') THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'assessment_vulnerability' THEN
    IF NOT EXISTS (SELECT 1 FROM %2$I.audit_event e WHERE e.entity = tab
                   AND e.entity_id = NEW.assessment_id AND e.action = 'create'
                   AND e.after::jsonb ->> 'vulnerability' = NEW.vulnerability) THEN
      RAISE EXCEPTION 'a row a login adds is recorded in the audit trail'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
  END IF;
  row_id := NEW.id;
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM %2$I.audit_event e WHERE e.entity = tab
                   AND e.entity_id = row_id AND e.action = 'create') THEN
      RAISE EXCEPTION 'a row a login adds is recorded in the audit trail'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'a row keeps its id' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  CASE TG_TABLE_NAME %1$s ELSE newest := NULL; END CASE;
  -- The row's newest events, newest first (one probe of the index on entity, id and event;
  -- a change appends one or two): the first must be this change's and true of the row; the
  -- keys the change's events name are gathered.
  FOR event IN SELECT e.xmin, e.after FROM %2$I.audit_event e
               WHERE e.entity = tab AND e.entity_id = row_id
               ORDER BY e.id DESC LIMIT 8 LOOP
    IF named IS NULL AND (event.xmin IS DISTINCT FROM newest OR held IS NULL OR
                          NOT held @> coalesce (NULLIF (event.after, ''), '{}')::jsonb) THEN
      RAISE EXCEPTION 'a row a login changes is recorded in the audit trail'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    EXIT WHEN event.xmin IS DISTINCT FROM newest;
    named := coalesce (named, '{}'::jsonb) || coalesce (NULLIF (event.after, ''), '{}')::jsonb;
  END LOOP;
  -- Every column this change altered is named by an event written with it.
  was := pg_catalog.to_jsonb (OLD);
  IF named IS NULL OR
     EXISTS (SELECT 1 FROM pg_catalog.jsonb_each (pg_catalog.to_jsonb (NEW)) n
             WHERE n.value IS DISTINCT FROM was -> n.key
             AND n.key NOT IN ('chair1_login', 'chair2_login') AND NOT named ? n.key) THEN
    RAISE EXCEPTION 'a row a login changes is recorded in the audit trail'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END
$body$
$f$, changed, current_schema ());

  FOREACH tab IN ARRAY ARRAY['child', 'referral', 'assessment', 'assessment_indicator',
      'assessment_vulnerability', 'missing_episode', 'agenda_item', 'decision', 'safety_plan',
      'safety_plan_version', 'plan_action', 'strategy_trigger', 'trigger_response', 'closure',
      'transition', 'concern_not_referred', 'information_note', 'disruption_note',
      'attendance', 'meeting', 'meeting_series', 'agency', 'professional',
      'board_figures', 'network_member', 'allowed_domain', 'list_recipient',
      'circulation'] LOOP
    EXECUTE format ('DROP TRIGGER IF EXISTS %I ON %I', tab || '_recorded', tab);
    -- Changed in place only where a login may change rows at all.
    EXECUTE format ('CREATE CONSTRAINT TRIGGER %I AFTER INSERT%s ON %I '
                    'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
                    'EXECUTE FUNCTION rmm_refuse_unrecorded_row ()', tab || '_recorded',
                    CASE WHEN tab IN ('agenda_item', 'child', 'decision', 'meeting',
                                      'meeting_series', 'plan_action', 'safety_plan',
                                      'transition', 'trigger_response', 'network_member',
                                      'allowed_domain', 'list_recipient', 'professional')
                         THEN ' OR UPDATE' ELSE '' END, tab);
  END LOOP;
END
$do$;

CREATE OR REPLACE FUNCTION rmm_refuse_off_chain () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_id BIGINT;
  head_hash TEXT;
BEGIN
  IF pg_has_role (session_user, (SELECT datdba FROM pg_database
                                 WHERE datname = current_database ()), 'MEMBER') THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock (1380797764);
  -- Through the owner's view: the login may not see the newest event itself.
  SELECT id, hash INTO head_id, head_hash FROM audit_chain ORDER BY id DESC LIMIT 1;
  IF NEW.id IS DISTINCT FROM coalesce (head_id, 0) + 1 OR
     NEW.prev_hash IS DISTINCT FROM coalesce (head_hash, repeat ('0', 64)) THEN
    RAISE EXCEPTION 'an audit event follows the newest one'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.hash IS DISTINCT FROM encode (sha256 (convert_to (
       rmm_audit_field (NEW.prev_hash) || rmm_audit_field (NEW.id::text) ||
       rmm_audit_field (NEW.at) || rmm_audit_field (NEW.actor) ||
       rmm_audit_field (NEW.action) || rmm_audit_field (NEW.entity) ||
       rmm_audit_field (NEW.entity_id::text) || rmm_audit_field (NEW.before) ||
       rmm_audit_field (NEW.after), 'UTF8')), 'hex') THEN
    RAISE EXCEPTION 'an audit event carries its own hash'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS audit_event_follows_chain ON audit_event;
CREATE TRIGGER audit_event_follows_chain BEFORE INSERT ON audit_event
FOR EACH ROW EXECUTE FUNCTION rmm_refuse_off_chain ();

-- Who gave each chair's confirmation of a decision is the login that made the change, which
-- no client can forge or rewrite afterwards. With the installation set to two logins
-- ("rmmctl server set two-logins on", a row of database_info only the owner may write), a
-- confirmation must come from a login that is a chair of the child's area, the two from two
-- different logins, and a decision one chair has confirmed is not changed under the other:
-- the two-person rule, kept by the server. Off, one login at the chairs' laptop confirms for
-- both, and each confirmation still records it. The owner's INSERTs (a team's file moved onto
-- the server, its history and all) keep the logins they bring.
CREATE OR REPLACE FUNCTION rmm_login_of (old_at TEXT, new_at TEXT, old_login TEXT)
RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN new_at IS NULL THEN ''
              WHEN old_at IS NOT DISTINCT FROM new_at THEN old_login
              ELSE session_user END
$$;

CREATE OR REPLACE FUNCTION rmm_confirmed_by_login () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  two_logins BOOLEAN;
  confirming BOOLEAN;
  the_area BIGINT;
  area_name TEXT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF pg_has_role (session_user, (SELECT datdba FROM pg_database
                                   WHERE datname = current_database ()), 'MEMBER') THEN
      RETURN NEW;
    END IF;
    NEW.chair1_login := rmm_login_of (NULL, NEW.chair1_confirmed_at, '');
    NEW.chair2_login := rmm_login_of (NULL, NEW.chair2_confirmed_at, '');
    confirming := NEW.chair1_confirmed_at IS NOT NULL OR NEW.chair2_confirmed_at IS NOT NULL;
  ELSE
    NEW.chair1_login := rmm_login_of (OLD.chair1_confirmed_at, NEW.chair1_confirmed_at,
                                      OLD.chair1_login);
    NEW.chair2_login := rmm_login_of (OLD.chair2_confirmed_at, NEW.chair2_confirmed_at,
                                      OLD.chair2_login);
    confirming := NEW.chair1_login IS DISTINCT FROM OLD.chair1_login OR
                  NEW.chair2_login IS DISTINCT FROM OLD.chair2_login;
  END IF;
  SELECT value = 'on' INTO two_logins FROM database_info WHERE key = 'two-logins';
  IF NOT coalesce (two_logins, false) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND
     (OLD.chair1_confirmed_at IS NOT NULL OR OLD.chair2_confirmed_at IS NOT NULL) AND
     (NEW.child_id, NEW.kind, NEW.value, NEW.lead_agency_id, NEW.lead_professional_id,
      NEW.meeting_id, NEW.rationale, NEW.proposed_at, NEW.supersedes_id,
      NEW.supersede_reason) IS DISTINCT FROM
     (OLD.child_id, OLD.kind, OLD.value, OLD.lead_agency_id, OLD.lead_professional_id,
      OLD.meeting_id, OLD.rationale, OLD.proposed_at, OLD.supersedes_id,
      OLD.supersede_reason) THEN
    RAISE EXCEPTION 'A decision one chair has confirmed is confirmed as it stands: propose a new one to change it.'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  -- A chair's confirmation, and which chair gave it, is changed or withdrawn only by the login
  -- that gave it: the other chair cannot take its place or erase it.
  IF TG_OP = 'UPDATE' AND
     ((OLD.chair1_confirmed_at IS NOT NULL AND
       (NEW.chair1_confirmed_at, NEW.chair1_id) IS DISTINCT FROM
       (OLD.chair1_confirmed_at, OLD.chair1_id) AND session_user <> OLD.chair1_login) OR
      (OLD.chair2_confirmed_at IS NOT NULL AND
       (NEW.chair2_confirmed_at, NEW.chair2_id) IS DISTINCT FROM
       (OLD.chair2_confirmed_at, OLD.chair2_id) AND session_user <> OLD.chair2_login)) THEN
    RAISE EXCEPTION 'A chair''s confirmation is changed only from the login that gave it.'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NOT confirming THEN
    RETURN NEW;
  END IF;
  SELECT a.id, a.name INTO the_area, area_name
  FROM child c JOIN area a ON a.id = c.area_id WHERE c.id = NEW.child_id;
  IF NOT EXISTS (SELECT 1 FROM area_member m WHERE m.login = session_user
                 AND m.role = 'chair' AND m.area_id = the_area AND m.revoked_at IS NULL) THEN
    RAISE EXCEPTION 'Only a chair of % can confirm a decision.', area_name
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.chair1_confirmed_at IS NOT NULL AND NEW.chair2_confirmed_at IS NOT NULL AND
     NEW.chair1_login = NEW.chair2_login THEN
    RAISE EXCEPTION 'The two confirmations of a decision come from two different chairs'' logins.'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS decision_confirmed_by_login ON decision;
CREATE TRIGGER decision_confirmed_by_login BEFORE INSERT OR UPDATE ON decision
FOR EACH ROW EXECUTE FUNCTION rmm_confirmed_by_login ();

-- The installation's settings that are the owner's alone (two-logins) are out of a login's
-- reach; the rest of database_info (the protective marking…) the app sets as before.
ALTER TABLE database_info ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS rmm_read ON database_info;
DROP POLICY IF EXISTS rmm_add ON database_info;
DROP POLICY IF EXISTS rmm_change ON database_info;
-- The rest (the protective marking every document carries) is the chairs' to set; the demo's
-- own keys are the owner's, who made it.
CREATE POLICY rmm_read ON database_info FOR SELECT TO rmm_app USING (true);
CREATE POLICY rmm_add ON database_info FOR INSERT TO rmm_app
  WITH CHECK (key NOT IN ('two-logins', 'demo', 'demo_seed', 'demo_today') AND
              EXISTS (SELECT 1 FROM area_member m WHERE m.login = session_user
                      AND m.role = 'chair' AND m.revoked_at IS NULL));
CREATE POLICY rmm_change ON database_info FOR UPDATE TO rmm_app
  USING (key NOT IN ('two-logins', 'demo', 'demo_seed', 'demo_today') AND
         EXISTS (SELECT 1 FROM area_member m WHERE m.login = session_user
                 AND m.role = 'chair' AND m.revoked_at IS NULL))
  WITH CHECK (key NOT IN ('two-logins', 'demo', 'demo_seed', 'demo_today'));

-- Agencies, professionals, the domains documents may be emailed to and who the CSE list goes
-- to are every working login's to read; an area's administrators and chairs add them (an
-- import that names a new agency, a plan's lead professional, a council's domain, the
-- police's CSE lead for the list), and change a professional's email, which domains are
-- allowed and who the list goes to.
DO $$
DECLARE
  tab TEXT;
  keeper TEXT := 'EXISTS (SELECT 1 FROM area_member m WHERE m.login = session_user '
                 'AND m.role IN (''chair'', ''admin'') AND m.revoked_at IS NULL)';
BEGIN
  FOREACH tab IN ARRAY ARRAY['professional', 'allowed_domain', 'list_recipient'] LOOP
    EXECUTE format ('DROP POLICY IF EXISTS rmm_change ON %I', tab);
    EXECUTE format ('CREATE POLICY rmm_change ON %I FOR UPDATE TO rmm_app USING (%s) '
                    'WITH CHECK (%s)', tab, keeper, keeper);
  END LOOP;
  FOREACH tab IN ARRAY ARRAY['agency', 'professional', 'allowed_domain', 'list_recipient'] LOOP
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tab);
    EXECUTE format ('DROP POLICY IF EXISTS rmm_read ON %I', tab);
    EXECUTE format ('DROP POLICY IF EXISTS rmm_add ON %I', tab);
    EXECUTE format ('CREATE POLICY rmm_read ON %I FOR SELECT TO rmm_app USING (true)', tab);
    EXECUTE format ('CREATE POLICY rmm_add ON %I FOR INSERT TO rmm_app WITH CHECK (EXISTS '
                    '(SELECT 1 FROM area_member m WHERE m.login = session_user '
                    'AND m.role IN (''chair'', ''admin'') AND m.revoked_at IS NULL))', tab);
  END LOOP;
END
$$;

-- The figures published for the safeguarding board (board_figures): every working login
-- reads them (counts with no child identifiable, as the report gives them); an area's
-- administrators and chairs publish its figures, and those of every area all areas', under
-- their own names. The board's oversight login reads the sets of the areas it oversees (all
-- areas' only if it oversees every one), RMM Desk's schema version, the areas' names, the
-- settings (the protective marking its report carries) and its own memberships: never a row
-- of the record, nor the audit trail. A set is never changed or deleted (no privilege, and
-- the schema's triggers).
DO $$
DECLARE
  -- The areas the login holds one of the roles in.
  held TEXT := 'ARRAY (SELECT m.area_id FROM area_member m WHERE m.login = session_user '
               'AND m.revoked_at IS NULL AND m.role = ANY (%L::TEXT[]))';
  -- A set of one area the login holds a role in, or of all areas when it holds one in every
  -- area.
  covers TEXT := '(CASE WHEN area_id IS NULL THEN NOT EXISTS (SELECT 1 FROM area a '
                 'WHERE a.id <> ALL (%1$s)) ELSE area_id = ANY (%1$s) END)';
BEGIN
  ALTER TABLE board_figures ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS rmm_read ON board_figures;
  DROP POLICY IF EXISTS rmm_add ON board_figures;
  DROP POLICY IF EXISTS rmm_board_read ON board_figures;
  CREATE POLICY rmm_read ON board_figures FOR SELECT TO rmm_app USING (true);
  EXECUTE format ('CREATE POLICY rmm_add ON board_figures FOR INSERT TO rmm_app '
                  'WITH CHECK (published_by = session_user AND %s)',
                  format (covers, format (held, ARRAY['chair', 'admin'])));
  EXECUTE format ('CREATE POLICY rmm_board_read ON board_figures FOR SELECT TO rmm_oversight '
                  'USING (%s)', format (covers, format (held, ARRAY['oversight'])));

  ALTER TABLE area_member ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS rmm_read ON area_member;
  DROP POLICY IF EXISTS rmm_board_read ON area_member;
  CREATE POLICY rmm_read ON area_member FOR SELECT TO rmm_app USING (true);
  CREATE POLICY rmm_board_read ON area_member FOR SELECT TO rmm_oversight
    USING (login = session_user);

  DROP POLICY IF EXISTS rmm_board_read ON database_info;
  CREATE POLICY rmm_board_read ON database_info FOR SELECT TO rmm_oversight USING (true);
END
$$;
GRANT USAGE ON SCHEMA public TO rmm_oversight;
GRANT SELECT ON schema_version, area, area_member, database_info, board_figures
  TO rmm_oversight;

-- A meeting's own row, by role: it begins planned (an administrator schedules it); its
-- minute-takers and chairs open it (the statement read, the time); its chairs alone conclude
-- it and sign it off. The row policies hold its status to that; this holds the columns that
-- say when and by whom, which no policy can compare with what they were.
CREATE OR REPLACE FUNCTION rmm_meeting_by_role () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  area_name TEXT;
  holds TEXT[];
BEGIN
  IF pg_has_role (session_user, (SELECT datdba FROM pg_database
                                 WHERE datname = current_database ()), 'MEMBER') THEN
    RETURN NEW;
  END IF;
  holds := ARRAY (SELECT m.role FROM area_member m WHERE m.login = session_user
                  AND m.area_id = NEW.area_id AND m.revoked_at IS NULL);
  IF 'chair' = ANY (holds) THEN
    RETURN NEW;
  END IF;
  SELECT a.name INTO area_name FROM area a WHERE a.id = NEW.area_id;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' OR
       (NEW.opened_at, NEW.statement_read_at, NEW.concluded_at, NEW.chair1_signed_at,
        NEW.chair2_signed_at) IS DISTINCT FROM (NULL, NULL, NULL, NULL, NULL) THEN
      RAISE EXCEPTION 'A meeting of % begins planned: only its chairs record one held.',
        area_name USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'planned' AND NEW.status = 'planned' THEN
    RAISE EXCEPTION 'Only a chair of % can take a meeting back to planned.', area_name
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.concluded_at, NEW.chair1_signed_at, NEW.chair2_signed_at) IS DISTINCT FROM
     (OLD.concluded_at, OLD.chair1_signed_at, OLD.chair2_signed_at) THEN
    RAISE EXCEPTION 'Only a chair of % can conclude a meeting or sign it off.', area_name
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW.opened_at, NEW.statement_read_at) IS DISTINCT FROM
     (OLD.opened_at, OLD.statement_read_at) AND NOT 'minute-taker' = ANY (holds) THEN
    RAISE EXCEPTION 'Only a minute-taker or a chair of % can open a meeting.', area_name
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS meeting_by_role ON meeting;
CREATE TRIGGER meeting_by_role BEFORE INSERT OR UPDATE ON meeting
FOR EACH ROW EXECUTE FUNCTION rmm_meeting_by_role ();

-- A login's temporary table of the same name (searched first, unless the path names pg_temp)
-- must never stand in for area_member, database_info, pg_database or the audit trail inside
-- the server's checks. No login may make temporary tables here, which closes that for every
-- check; the checks a change runs now and then also fix their search path to this schema and
-- the catalog. The two every audit event runs do not: a function's own search path is set and
-- undone at each call, under the write lock.
DO $$
DECLARE
  path TEXT := quote_ident (current_schema ()) || ', pg_temp';
  checker TEXT;
BEGIN
  FOREACH checker IN ARRAY ARRAY['rmm_refuse_off_chain ()', 'rmm_refuse_other_actor ()'] LOOP
    EXECUTE format ('ALTER FUNCTION %s RESET search_path', checker);
  END LOOP;
  FOREACH checker IN ARRAY ARRAY['rmm_confirmed_by_login ()',
                                 'rmm_refuse_when_signed_off ()',
                                 'rmm_refuse_into_signed_off ()',
                                 'rmm_refuse_action_of_signed_off ()',
                                 'rmm_refuse_other_childs_decision ()',
                                 'rmm_refuse_other_area_item ()',
                                 'rmm_meeting_by_role ()'] LOOP
    EXECUTE format ('ALTER FUNCTION %s SET search_path = %s', checker, path);
  END LOOP;
  EXECUTE format ('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());
  -- Roles are the whole server's, a database one county's: a login is let into this one by
  -- "rmmctl server grant" (or its administrator's GRANT CONNECT), not by a role it was given
  -- for another.
  EXECUTE format ('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database ());
END
$$;
