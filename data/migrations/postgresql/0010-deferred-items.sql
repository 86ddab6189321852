-- The PostgreSQL twin of data/migrations/sqlite/0010-deferred-items.sql.
--
-- RMM Desk schema, version 10: the children deferred at a meeting found without reading
-- every item of it. The board's figures count them for a year of meetings (some twenty
-- thousand items read for a few hundred deferred, a seventh of a second); the index holds
-- only the deferred ones.

CREATE INDEX agenda_item_deferred ON agenda_item (meeting_id) WHERE status = 'deferred';
