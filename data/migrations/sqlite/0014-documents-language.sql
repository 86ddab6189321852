-- RMM Desk schema, version 14: each area's documents language.
--
-- An area in Wales sends its families their safety plans in Welsh, or in Welsh and English
-- (Welsh first, as the Welsh Language Standards expect): the language its documents are
-- written in unless an export asks for another, whatever language the window is in.
ALTER TABLE area ADD COLUMN documents_language TEXT NOT NULL DEFAULT 'en'
  CHECK (documents_language IN ('en', 'cy', 'both'));
