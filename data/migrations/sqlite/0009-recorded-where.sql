-- RMM Desk schema, version 9: what a signed-off meeting recorded holds for decisions, plan
-- versions and trigger responses too, and an action's review says where it was reviewed.
--
-- Version 8 kept rows from being added to, or moved into, a signed-off meeting's agenda,
-- attendance and actions. A decision, a plan version or a trigger response could still be
-- recorded as made at a signed-off meeting, which its minutes would then seem to have held.
-- Now none can be. And an action's status changes once, from open, at the meeting that
-- reviewed it (which the app always names): not later, and not at no meeting at all.

CREATE TRIGGER decision_signed_off_no_insert BEFORE INSERT ON decision
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER decision_stays_put BEFORE UPDATE ON decision
WHEN NEW.meeting_id IS NOT OLD.meeting_id OR NEW.child_id IS NOT OLD.child_id
BEGIN SELECT RAISE(ABORT, 'a row stays where it was made'); END;

CREATE TRIGGER safety_plan_version_signed_off_no_insert BEFORE INSERT ON safety_plan_version
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER trigger_response_signed_off_no_insert BEFORE INSERT ON trigger_response
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER trigger_response_stays_put BEFORE UPDATE ON trigger_response
WHEN NEW.meeting_id IS NOT OLD.meeting_id OR NEW.trigger_id IS NOT OLD.trigger_id
BEGIN SELECT RAISE(ABORT, 'a row stays where it was made'); END;

CREATE TRIGGER plan_action_reviewed_once BEFORE UPDATE ON plan_action
WHEN NEW.status IS NOT OLD.status
 AND (OLD.status <> 'open' OR NEW.status_meeting_id IS NULL
      OR NEW.status_meeting_id IS OLD.status_meeting_id)
BEGIN SELECT RAISE(ABORT, 'an action is reviewed once, at the meeting that reviewed it'); END;
