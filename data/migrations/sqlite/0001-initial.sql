-- RMM Desk schema, version 1: the whole domain of a CSE Risk Management Meeting.
--
-- Written in the SQL that SQLite and PostgreSQL share (TEXT dates in ISO 8601, INTEGER flags,
-- INSERT ... RETURNING); only the guard triggers at the end are SQLite's own and will have
-- PostgreSQL twins. Times are UTC ('2026-11-23T14:05:00Z'), dates are 'YYYY-MM-DD'.

CREATE TABLE database_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE area (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  framework TEXT NOT NULL          -- id of a data/frameworks/*.ini file
);

CREATE TABLE agency (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('childrens-services', 'family-services', 'police',
                                     'education', 'health', 'youth-offending', 'voluntary',
                                     'residential', 'adult-services', 'other'))
);

CREATE TABLE professional (
  id        INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency (id),
  full_name TEXT NOT NULL CHECK (length(full_name) > 0),
  role      TEXT NOT NULL DEFAULT '',
  email     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX professional_agency ON professional (agency_id);

CREATE TABLE child (
  id                INTEGER PRIMARY KEY,
  reference         TEXT NOT NULL UNIQUE CHECK (length(reference) > 0),
  first_name        TEXT NOT NULL,
  last_name         TEXT NOT NULL,
  date_of_birth     TEXT NOT NULL,
  gender            TEXT NOT NULL DEFAULT '',
  area_id           INTEGER NOT NULL REFERENCES area (id),
  school            TEXT NOT NULL DEFAULT '',
  social_worker_id  INTEGER REFERENCES professional (id),   -- allocated, if any
  looked_after      INTEGER NOT NULL DEFAULT 0 CHECK (looked_after IN (0, 1)),
  created_at        TEXT NOT NULL
);
CREATE INDEX child_area ON child (area_id);
CREATE INDEX child_name ON child (last_name, first_name);

-- A concern sent to the single point of access or to the lead professional.
CREATE TABLE referral (
  id                  INTEGER PRIMARY KEY,
  child_id            INTEGER NOT NULL REFERENCES child (id),
  route               TEXT NOT NULL CHECK (route IN ('single-point-of-access',
                                                     'lead-professional')),
  referrer_name       TEXT NOT NULL,
  referrer_agency_id  INTEGER REFERENCES agency (id),
  received_at         TEXT NOT NULL,
  concern_summary     TEXT NOT NULL DEFAULT '',
  screening_outcome   TEXT NOT NULL DEFAULT 'pending'
                      CHECK (screening_outcome IN ('pending', 'assessment-required',
                                                   'no-further-action', 'signposted')),
  decided_at          TEXT,
  source              TEXT NOT NULL DEFAULT ''             -- e.g. the import file's fingerprint
);
CREATE INDEX referral_child ON referral (child_id, received_at);
CREATE INDEX referral_received ON referral (received_at);

-- An agency's record of a concern it decided not to refer, with its reasons.
CREATE TABLE concern_not_referred (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER REFERENCES child (id),
  agency_id    INTEGER NOT NULL REFERENCES agency (id),
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  concern      TEXT NOT NULL,
  reasons      TEXT NOT NULL CHECK (length(reasons) > 0)
);

CREATE TABLE assessment (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES child (id),
  referral_id      INTEGER REFERENCES referral (id),
  assessor_id      INTEGER REFERENCES professional (id),
  started_on       TEXT NOT NULL,
  completed_on     TEXT,
  proposed_rating  TEXT,                                   -- a level id of the area's framework
  analysis         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_child ON assessment (child_id, started_on);

-- Surrey Table 1, one row per ticked vulnerability (keys from data/vulnerabilities).
CREATE TABLE assessment_vulnerability (
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id),
  vulnerability  TEXT NOT NULL,
  PRIMARY KEY (assessment_id, vulnerability)
);

CREATE TABLE assessment_indicator (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id),
  indicator      TEXT NOT NULL,
  significant    INTEGER NOT NULL DEFAULT 0 CHECK (significant IN (0, 1)),
  detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_indicator_assessment ON assessment_indicator (assessment_id);

CREATE TABLE missing_episode (
  id                 INTEGER PRIMARY KEY,
  child_id           INTEGER NOT NULL REFERENCES child (id),
  started_at         TEXT NOT NULL,
  ended_at           TEXT,
  reported_by_agency INTEGER REFERENCES agency (id),
  notes              TEXT NOT NULL DEFAULT '',
  recorded_at        TEXT NOT NULL
);
CREATE INDEX missing_episode_child ON missing_episode (child_id, started_at);

-- New information on an open case (disclosure, adult of concern, offence, placement breakdown…).
CREATE TABLE information_note (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES child (id),
  kind             TEXT NOT NULL,
  summary          TEXT NOT NULL,
  agency_id        INTEGER REFERENCES agency (id),
  police_sensitive INTEGER NOT NULL DEFAULT 0 CHECK (police_sensitive IN (0, 1)),
  recorded_at      TEXT NOT NULL
);
CREATE INDEX information_note_child ON information_note (child_id, recorded_at);

CREATE TABLE meeting (
  id                 INTEGER PRIMARY KEY,
  area_id            INTEGER NOT NULL REFERENCES area (id),
  meets_on           TEXT NOT NULL,
  starts_at          TEXT NOT NULL DEFAULT '10:00',
  location           TEXT NOT NULL DEFAULT '',
  chair_children_id  INTEGER REFERENCES professional (id),  -- Children's Services chair
  chair_family_id    INTEGER REFERENCES professional (id),  -- Family Services chair
  minute_taker_id    INTEGER REFERENCES professional (id),
  status             TEXT NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'open', 'concluded', 'signed-off')),
  opened_at          TEXT,
  concluded_at       TEXT,
  UNIQUE (area_id, meets_on),
  CHECK (chair_children_id IS NULL OR chair_children_id <> chair_family_id)
);
CREATE INDEX meeting_date ON meeting (meets_on);

CREATE TABLE attendance (
  id                   INTEGER PRIMARY KEY,
  meeting_id           INTEGER NOT NULL REFERENCES meeting (id),
  agency_id            INTEGER NOT NULL REFERENCES agency (id),
  professional_id      INTEGER REFERENCES professional (id),
  name                 TEXT NOT NULL DEFAULT '',
  status               TEXT NOT NULL CHECK (status IN ('present', 'apologies',
                                                       'sent-information', 'observer')),
  information_sent_at  TEXT
);
CREATE INDEX attendance_meeting ON attendance (meeting_id);

CREATE TABLE agenda_item (
  id                INTEGER PRIMARY KEY,
  meeting_id        INTEGER NOT NULL REFERENCES meeting (id),
  child_id          INTEGER NOT NULL REFERENCES child (id),
  position          INTEGER NOT NULL,
  reasons           TEXT NOT NULL,          -- space-separated: new-referral review-due trigger …
  time_box_minutes  INTEGER NOT NULL DEFAULT 5 CHECK (time_box_minutes > 0),
  status            TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'discussed', 'deferred', 'removed')),
  status_reason     TEXT NOT NULL DEFAULT '',
  minute_text       TEXT NOT NULL DEFAULT '',
  row_version       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (meeting_id, child_id)
);
CREATE INDEX agenda_item_child ON agenda_item (child_id);

-- A decision of the RMM. It stands once both chairs have confirmed it; from then on it is
-- immutable, and a correction is a new decision that supersedes it, with a reason.
CREATE TABLE decision (
  id                    INTEGER PRIMARY KEY,
  child_id              INTEGER NOT NULL REFERENCES child (id),
  meeting_id            INTEGER REFERENCES meeting (id),
  kind                  TEXT NOT NULL CHECK (kind IN ('risk-rating', 'lead-agency', 'closure',
                                                      'strategy-response', 'deferral')),
  value                 TEXT NOT NULL DEFAULT '',   -- rating level id, or a short outcome
  lead_agency_id        INTEGER REFERENCES agency (id),
  lead_professional_id  INTEGER REFERENCES professional (id),
  rationale             TEXT NOT NULL DEFAULT '',
  proposed_at           TEXT NOT NULL,
  chair1_id             INTEGER REFERENCES professional (id),
  chair1_confirmed_at   TEXT,
  chair2_id             INTEGER REFERENCES professional (id),
  chair2_confirmed_at   TEXT,
  dissent               TEXT NOT NULL DEFAULT '',   -- both views when the chairs disagree
  escalated             INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
  status                TEXT NOT NULL DEFAULT 'proposed'
                        CHECK (status IN ('proposed', 'disputed', 'confirmed')),
  supersedes_id         INTEGER UNIQUE REFERENCES decision (id),
  supersede_reason      TEXT NOT NULL DEFAULT '',
  CHECK (chair1_id IS NULL OR chair2_id IS NULL OR chair1_id <> chair2_id),
  CHECK (status <> 'confirmed' OR (chair1_confirmed_at IS NOT NULL
                                   AND chair2_confirmed_at IS NOT NULL)),
  CHECK (supersedes_id IS NULL OR length(supersede_reason) > 0)
);
CREATE INDEX decision_child ON decision (child_id, kind, proposed_at);
CREATE INDEX decision_meeting ON decision (meeting_id);

CREATE TABLE safety_plan (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES child (id),
  opened_on   TEXT NOT NULL,
  closed_on   TEXT,
  closure_decision_id INTEGER REFERENCES decision (id)
);
CREATE INDEX safety_plan_child ON safety_plan (child_id);

-- Each meeting's changes to a plan are a new version; versions are never changed.
CREATE TABLE safety_plan_version (
  id                  INTEGER PRIMARY KEY,
  plan_id             INTEGER NOT NULL REFERENCES safety_plan (id),
  version             INTEGER NOT NULL CHECK (version > 0),
  meeting_id          INTEGER REFERENCES meeting (id),
  risks               TEXT NOT NULL DEFAULT '',
  protective_factors  TEXT NOT NULL DEFAULT '',
  child_views         TEXT NOT NULL DEFAULT '',
  carer_views         TEXT NOT NULL DEFAULT '',
  direct_work_by      TEXT NOT NULL DEFAULT '',
  review_on           TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  UNIQUE (plan_id, version)
);

CREATE TABLE plan_action (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES safety_plan (id),
  meeting_id       INTEGER REFERENCES meeting (id),       -- where it was agreed
  description      TEXT NOT NULL CHECK (length(description) > 0),
  owner_id         INTEGER REFERENCES professional (id),
  agency_id        INTEGER REFERENCES agency (id),
  due_on           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'done', 'not-done-circumstances',
                                     'not-done-agency', 'carried-forward')),
  status_meeting_id INTEGER REFERENCES meeting (id),      -- where its status was reviewed
  family_visible   INTEGER NOT NULL DEFAULT 1 CHECK (family_visible IN (0, 1))
);
CREATE INDEX plan_action_plan ON plan_action (plan_id);
CREATE INDEX plan_action_due ON plan_action (status, due_on);

-- A strategy-discussion trigger: raised by a rule from recorded facts or by hand, open until
-- the RMM records a response confirmed by both chairs.
CREATE TABLE strategy_trigger (
  id         INTEGER PRIMARY KEY,
  child_id   INTEGER NOT NULL REFERENCES child (id),
  rule_id    TEXT NOT NULL,                 -- 'manual' when raised by hand
  raised_at  TEXT NOT NULL,
  raised_by  TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  facts      TEXT NOT NULL DEFAULT ''       -- space-separated entity:id of the facts behind it
);
CREATE INDEX strategy_trigger_child ON strategy_trigger (child_id);

CREATE TABLE trigger_response (
  id                   INTEGER PRIMARY KEY,
  trigger_id           INTEGER NOT NULL UNIQUE REFERENCES strategy_trigger (id),
  meeting_id           INTEGER REFERENCES meeting (id),
  convened             INTEGER NOT NULL CHECK (convened IN (0, 1)),
  convened_on          TEXT,
  agencies_present     TEXT NOT NULL DEFAULT '',
  outcome              TEXT NOT NULL DEFAULT '',
  section47            INTEGER NOT NULL DEFAULT 0 CHECK (section47 IN (0, 1)),
  reasons              TEXT NOT NULL DEFAULT '',  -- why not convened
  chair1_id            INTEGER REFERENCES professional (id),
  chair1_confirmed_at  TEXT,
  chair2_id            INTEGER REFERENCES professional (id),
  chair2_confirmed_at  TEXT,
  recorded_at          TEXT NOT NULL,
  CHECK (convened = 1 OR length(reasons) > 0),
  CHECK (convened = 0 OR convened_on IS NOT NULL)
);

CREATE TABLE closure (
  id                   INTEGER PRIMARY KEY,
  decision_id          INTEGER NOT NULL UNIQUE REFERENCES decision (id),
  reasons              TEXT NOT NULL CHECK (length(reasons) > 0),
  good_practice        TEXT NOT NULL DEFAULT '',
  onward_agency_id     INTEGER REFERENCES agency (id),
  onward_referral      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE transition (
  id                     INTEGER PRIMARY KEY,
  child_id               INTEGER NOT NULL UNIQUE REFERENCES child (id),
  planning_started_on    TEXT NOT NULL,
  adult_services         TEXT NOT NULL DEFAULT '',
  adult_package_agreed_on TEXT,
  s42_referral_on        TEXT,                  -- Care Act 2014 s42 adult-at-risk referral
  notes                  TEXT NOT NULL DEFAULT ''
);

-- Police-led disruption of perpetrators. Police-sensitive by definition: never on a
-- family-facing document.
CREATE TABLE disruption_note (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER REFERENCES child (id),
  subject_ref  TEXT NOT NULL,                 -- police reference for the person of concern
  tactic       TEXT NOT NULL CHECK (tactic IN ('cawn', 'shpo', 'srho', 'licensing',
                                               'harassment', 'observation', 'other')),
  detail       TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);
CREATE INDEX disruption_note_child ON disruption_note (child_id);

-- Append-only: who did what, when, to which record, with the record before and after. Each
-- event's hash covers the previous event's hash, so a change anywhere breaks the chain.
CREATE TABLE audit_event (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  before     TEXT NOT NULL DEFAULT '',
  after      TEXT NOT NULL DEFAULT '',
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);

-- Guards: SQLite's own syntax (PostgreSQL gets the same rules as plpgsql triggers).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

CREATE TRIGGER decision_confirmed_no_update BEFORE UPDATE ON decision
WHEN OLD.status = 'confirmed'
BEGIN SELECT RAISE(ABORT, 'a confirmed decision cannot be changed: supersede it'); END;
CREATE TRIGGER decision_confirmed_no_delete BEFORE DELETE ON decision
WHEN OLD.status = 'confirmed'
BEGIN SELECT RAISE(ABORT, 'a confirmed decision cannot be deleted: supersede it'); END;

CREATE TRIGGER safety_plan_version_no_update BEFORE UPDATE ON safety_plan_version
BEGIN SELECT RAISE(ABORT, 'safety plan versions are immutable: add a new version'); END;
CREATE TRIGGER safety_plan_version_no_delete BEFORE DELETE ON safety_plan_version
BEGIN SELECT RAISE(ABORT, 'safety plan versions are immutable'); END;

CREATE TRIGGER strategy_trigger_no_delete BEFORE DELETE ON strategy_trigger
BEGIN SELECT RAISE(ABORT, 'a strategy-discussion trigger cannot be deleted: record a response'); END;

CREATE TRIGGER trigger_response_confirmed_no_update BEFORE UPDATE ON trigger_response
WHEN OLD.chair1_confirmed_at IS NOT NULL AND OLD.chair2_confirmed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a confirmed trigger response cannot be changed'); END;
CREATE TRIGGER trigger_response_confirmed_no_delete BEFORE DELETE ON trigger_response
WHEN OLD.chair1_confirmed_at IS NOT NULL AND OLD.chair2_confirmed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a confirmed trigger response cannot be deleted'); END;

CREATE TRIGGER closure_no_update BEFORE UPDATE ON closure
BEGIN SELECT RAISE(ABORT, 'closure records are immutable'); END;
CREATE TRIGGER closure_no_delete BEFORE DELETE ON closure
BEGIN SELECT RAISE(ABORT, 'closure records are immutable'); END;
