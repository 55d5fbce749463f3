-- SPDX-License-Identifier: GPL-3.0-or-later
-- Reports (两书一单): the document-number counter, the numbers given, and the indexes on event
-- dates that let a quarter's report read only that quarter.

-- The last number given in each year: a number given once is never given again, even if the
-- report it was given to is never printed.
CREATE TABLE report_counter (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
    last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;

-- One number per document of a quarter: kind prompt 提示书, advice 意见建议书, warning 风险预警单.
-- A re-run of the same quarter reuses its rows.
CREATE TABLE report_number (
    id     INTEGER PRIMARY KEY,
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
    kind   TEXT NOT NULL CHECK (kind IN ('prompt', 'advice', 'warning')),
    year   INTEGER NOT NULL,
    seq    INTEGER NOT NULL CHECK (seq > 0),
    issued TEXT NOT NULL,
    UNIQUE (period, kind),
    UNIQUE (year, seq)
) STRICT;

CREATE TRIGGER report_number_no_update BEFORE UPDATE ON report_number
BEGIN SELECT RAISE(ABORT, 'report numbers are never changed'); END;
CREATE TRIGGER report_number_no_delete BEFORE DELETE ON report_number
BEGIN SELECT RAISE(ABORT, 'report numbers are never reused'); END;
CREATE TRIGGER report_counter_no_decrease BEFORE UPDATE ON report_counter
WHEN new.last < old.last
BEGIN SELECT RAISE(ABORT, 'the report counter never goes back'); END;

CREATE VIEW v_report_number AS
SELECT id, period, kind, year, seq, issued,
       '诸公护企〔' || year || '〕第' || seq || '号' AS doc_no
FROM report_number;

-- Event dates: a quarter's figures are range scans over these (visit_date, demand_created and
-- demand_event_at exist already). Demands open at a date are found through the open ones and
-- through those resolved after it, never through the whole history.
CREATE INDEX demand_due_open ON demand(due) WHERE resolved IS NULL;
CREATE INDEX demand_resolved ON demand(resolved) WHERE resolved IS NOT NULL;
CREATE INDEX demand_due ON demand(due);
CREATE INDEX risk_opened ON risk(opened);
CREATE INDEX risk_closed ON risk(closed) WHERE closed IS NOT NULL;
