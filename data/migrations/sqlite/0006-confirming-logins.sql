-- RMM Desk schema, version 6: the login that gave each chair's confirmation of a decision.
--
-- A decision names the two chairs who confirmed it; with the chairs at one laptop, one login
-- clicks for both. Each confirmation now records the login (on a server) or the user (on a
-- file) that gave it, beside the chair it names. On a server set to two logins
-- ("rmmctl server set two-logins on") the server demands that they differ, each a chair of
-- the child's area; '' for confirmations recorded before.
ALTER TABLE decision ADD COLUMN chair1_login TEXT NOT NULL DEFAULT '';
ALTER TABLE decision ADD COLUMN chair2_login TEXT NOT NULL DEFAULT '';
