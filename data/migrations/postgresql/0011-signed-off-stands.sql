-- The PostgreSQL twin of data/migrations/sqlite/0011-signed-off-stands.sql.
--
-- RMM Desk schema, version 11: what a signed-off meeting decided stands, and an action's
-- review is made once, at a meeting of its own area.
--
-- Version 9 kept decisions, plan versions and trigger responses from being recorded at a
-- signed-off meeting. One already recorded there, if not yet confirmed, could still be
-- changed, confirmed or deleted afterwards, and the meeting's agenda items and actions
-- deleted. Now none can: a question the meeting left open is settled by a new decision at a
-- later meeting. And an action's review cannot be moved to another meeting, made at another
-- area's, or written into an action as it is added without naming where.

-- The row's meeting (OLD's: where it was recorded) is signed off: refused with the sentence.
CREATE FUNCTION rmm_refuse_from_signed_off () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off' THEN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER decision_signed_off_holds BEFORE UPDATE ON decision
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_from_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER decision_signed_off_no_delete BEFORE DELETE ON decision
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_from_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER trigger_response_signed_off_holds BEFORE UPDATE ON trigger_response
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_from_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER trigger_response_signed_off_no_delete BEFORE DELETE ON trigger_response
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_from_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER agenda_item_signed_off_no_delete BEFORE DELETE ON agenda_item
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_from_signed_off ('the meeting is signed off: its minutes cannot change');

CREATE FUNCTION rmm_refuse_action_deleted_signed_off () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'signed-off' OR
     (SELECT status FROM meeting WHERE id = OLD.status_meeting_id) = 'signed-off' THEN
    RAISE EXCEPTION 'the meeting is signed off: what it recorded of the action stands'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER plan_action_signed_off_no_delete BEFORE DELETE ON plan_action
FOR EACH ROW EXECUTE FUNCTION rmm_refuse_action_deleted_signed_off ();

CREATE TRIGGER plan_action_review_stays BEFORE UPDATE ON plan_action
FOR EACH ROW WHEN (NEW.status_meeting_id IS DISTINCT FROM OLD.status_meeting_id AND
                   NEW.status IS NOT DISTINCT FROM OLD.status)
EXECUTE FUNCTION rmm_refuse ('an action is reviewed once, at the meeting that reviewed it');

CREATE TRIGGER plan_action_added_reviewed BEFORE INSERT ON plan_action
FOR EACH ROW WHEN (NEW.status <> 'open' AND NEW.status_meeting_id IS NULL)
EXECUTE FUNCTION rmm_refuse ('an action is reviewed once, at the meeting that reviewed it');

CREATE FUNCTION rmm_refuse_review_elsewhere () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT area_id FROM meeting WHERE id = NEW.status_meeting_id) IS DISTINCT FROM
     (SELECT c.area_id FROM safety_plan p JOIN child c ON c.id = p.child_id
      WHERE p.id = NEW.plan_id) THEN
    RAISE EXCEPTION 'an action is reviewed at a meeting of its own area'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER plan_action_reviewed_in_area BEFORE UPDATE ON plan_action
FOR EACH ROW WHEN (NEW.status_meeting_id IS NOT NULL AND
                   NEW.status_meeting_id IS DISTINCT FROM OLD.status_meeting_id)
EXECUTE FUNCTION rmm_refuse_review_elsewhere ();

CREATE TRIGGER plan_action_added_reviewed_in_area BEFORE INSERT ON plan_action
FOR EACH ROW WHEN (NEW.status_meeting_id IS NOT NULL)
EXECUTE FUNCTION rmm_refuse_review_elsewhere ();
