-- RMM Desk schema, version 16: who the weekly CSE list goes to.
--
-- The county-wide list names every child on it, across every area: it goes to a list of
-- professionals the installation keeps (the police's CSE lead, the heads of service, the
-- safeguarding leads who hold it), each chosen by name, never to whoever happens to be
-- invited to a meeting. Each at the address professional holds for them, the allowed
-- domains checked as for any copy. Removed, never deleted: the record of who was sent which
-- week's list still names them.
CREATE TABLE list_recipient (
  id               INTEGER PRIMARY KEY,
  professional_id  INTEGER NOT NULL REFERENCES professional (id),
  added_at         TEXT NOT NULL,
  added_by         TEXT NOT NULL,
  removed_at       TEXT
);
CREATE UNIQUE INDEX list_recipient_current ON list_recipient (professional_id)
  WHERE removed_at IS NULL;

CREATE TRIGGER list_recipient_no_delete BEFORE DELETE ON list_recipient
BEGIN SELECT RAISE(ABORT, 'a recipient of the list is removed, never deleted'); END;

CREATE INDEX circulation_list ON circulation (list_as_at) WHERE list_as_at IS NOT NULL;
