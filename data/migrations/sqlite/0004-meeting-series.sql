-- RMM Desk schema, version 4: each area's weekly meetings as a series.
--
-- An area meets on the same weekday at the same time and place, with the same chairs and
-- minute-taker, unless a meeting is changed on its own. The series keeps the meetings
-- scheduled at least eight weeks ahead, moving one that falls on a bank holiday to the next
-- working day.
CREATE TABLE meeting_series (
  id                 INTEGER PRIMARY KEY,
  area_id            INTEGER NOT NULL UNIQUE REFERENCES area (id),
  weekday            INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),   -- 1 Monday … 5 Friday
  starts_at          TEXT NOT NULL CHECK (starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  location           TEXT NOT NULL DEFAULT '',
  chair_children_id  INTEGER REFERENCES professional (id),
  chair_family_id    INTEGER REFERENCES professional (id),
  minute_taker_id    INTEGER REFERENCES professional (id),
  CHECK (chair_children_id IS NULL OR chair_children_id <> chair_family_id)
);
