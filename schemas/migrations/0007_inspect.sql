-- SPDX-License-Identifier: GPL-3.0-or-later
-- Combined inspection (综合查一次) with YAML forms, and the double-random draw (双随机、一公开).

-- One row per loaded version of a form; a changed form is a new version (content_hash differs).
CREATE TABLE form (
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    name         TEXT NOT NULL,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    basis        TEXT,
    content_hash TEXT NOT NULL,
    yaml         TEXT NOT NULL,
    loaded       TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE form_item (
    form_id      TEXT NOT NULL,
    version      INTEGER NOT NULL,
    item_id      TEXT NOT NULL,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('yesno', 'number', 'text', 'choice')),
    required     INTEGER NOT NULL CHECK (required IN (0, 1)),
    severity     TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    basis        TEXT,
    rectify_days INTEGER NOT NULL CHECK (rectify_days >= 0),
    min          REAL,
    max          REAL,
    unit         TEXT,
    choices      TEXT,              -- JSON array (choice items)
    pass         TEXT,              -- JSON array of the passing choices
    PRIMARY KEY (form_id, version, item_id),
    FOREIGN KEY (form_id, version) REFERENCES form(id, version) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- What a form applies to: enterprises with one of these sectors or tags.
CREATE TABLE form_applies (
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('sector', 'tag')),
    value   TEXT NOT NULL,
    PRIMARY KEY (form_id, version, kind, value),
    FOREIGN KEY (form_id, version) REFERENCES form(id, version) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- ratio and credit_factors are decimal text as typed (the draw computes in integers);
-- count is set instead of ratio for --count, neither for a targeted plan (--enterprises).
CREATE TABLE inspection_plan (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE,
    targeted            INTEGER NOT NULL CHECK (targeted IN (0, 1)),
    ratio               TEXT,
    count               INTEGER CHECK (count IS NULL OR count >= 1),
    team_size           INTEGER NOT NULL CHECK (team_size >= 2),
    window_from         TEXT NOT NULL,
    window_to           TEXT NOT NULL CHECK (window_to >= window_from),
    seed                TEXT NOT NULL,
    credit_factors      TEXT NOT NULL,
    exclude_recent_days INTEGER NOT NULL CHECK (exclude_recent_days >= 0),
    created             TEXT NOT NULL,
    drawn_at            TEXT,
    candidates          INTEGER,       -- how many candidates the draw saw
    grade_counts        TEXT,          -- "A=n,B=n,C=n,D=n" of the candidates
    candidate_digest    TEXT,          -- SHA-256 of the candidate lines (man hujing-inspect)
    pool_digest         TEXT,          -- SHA-256 of the inspector pool lines
    published           TEXT,
    CHECK (targeted = 1 OR (ratio IS NULL) <> (count IS NULL))
) STRICT;

CREATE TABLE plan_form (
    plan_id  INTEGER NOT NULL REFERENCES inspection_plan(id) ON DELETE CASCADE,
    form_id  TEXT NOT NULL,
    -- After the key columns: SQLite 3.40's integrity_check misreports a NOT NULL column that
    -- stands before a key column of a WITHOUT ROWID table as NULL.
    position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, form_id)
) STRICT, WITHOUT ROWID;

-- The enterprises given to a targeted plan (定向检查), before its draw forms the teams.
CREATE TABLE plan_enterprise (
    plan_id       INTEGER NOT NULL REFERENCES inspection_plan(id) ON DELETE CASCADE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
    PRIMARY KEY (plan_id, enterprise_id)
) STRICT, WITHOUT ROWID;

