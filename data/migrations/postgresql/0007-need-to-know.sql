-- The PostgreSQL twin of data/migrations/sqlite/0007-need-to-know.sql.
--
-- RMM Desk schema, version 7: what every login may read of the audit trail and of the
-- county-wide CSE list, whatever areas it works on. The views are the owner's, so they read
-- past the row-level policies (data/server/privileges.sql): the chain's links with no one's
-- details, for every login; the list's children and ratings, for the database's owner, a
-- chair of any area (the procedure's county-wide list) and otherwise each area's own members.
-- security_barrier keeps a login's own conditions (a cast that fails on a name, say) from
-- running on rows the view would not show. Each view's test is a condition on the row itself,
-- written as scalar subqueries: an EXISTS or IN would be planned as a join above the scan, and
-- a login's own condition on an indexed column, run in that scan first, would show in
-- EXPLAIN ANALYZE how many rows of other areas it matched.
CREATE VIEW audit_chain AS
SELECT id, entity, prev_hash, hash FROM audit_event;

CREATE VIEW cse_list_child WITH (security_barrier) AS
SELECT c.id, c.reference, c.first_name, c.last_name, c.area_id FROM child c
WHERE (SELECT true FROM decision d WHERE d.child_id = c.id AND d.kind = 'risk-rating'
       AND d.status = 'confirmed' LIMIT 1)
  AND (pg_has_role (session_user, (SELECT datdba FROM pg_database
                                   WHERE datname = current_database ()), 'MEMBER')
       OR coalesce ((SELECT true FROM area_member m
                     WHERE m.login = session_user AND m.revoked_at IS NULL
                     AND (m.role = 'chair' OR (m.area_id = c.area_id AND m.role <> 'oversight'))
                     LIMIT 1), false));

CREATE VIEW cse_list_decision WITH (security_barrier) AS
SELECT d.id, d.child_id, d.kind, d.value, d.proposed_at, d.supersedes_id,
       d.chair1_confirmed_at, d.chair2_confirmed_at
FROM decision d
WHERE d.status = 'confirmed' AND d.kind IN ('risk-rating', 'closure')
  AND (SELECT true FROM cse_list_child l WHERE l.id = d.child_id);

-- Whether this login sees the whole record: the database's owner (or a superuser), whom the
-- row policies do not bind. The window offers what the policies would let it see.
CREATE VIEW this_login AS
SELECT (pg_has_role (session_user, (SELECT datdba FROM pg_database
                                    WHERE datname = current_database ()), 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) AS sees_everything;

-- A decision supersedes one of its own child's. Else a login could supersede, and so take off
-- the CSE list, a child of an area it does not even see (the superseded decision it cannot
-- read is taken as another child's).
CREATE FUNCTION rmm_refuse_other_childs_decision () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT child_id FROM decision WHERE id = NEW.supersedes_id) IS DISTINCT FROM
     NEW.child_id THEN
    RAISE EXCEPTION 'a decision supersedes one of the same child''s'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER decision_supersedes_same_child BEFORE INSERT ON decision
FOR EACH ROW WHEN (NEW.supersedes_id IS NOT NULL)
EXECUTE FUNCTION rmm_refuse_other_childs_decision ();
CREATE TRIGGER decision_supersedes_same_child_update BEFORE UPDATE ON decision
FOR EACH ROW WHEN (NEW.supersedes_id IS NOT NULL)
EXECUTE FUNCTION rmm_refuse_other_childs_decision ();

-- No index on children's names: a login probing another area's names through an index
-- would learn from EXPLAIN ANALYZE how many rows the row policy removed. The app searches
-- names with lower (), which this index never served.
DROP INDEX child_name;
