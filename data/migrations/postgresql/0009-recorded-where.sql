-- The PostgreSQL twin of data/migrations/sqlite/0009-recorded-where.sql.
--
-- RMM Desk schema, version 9: what a signed-off meeting recorded holds for decisions, plan
-- versions and trigger responses too, and an action's review says where it was reviewed.
--
-- Version 8 kept rows from being added to, or moved into, a signed-off meeting's agenda,
-- attendance and actions. A decision, a plan version or a trigger response could still be
-- recorded as made at a signed-off meeting, which its minutes would then seem to have held.
-- Now none can be. And an action's status changes once, from open, at the meeting that
-- reviewed it (which the app always names): not later, and not at no meeting at all.

CREATE TRIGGER decision_signed_off_no_insert BEFORE INSERT ON decision
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_into_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER decision_stays_put BEFORE UPDATE ON decision
FOR EACH ROW WHEN (NEW.meeting_id IS DISTINCT FROM OLD.meeting_id OR
                   NEW.child_id IS DISTINCT FROM OLD.child_id)
EXECUTE FUNCTION rmm_refuse ('a row stays where it was made');

CREATE TRIGGER safety_plan_version_signed_off_no_insert BEFORE INSERT ON safety_plan_version
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_into_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER trigger_response_signed_off_no_insert BEFORE INSERT ON trigger_response
FOR EACH ROW
EXECUTE FUNCTION rmm_refuse_into_signed_off ('the meeting is signed off: what it decided stands');

CREATE TRIGGER trigger_response_stays_put BEFORE UPDATE ON trigger_response
FOR EACH ROW WHEN (NEW.meeting_id IS DISTINCT FROM OLD.meeting_id OR
                   NEW.trigger_id IS DISTINCT FROM OLD.trigger_id)
EXECUTE FUNCTION rmm_refuse ('a row stays where it was made');

CREATE TRIGGER plan_action_reviewed_once BEFORE UPDATE ON plan_action
FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status AND
                   (OLD.status <> 'open' OR NEW.status_meeting_id IS NULL OR
                    NEW.status_meeting_id IS NOT DISTINCT FROM OLD.status_meeting_id))
EXECUTE FUNCTION rmm_refuse ('an action is reviewed once, at the meeting that reviewed it');
