-- RMM Desk schema, version 17: the board's figures read plan versions and actions from
-- indexes that hold what they count.
--
-- The figures walk every plan version (when it was agreed) and every plan action (when it
-- is due, what became of it, whose it is). A version's row carries the whole plan and an
-- action's its text: on a county's five years the walk read 130 MB of tables for 15 MB of
-- what it counts. These indexes hold just that, and are read instead of the tables.

CREATE INDEX safety_plan_version_agreed ON safety_plan_version (plan_id, created_at);
CREATE INDEX plan_action_outcome ON plan_action (plan_id, due_on, status, agency_id);

-- And every child's decisions, in the order the figures walk them (child by child, oldest
-- proposed first), with what they count: walked in the table's order, they had to be put
-- together child by child after.
CREATE INDEX decision_history ON decision (child_id, proposed_at, kind, status, value,
                                           chair1_confirmed_at, chair2_confirmed_at,
                                           supersedes_id, dissent, escalated);
