-- RMM Desk schema, version 15: circulation, the last step of a document.
--
-- Each child's network: the professionals around the child (from professional, with their
-- email) and the family's contact, each with the copy of a plan they receive (the
-- professional plan or the family's). A member leaves the network by being marked removed,
-- never deleted: the record of who received what still names them.
CREATE TABLE network_member (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES child (id),
  professional_id  INTEGER REFERENCES professional (id),
  role             TEXT NOT NULL CHECK (role IN ('lead-professional', 'social-worker',
                                                 'school-cse-lead', 'police', 'health',
                                                 'other', 'family')),
  audience         TEXT NOT NULL CHECK (audience IN ('professional', 'family')),
  -- A family contact's own; a professional's are in professional.
  name             TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  added_at         TEXT NOT NULL,
  removed_at       TEXT,
  CHECK ((professional_id IS NULL) = (role = 'family')),
  CHECK (role <> 'family' OR (audience = 'family' AND length (name) > 0))
);
CREATE INDEX network_member_child ON network_member (child_id);

-- The domains an email may go to without a reason given address by address (the council's,
-- nhs.net, police.uk, sch.uk): a domain and every domain under it. Removed, never deleted.
CREATE TABLE allowed_domain (
  id          INTEGER PRIMARY KEY,
  domain      TEXT NOT NULL CHECK (length (domain) BETWEEN 3 AND 253 AND domain = lower (domain)
                                   AND domain NOT GLOB '*[^a-z0-9.-]*'
                                   AND domain GLOB '*?.?*'),
  added_at    TEXT NOT NULL,
  added_by    TEXT NOT NULL,
  removed_at  TEXT
);
CREATE UNIQUE INDEX allowed_domain_current ON allowed_domain (domain) WHERE removed_at IS NULL;

-- Every copy that went out: which document (and which version of a plan), to whom, how,
-- when and by whom; an address outside the allowed domains with the reason it was sent all
-- the same. Written once, never changed: who holds which version is read from here.
CREATE TABLE circulation (
  id                 INTEGER PRIMARY KEY,
  document           TEXT NOT NULL CHECK (document IN ('professional-plan', 'family-plan',
                                                       'minutes', 'cse-list')),
  child_id           INTEGER REFERENCES child (id),
  plan_version_id    INTEGER REFERENCES safety_plan_version (id),
  meeting_id         INTEGER REFERENCES meeting (id),
  list_as_at         TEXT,
  audience           TEXT NOT NULL CHECK (audience IN ('professional', 'family')),
  network_member_id  INTEGER REFERENCES network_member (id),
  recipient          TEXT NOT NULL CHECK (length (recipient) > 0),
  channel            TEXT NOT NULL CHECK (channel IN ('email', 'handed-over', 'posted')),
  outside_reason     TEXT NOT NULL DEFAULT '',
  circulated_at      TEXT NOT NULL,
  circulated_by      TEXT NOT NULL,
  CHECK (document NOT IN ('professional-plan', 'family-plan')
         OR (child_id IS NOT NULL AND plan_version_id IS NOT NULL)),
  CHECK (document <> 'minutes' OR meeting_id IS NOT NULL),
  CHECK (document <> 'cse-list' OR list_as_at IS NOT NULL),
  CHECK ((document = 'family-plan') = (audience = 'family'))
);
CREATE INDEX circulation_child ON circulation (child_id, plan_version_id);
CREATE INDEX circulation_meeting ON circulation (meeting_id);

CREATE TRIGGER circulation_no_update BEFORE UPDATE ON circulation
BEGIN SELECT RAISE(ABORT, 'a circulation is recorded once, never changed'); END;
CREATE TRIGGER circulation_no_delete BEFORE DELETE ON circulation
BEGIN SELECT RAISE(ABORT, 'a circulation is recorded once, never changed'); END;
CREATE TRIGGER network_member_no_delete BEFORE DELETE ON network_member
BEGIN SELECT RAISE(ABORT, 'a network member is removed, never deleted'); END;
CREATE TRIGGER allowed_domain_no_delete BEFORE DELETE ON allowed_domain
BEGIN SELECT RAISE(ABORT, 'an allowed domain is removed, never deleted'); END;
