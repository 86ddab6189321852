-- RMM Desk schema, version 3: what opening and signing off a meeting records.
--
-- The chairs read the confidentiality statement out when they open the meeting; each chair
-- signs the minutes off after the meeting is concluded, and the meeting is signed off once
-- both have. From then on its minutes and attendance are history and do not change.
ALTER TABLE meeting ADD COLUMN statement_read_at TEXT;
ALTER TABLE meeting ADD COLUMN chair1_signed_at TEXT;   -- the Children's Services chair
ALTER TABLE meeting ADD COLUMN chair2_signed_at TEXT;   -- the Family Services chair

CREATE TRIGGER agenda_item_signed_off_no_update BEFORE UPDATE ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: its minutes cannot change'); END;

CREATE TRIGGER attendance_signed_off_no_update BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: its attendance cannot change'); END;

CREATE TRIGGER attendance_signed_off_no_delete BEFORE DELETE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: its attendance cannot change'); END;

CREATE TRIGGER meeting_signed_off_stays BEFORE UPDATE OF status ON meeting
WHEN OLD.status = 'signed-off' AND NEW.status <> 'signed-off'
BEGIN SELECT RAISE(ABORT, 'a signed-off meeting stays signed off'); END;
