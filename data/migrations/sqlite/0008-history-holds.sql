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

CREATE TRIGGER agenda_item_signed_off_no_insert BEFORE INSERT ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: its minutes cannot change'); END;

CREATE TRIGGER attendance_signed_off_no_insert BEFORE INSERT ON attendance
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: its attendance cannot change'); END;

CREATE TRIGGER attendance_stays_put BEFORE UPDATE ON attendance
WHEN NEW.meeting_id IS NOT OLD.meeting_id
BEGIN SELECT RAISE(ABORT, 'a row stays where it was made'); END;

CREATE TRIGGER agenda_item_stays_put BEFORE UPDATE ON agenda_item
WHEN NEW.meeting_id IS NOT OLD.meeting_id OR NEW.child_id IS NOT OLD.child_id
BEGIN SELECT RAISE(ABORT, 'a row stays where it was made'); END;

CREATE TRIGGER meeting_stays_put BEFORE UPDATE ON meeting
WHEN NEW.area_id IS NOT OLD.area_id
BEGIN SELECT RAISE(ABORT, 'a row stays where it was made'); END;

CREATE TRIGGER meeting_signed_off_unchanged BEFORE UPDATE ON meeting
WHEN OLD.status = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'a signed-off meeting stays as it was signed off'); END;

CREATE TRIGGER plan_action_stays_put BEFORE UPDATE ON plan_action
WHEN NEW.plan_id IS NOT OLD.plan_id OR NEW.meeting_id IS NOT OLD.meeting_id
BEGIN SELECT RAISE(ABORT, 'a row stays where it was made'); END;

-- An action agreed or reviewed at a signed-off meeting: what was agreed, and the review,
-- stand. Only a review at a later meeting changes it (its status and where it was reviewed).
CREATE TRIGGER plan_action_signed_off_holds BEFORE UPDATE ON plan_action
WHEN (SELECT status FROM meeting WHERE id = OLD.status_meeting_id) = 'signed-off'
  OR (SELECT status FROM meeting WHERE id = NEW.status_meeting_id) = 'signed-off'
  OR ((SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
      AND (NEW.description IS NOT OLD.description OR NEW.owner_id IS NOT OLD.owner_id
           OR NEW.agency_id IS NOT OLD.agency_id OR NEW.due_on IS NOT OLD.due_on
           OR NEW.family_visible IS NOT OLD.family_visible))
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it recorded of the action stands'); END;

CREATE TRIGGER plan_action_signed_off_no_insert BEFORE INSERT ON plan_action
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off'
  OR (SELECT status FROM meeting WHERE id = NEW.status_meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it recorded of the action stands'); END;

CREATE TRIGGER agenda_item_same_area BEFORE INSERT ON agenda_item
WHEN (SELECT area_id FROM meeting WHERE id = NEW.meeting_id)
  IS NOT (SELECT area_id FROM child WHERE id = NEW.child_id)
BEGIN SELECT RAISE(ABORT, 'a child is on the agenda of their own area''s meetings'); END;
