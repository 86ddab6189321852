-- RMM Desk schema, version 13: the figures published for the safeguarding board.
--
-- The board's oversight login reads no child's record. On a server it reads the figures a
-- chair or administrator publishes for it instead, one period and one area (or every area,
-- area_id NULL) at a time, as the report gives them: counts of 1 to 4, and any figure that
-- would give one away, already hidden, their values never stored. A set is published once
-- and never changed or taken back; publishing the same period again adds a newer set, and
-- the newest is the one read.
CREATE TABLE board_figures (
  id            INTEGER PRIMARY KEY,
  area_id       INTEGER REFERENCES area (id),
  period_from   TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_to     TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                     AND period_to >= period_from),
  figures       TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  published_by  TEXT NOT NULL
);
CREATE INDEX board_figures_period ON board_figures (period_from, period_to, area_id, id);

CREATE TRIGGER board_figures_no_update BEFORE UPDATE ON board_figures
BEGIN SELECT RAISE(ABORT, 'published figures are published again, never changed'); END;
CREATE TRIGGER board_figures_no_delete BEFORE DELETE ON board_figures
BEGIN SELECT RAISE(ABORT, 'published figures are published again, never changed'); END;
