-- The PostgreSQL twin of data/migrations/sqlite/0003-meeting-record.sql.
--
-- RMM Desk schema, version 3: what opening and signing off a meeting records.
--
-- The chairs read the confidentiality statement out when they open the meeting; each chair
-- signs the minutes off after the meeting is concluded, and the meeting is signed off once
-- both have. From then on its minutes and attendance are history and do not change.
ALTER TABLE meeting ADD COLUMN statement_read_at TEXT;
ALTER TABLE meeting ADD COLUMN chair1_signed_at TEXT;   -- the Children's Services chair
ALTER TABLE meeting ADD COLUMN chair2_signed_at TEXT;   -- the Family Services chair

-- A guard that looks at the item's meeting: PostgreSQL allows no subquery in a trigger's WHEN.
CREATE FUNCTION rmm_refuse_when_signed_off () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off' THEN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER agenda_item_signed_off_no_update BEFORE UPDATE ON agenda_item
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_when_signed_off ('the meeting is signed off: its minutes cannot change');

CREATE TRIGGER attendance_signed_off_no_update BEFORE UPDATE ON attendance
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_when_signed_off ('the meeting is signed off: its attendance cannot change');

CREATE TRIGGER attendance_signed_off_no_delete BEFORE DELETE ON attendance
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_when_signed_off ('the meeting is signed off: its attendance cannot change');

CREATE TRIGGER meeting_signed_off_stays BEFORE UPDATE OF status ON meeting
FOR EACH ROW WHEN (OLD.status = 'signed-off' AND NEW.status <> 'signed-off')
EXECUTE FUNCTION rmm_refuse ('a signed-off meeting stays signed off');
