-- The PostgreSQL twin of data/migrations/sqlite/0012-newest-event.sql.
--
-- RMM Desk schema, version 12: a row's newest audit events found by one look in the index.
--
-- A row's events were indexed by entity and row, in no order: finding the newest meant
-- reading every one (an agenda item whose minutes were saved hundreds of times), and the
-- server asks for it as each change commits, under the write lock that every other writer
-- waits on. Now the index holds each row's events in order.

CREATE INDEX audit_event_row ON audit_event (entity, entity_id, id);
DROP INDEX audit_event_entity;
