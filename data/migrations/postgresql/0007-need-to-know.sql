-- The PostgreSQL twin of data/migrations/sqlite/0007-need-to-know.sql.
--
-- RMM Desk schema, version 7: what every login may read of the audit trail and of the
-- county-wide CSE list, whatever areas it works on. The views are the owner's, so they read
-- past the row-level policies (data/server/privileges.sql): the chain's links with no one's
-- details, for every login; the list's children and ratings, for the database's owner, a
-- chair of any area (the procedure's county-wide list) and otherwise each area's own members.
-- security_barrier keeps a login's own conditions (a cast that fails on a name, say) from
-- running on rows the view would not show.
CREATE VIEW audit_chain AS
SELECT id, entity, prev_hash, hash FROM audit_event;

CREATE VIEW cse_list_child WITH (security_barrier) AS
SELECT c.id, c.reference, c.first_name, c.last_name, c.area_id FROM child c
WHERE EXISTS (SELECT 1 FROM decision d WHERE d.child_id = c.id AND d.kind = 'risk-rating'
              AND d.status = 'confirmed')
  AND (pg_has_role (session_user, (SELECT datdba FROM pg_database
                                   WHERE datname = current_database ()), 'MEMBER')
       OR EXISTS (SELECT 1 FROM area_member m
                  WHERE m.login = session_user AND m.revoked_at IS NULL
                  AND (m.role = 'chair' OR (m.area_id = c.area_id AND m.role <> 'oversight'))));

CREATE VIEW cse_list_decision WITH (security_barrier) AS
SELECT id, child_id, kind, value, proposed_at, supersedes_id, chair1_confirmed_at,
       chair2_confirmed_at
FROM decision WHERE status = 'confirmed' AND kind IN ('risk-rating', 'closure')
  AND child_id IN (SELECT id FROM cse_list_child);

-- Whether this login sees the whole record: the database's owner (or a superuser), whom the
-- row policies do not bind. The window offers what the policies would let it see.
CREATE VIEW this_login AS
SELECT (pg_has_role (session_user, (SELECT datdba FROM pg_database
                                    WHERE datname = current_database ()), 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) AS sees_everything;
