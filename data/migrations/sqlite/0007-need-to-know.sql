-- RMM Desk schema, version 7: what every login may read of the audit trail and of the
-- county-wide CSE list, whatever areas it works on.
--
-- On a shared server a login sees only the children of its areas, and of the audit trail only
-- the events about what it sees (row-level security, data/server/privileges.sql). Yet every
-- client must follow the one chain (its head, an anchor, whether anything changed since a
-- mark), and a chair reads the county's list. These views are that much and no more: the
-- chain's links with no one's details, and of the listed children their names, reference,
-- area and confirmed ratings. On a file they show everything, as the file's user sees
-- everything; the server's twin limits the list to chairs and each area's own.
CREATE VIEW audit_chain AS
SELECT id, entity, prev_hash, hash FROM audit_event;

CREATE VIEW cse_list_child AS
SELECT c.id, c.reference, c.first_name, c.last_name, c.area_id FROM child c
WHERE EXISTS (SELECT 1 FROM decision d WHERE d.child_id = c.id AND d.kind = 'risk-rating'
              AND d.status = 'confirmed');

CREATE VIEW cse_list_decision AS
SELECT id, child_id, kind, value, proposed_at, supersedes_id, chair1_confirmed_at,
       chair2_confirmed_at
FROM decision WHERE status = 'confirmed' AND kind IN ('risk-rating', 'closure');

-- Whether this login sees the whole record, as a file's user does (on a server, the
-- database's owner): the window offers what the row policies would let it see.
CREATE VIEW this_login AS
SELECT 1 AS sees_everything;

-- A decision supersedes one of its own child's. Else a login on a server could supersede,
-- and so take off the CSE list, a child of an area it does not even see.
CREATE TRIGGER decision_supersedes_same_child BEFORE INSERT ON decision
WHEN NEW.supersedes_id IS NOT NULL
  AND (SELECT child_id FROM decision WHERE id = NEW.supersedes_id) IS NOT NEW.child_id
BEGIN SELECT RAISE(ABORT, 'a decision supersedes one of the same child''s'); END;
CREATE TRIGGER decision_supersedes_same_child_update BEFORE UPDATE ON decision
WHEN NEW.supersedes_id IS NOT NULL
  AND (SELECT child_id FROM decision WHERE id = NEW.supersedes_id) IS NOT NEW.child_id
BEGIN SELECT RAISE(ABORT, 'a decision supersedes one of the same child''s'); END;

-- No index on children's names: on a server, a login probing another area's names through
-- an index would learn from EXPLAIN ANALYZE how many rows the row policy removed. The app
-- searches names with lower(), which this index never served.
DROP INDEX child_name;
