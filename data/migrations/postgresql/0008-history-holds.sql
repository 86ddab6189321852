-- The PostgreSQL twin of data/migrations/sqlite/0008-history-holds.sql.
--
-- RMM Desk schema, version 8: what a signed-off meeting recorded holds whichever way a
-- change comes at it, and a row stays where it was made.
--
-- Version 3 kept a signed-off meeting's minutes and attendance from changing in place; a row
-- could still be added to that meeting, or moved into it from another, and the meeting's own
-- row (its date, its sign-offs) changed. Now nothing is added to a signed-off meeting or moved
-- into it, its row does not change at all, and a plan action reviewed there keeps that review.
-- And a row belongs where it was made: a meeting to its area, an agenda item to its meeting
-- and child (the child's area's meeting), a plan action to its plan and the meeting that
-- agreed it.

-- The meeting a new row names is signed off: refused with the sentence given.
CREATE FUNCTION rmm_refuse_into_signed_off () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off' THEN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER agenda_item_signed_off_no_insert BEFORE INSERT ON agenda_item
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_into_signed_off ('the meeting is signed off: its minutes cannot change');

CREATE TRIGGER attendance_signed_off_no_insert BEFORE INSERT ON attendance
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_into_signed_off ('the meeting is signed off: its attendance cannot change');

CREATE TRIGGER attendance_stays_put BEFORE UPDATE ON attendance
FOR EACH ROW WHEN (NEW.meeting_id IS DISTINCT FROM OLD.meeting_id)
EXECUTE FUNCTION rmm_refuse ('a row stays where it was made');

CREATE TRIGGER agenda_item_stays_put BEFORE UPDATE ON agenda_item
FOR EACH ROW WHEN (NEW.meeting_id IS DISTINCT FROM OLD.meeting_id OR
                   NEW.child_id IS DISTINCT FROM OLD.child_id)
EXECUTE FUNCTION rmm_refuse ('a row stays where it was made');

CREATE TRIGGER meeting_stays_put BEFORE UPDATE ON meeting
FOR EACH ROW WHEN (NEW.area_id IS DISTINCT FROM OLD.area_id)
EXECUTE FUNCTION rmm_refuse ('a row stays where it was made');

CREATE TRIGGER meeting_signed_off_unchanged BEFORE UPDATE ON meeting
FOR EACH ROW WHEN (OLD.status = 'signed-off')
EXECUTE FUNCTION rmm_refuse ('a signed-off meeting stays as it was signed off');

CREATE TRIGGER plan_action_stays_put BEFORE UPDATE ON plan_action
FOR EACH ROW WHEN (NEW.plan_id IS DISTINCT FROM OLD.plan_id OR
                   NEW.meeting_id IS DISTINCT FROM OLD.meeting_id)
EXECUTE FUNCTION rmm_refuse ('a row stays where it was made');

-- An action agreed or reviewed at a signed-off meeting: what was agreed, and the review,
-- stand. Only a review at a later meeting changes it (its status and where it was reviewed).
CREATE FUNCTION rmm_refuse_action_of_signed_off () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed_off CONSTANT TEXT := 'signed-off';
BEGIN
  IF (SELECT status FROM meeting WHERE id = NEW.status_meeting_id) = signed_off OR
     (TG_OP = 'INSERT' AND (SELECT status FROM meeting WHERE id = NEW.meeting_id) = signed_off) OR
     (TG_OP = 'UPDATE' AND
      ((SELECT status FROM meeting WHERE id = OLD.status_meeting_id) = signed_off OR
       ((SELECT status FROM meeting WHERE id = OLD.meeting_id) = signed_off AND
        (NEW.description, NEW.owner_id, NEW.agency_id, NEW.due_on, NEW.family_visible)
          IS DISTINCT FROM
        (OLD.description, OLD.owner_id, OLD.agency_id, OLD.due_on, OLD.family_visible)))) THEN
    RAISE EXCEPTION 'the meeting is signed off: what it recorded of the action stands'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER plan_action_signed_off_holds BEFORE UPDATE ON plan_action
FOR EACH ROW EXECUTE FUNCTION rmm_refuse_action_of_signed_off ();

CREATE TRIGGER plan_action_signed_off_no_insert BEFORE INSERT ON plan_action
FOR EACH ROW EXECUTE FUNCTION rmm_refuse_action_of_signed_off ();

CREATE FUNCTION rmm_refuse_other_area_item () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT area_id FROM meeting WHERE id = NEW.meeting_id) IS DISTINCT FROM
     (SELECT area_id FROM child WHERE id = NEW.child_id) THEN
    RAISE EXCEPTION 'a child is on the agenda of their own area''s meetings'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER agenda_item_same_area BEFORE INSERT ON agenda_item
FOR EACH ROW EXECUTE FUNCTION rmm_refuse_other_area_item ();
