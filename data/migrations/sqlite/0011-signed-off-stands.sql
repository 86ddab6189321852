-- RMM Desk schema, version 11: what a signed-off meeting decided stands, and an action's
-- review is made once, at a meeting of its own area.
--
-- Version 9 kept decisions, plan versions and trigger responses from being recorded at a
-- signed-off meeting. One already recorded there, if not yet confirmed, could still be
-- changed, confirmed or deleted afterwards, and the meeting's agenda items and actions
-- deleted. Now none can: a question the meeting left open is settled by a new decision at a
-- later meeting. And an action's review cannot be moved to another meeting, made at another
-- area's, or written into an action as it is added without naming where.

CREATE TRIGGER decision_signed_off_holds BEFORE UPDATE ON decision
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER decision_signed_off_no_delete BEFORE DELETE ON decision
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER trigger_response_signed_off_holds BEFORE UPDATE ON trigger_response
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER trigger_response_signed_off_no_delete BEFORE DELETE ON trigger_response
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it decided stands'); END;

CREATE TRIGGER agenda_item_signed_off_no_delete BEFORE DELETE ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: its minutes cannot change'); END;

CREATE TRIGGER plan_action_signed_off_no_delete BEFORE DELETE ON plan_action
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off'
  OR (SELECT status FROM meeting WHERE id = OLD.status_meeting_id) = 'signed-off'
BEGIN SELECT RAISE(ABORT, 'the meeting is signed off: what it recorded of the action stands'); END;

CREATE TRIGGER plan_action_review_stays BEFORE UPDATE ON plan_action
WHEN NEW.status_meeting_id IS NOT OLD.status_meeting_id AND NEW.status IS OLD.status
BEGIN SELECT RAISE(ABORT, 'an action is reviewed once, at the meeting that reviewed it'); END;

CREATE TRIGGER plan_action_added_reviewed BEFORE INSERT ON plan_action
WHEN NEW.status <> 'open' AND NEW.status_meeting_id IS NULL
BEGIN SELECT RAISE(ABORT, 'an action is reviewed once, at the meeting that reviewed it'); END;

CREATE TRIGGER plan_action_reviewed_in_area BEFORE UPDATE ON plan_action
WHEN NEW.status_meeting_id IS NOT NULL
 AND NEW.status_meeting_id IS NOT OLD.status_meeting_id
 AND (SELECT area_id FROM meeting WHERE id = NEW.status_meeting_id)
     IS NOT (SELECT c.area_id FROM safety_plan p JOIN child c ON c.id = p.child_id
             WHERE p.id = NEW.plan_id)
BEGIN SELECT RAISE(ABORT, 'an action is reviewed at a meeting of its own area'); END;

CREATE TRIGGER plan_action_added_reviewed_in_area BEFORE INSERT ON plan_action
WHEN NEW.status_meeting_id IS NOT NULL
 AND (SELECT area_id FROM meeting WHERE id = NEW.status_meeting_id)
     IS NOT (SELECT c.area_id FROM safety_plan p JOIN child c ON c.id = p.child_id
             WHERE p.id = NEW.plan_id)
BEGIN SELECT RAISE(ABORT, 'an action is reviewed at a meeting of its own area'); END;