-- The drawn targets in draw order; team = rank (the team of plan_inspector).
CREATE TABLE plan_target (
    plan_id       INTEGER NOT NULL REFERENCES inspection_plan(id) ON DELETE CASCADE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
    rank          INTEGER NOT NULL CHECK (rank >= 1),
    team          INTEGER NOT NULL,
    credit_grade  TEXT NOT NULL CHECK (credit_grade IN ('A', 'B', 'C', 'D')),
    ticket        TEXT NOT NULL,
    PRIMARY KEY (plan_id, enterprise_id),
    UNIQUE (plan_id, rank)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_inspector (
    plan_id    INTEGER NOT NULL REFERENCES inspection_plan(id) ON DELETE CASCADE,
    team       INTEGER NOT NULL,
    officer_id INTEGER NOT NULL REFERENCES officer(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (plan_id, team, officer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_inspector_officer ON plan_inspector(officer_id);

-- conclusion: none_found 未发现问题, corrected 发现问题已责令改正, pending 发现问题待后续处理,
-- uncooperative 不配合检查, no_activity 未发现开展本次抽查涉及的经营活动,
-- unreachable 通过登记的住所无法联系. unit_id: the inspecting unit of the first form.
CREATE TABLE inspection (
    id             INTEGER PRIMARY KEY,
    enterprise_id  INTEGER NOT NULL REFERENCES enterprise(id),
    date           TEXT NOT NULL,
    plan_id        INTEGER REFERENCES inspection_plan(id),
    conclusion     TEXT NOT NULL CHECK (conclusion IN ('none_found', 'corrected', 'pending',
                                                       'uncooperative', 'no_activity',
                                                       'unreachable')),
    unit_id        INTEGER NOT NULL REFERENCES unit(id),
    created        TEXT NOT NULL,
    published      TEXT,
    published_late INTEGER CHECK (published_late IS NULL OR published_late IN (0, 1))
) STRICT;
CREATE INDEX inspection_enterprise ON inspection(enterprise_id, date);
CREATE INDEX inspection_date ON inspection(date);
CREATE INDEX inspection_plan_ix ON inspection(plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX inspection_unit ON inspection(unit_id, date);

CREATE TABLE inspection_officer (
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    officer_id    INTEGER NOT NULL REFERENCES officer(id),
    PRIMARY KEY (inspection_id, officer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE inspection_form (
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    form_id       TEXT NOT NULL,
    form_version  INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    PRIMARY KEY (inspection_id, form_id),
    FOREIGN KEY (form_id, form_version) REFERENCES form(id, version)
) STRICT, WITHOUT ROWID;
CREATE INDEX inspection_form_form ON inspection_form(form_id);

-- value: the answer as given (a number, a choice, a text); result judged from it.
CREATE TABLE inspection_result (
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    form_id       TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    result        TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),
    value         TEXT,
    note          TEXT,
    PRIMARY KEY (inspection_id, form_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE rectification (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    form_id       TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    due           TEXT NOT NULL,
    done          TEXT,
    note          TEXT,
    UNIQUE (inspection_id, form_id, item_id)
) STRICT;
CREATE INDEX rectification_open ON rectification(done, due);

CREATE VIEW v_inspection AS
SELECT i.id, i.enterprise_id, e.uscc, e.name AS enterprise_name, i.date, i.plan_id,
       i.conclusion, i.unit_id, u.code AS unit_code, u.name AS unit_name, i.published,
       coalesce(i.published_late, 0) AS published_late,
       (SELECT group_concat(form_id, ';') FROM (SELECT form_id FROM inspection_form f
         WHERE f.inspection_id = i.id ORDER BY f.position)) AS forms
FROM inspection i
JOIN enterprise e ON e.id = i.enterprise_id
JOIN unit u ON u.id = i.unit_id;

CREATE VIEW v_inspection_result AS
SELECT r.inspection_id, r.form_id, f.form_version, r.item_id, r.result, r.note, r.value
FROM inspection_result r
JOIN inspection_form f ON f.inspection_id = r.inspection_id AND f.form_id = r.form_id;

CREATE VIEW v_rectification AS
SELECT id, inspection_id, form_id, item_id, due, done, note FROM rectification;

CREATE VIEW v_inspection_plan AS
SELECT id, name, targeted, window_from, window_to, drawn_at, published, seed, ratio, count,
       team_size, candidates, candidate_digest, pool_digest
FROM inspection_plan;

CREATE VIEW v_plan_target AS
SELECT t.plan_id, t.enterprise_id, t.rank, t.team, e.uscc, t.credit_grade, t.ticket,
       (SELECT group_concat(badge, ';') FROM (SELECT o.badge FROM plan_inspector pi
         JOIN officer o ON o.id = pi.officer_id
         WHERE pi.plan_id = t.plan_id AND pi.team = t.team ORDER BY pi.position)) AS inspectors
FROM plan_target t
JOIN enterprise e ON e.id = t.enterprise_id;
