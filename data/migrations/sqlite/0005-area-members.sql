-- RMM Desk schema, version 5: who works on which area, on a shared server.
--
-- On a server each person connects as their own login, and a login sees and changes the
-- children of the areas it is a member of, in its role there: an area's administrator,
-- chair, minute-taker, police officer, or the board's oversight. "rmmctl server grant"
-- adds a membership and "revoke" ends it; a membership is never deleted or rewritten, so
-- the table and the audit trail say who could see an area when. A file on one laptop has
-- one user, its owner, and no rows here.
CREATE TABLE area_member (
  id          INTEGER PRIMARY KEY,
  login       TEXT NOT NULL CHECK (length(login) > 0),
  role        TEXT NOT NULL CHECK (role IN ('admin', 'chair', 'minute-taker', 'police',
                                            'oversight')),
  area_id     INTEGER NOT NULL REFERENCES area (id),
  granted_at  TEXT NOT NULL,
  revoked_at  TEXT,
  CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
CREATE UNIQUE INDEX area_member_current ON area_member (login, role, area_id)
  WHERE revoked_at IS NULL;

CREATE TRIGGER area_member_no_delete BEFORE DELETE ON area_member
BEGIN SELECT RAISE(ABORT, 'a membership is revoked, not deleted'); END;
CREATE TRIGGER area_member_only_revoked BEFORE UPDATE ON area_member
WHEN OLD.revoked_at IS NOT NULL OR NEW.login IS NOT OLD.login OR NEW.role IS NOT OLD.role
  OR NEW.area_id IS NOT OLD.area_id OR NEW.granted_at IS NOT OLD.granted_at
BEGIN SELECT RAISE(ABORT, 'a membership is revoked, not deleted'); END;
