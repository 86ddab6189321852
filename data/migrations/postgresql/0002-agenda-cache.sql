-- The PostgreSQL twin of data/migrations/sqlite/0002-agenda-cache.sql.
--
-- RMM Desk schema, version 2: a note of how far the data had got when each coming meeting's
-- agenda was last brought up to date.
--
-- An agenda's reasons depend only on the recorded facts and the meeting's date, and every
-- change to the facts appends an audit event. So when the newest audit event is the one noted
-- here, the agenda is already current and need not be worked out again. This is derived data,
-- like an index: it records nothing that happened, so it is not itself audited.
CREATE TABLE agenda_cache (
  meeting_id  BIGINT PRIMARY KEY REFERENCES meeting (id),
  audit_id    BIGINT NOT NULL
);

-- Overdue actions are looked for through a child's plans or a meeting's decisions, never across
-- every open action: an index on (status, due_on) tempted the planner into just that.
DROP INDEX plan_action_due;
CREATE INDEX plan_action_meeting ON plan_action (meeting_id);

-- Each item's current rating, whether anything of the child's is overdue and when the safety plan
-- is due for review, as of the noted
-- audit event: derived, like agenda_cache, so a current agenda reads without working them out.
CREATE TABLE agenda_fact (
  item_id    BIGINT PRIMARY KEY REFERENCES agenda_item (id),
  rating     TEXT NOT NULL,
  overdue    BIGINT NOT NULL CHECK (overdue IN (0, 1)),
  review_on  TEXT NOT NULL              -- the open safety plan's review date, or ''
);
