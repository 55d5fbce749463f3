-- SPDX-License-Identifier: GPL-3.0-or-later
-- The enterprise registry (一企一档) and key projects (五个一).

CREATE TABLE enterprise (
    id            INTEGER PRIMARY KEY,
    uscc          TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
    name          TEXT NOT NULL,
    town          TEXT,
    industry      TEXT,
    industry_code TEXT CHECK (industry_code IS NULL OR (length(industry_code) = 4
                                                        AND industry_code NOT GLOB '*[^0-9]*')),
    scale         TEXT CHECK (scale IS NULL OR scale IN ('above', 'below')),
    legal_rep     TEXT,
    phone         TEXT,
    address       TEXT,
    credit_grade  TEXT CHECK (credit_grade IS NULL OR credit_grade IN ('A', 'B', 'C', 'D')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX enterprise_town ON enterprise(town);
CREATE INDEX enterprise_industry ON enterprise(industry);
CREATE INDEX enterprise_credit ON enterprise(credit_grade);

CREATE TABLE enterprise_tag (
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
    tag           TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX enterprise_tag_tag ON enterprise_tag(tag);

CREATE TABLE enterprise_sector (
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
    sector        TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, sector)
) STRICT, WITHOUT ROWID;
CREATE INDEX enterprise_sector_sector ON enterprise_sector(sector);

CREATE TABLE enterprise_officer (
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
    officer_id    INTEGER NOT NULL REFERENCES officer(id),
    role          TEXT NOT NULL CHECK (role IN ('企业警官', '行业警官', '市场警官', '项目警官', '知产警官')),
    since         TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, officer_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX enterprise_officer_officer ON enterprise_officer(officer_id);

CREATE TABLE credit_event (
    id            INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
    grade         TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    kind          TEXT NOT NULL DEFAULT 'evaluation' CHECK (kind IN ('evaluation', 'repair')),
    reason        TEXT NOT NULL,
    date          TEXT NOT NULL
) STRICT;
CREATE INDEX credit_event_enterprise ON credit_event(enterprise_id, date);

CREATE TABLE risk (
    id            INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
    level         TEXT NOT NULL CHECK (level IN ('red', 'orange', 'yellow', 'blue')),
    description   TEXT NOT NULL,
    unit_id       INTEGER REFERENCES unit(id),
    leader        TEXT,
    opened        TEXT NOT NULL,
    closed        TEXT CHECK (closed IS NULL OR closed >= opened)
) STRICT;
CREATE INDEX risk_enterprise ON risk(enterprise_id);
CREATE INDEX risk_open ON risk(closed) WHERE closed IS NULL;

CREATE TABLE exemption (
    id            INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
    form_id       TEXT NOT NULL,
    until         TEXT NOT NULL,
    reason        TEXT NOT NULL
) STRICT;
CREATE INDEX exemption_enterprise ON exemption(enterprise_id, form_id);

CREATE TABLE project (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE,
    enterprise_id       INTEGER REFERENCES enterprise(id),
    officer_id          INTEGER NOT NULL REFERENCES officer(id),
    plan                TEXT,
    archive_path        TEXT,
    visit_interval_days INTEGER CHECK (visit_interval_days IS NULL OR visit_interval_days > 0),
    created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX project_enterprise ON project(enterprise_id);
CREATE INDEX project_officer ON project(officer_id);

CREATE TABLE project_member (
    project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    officer_id INTEGER NOT NULL REFERENCES officer(id),
    duty       TEXT,
    PRIMARY KEY (project_id, officer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX project_member_officer ON project_member(officer_id);

-- Full-text search over name and address; trigram so Chinese substrings of 3+ characters match.
-- case_sensitive 1: a phrase query then matches exactly the rows containing the text, the same
-- rows as instr() — the fallback for queries under three characters.
CREATE VIRTUAL TABLE enterprise_fts USING fts5(
    name, address, content='enterprise', content_rowid='id', tokenize='trigram case_sensitive 1');
CREATE TRIGGER enterprise_fts_insert AFTER INSERT ON enterprise BEGIN
    INSERT INTO enterprise_fts(rowid, name, address) VALUES (new.id, new.name, new.address);
END;
CREATE TRIGGER enterprise_fts_delete AFTER DELETE ON enterprise BEGIN
    INSERT INTO enterprise_fts(enterprise_fts, rowid, name, address)
    VALUES ('delete', old.id, old.name, old.address);
END;
CREATE TRIGGER enterprise_fts_update AFTER UPDATE OF name, address ON enterprise BEGIN
    INSERT INTO enterprise_fts(enterprise_fts, rowid, name, address)
    VALUES ('delete', old.id, old.name, old.address);
    INSERT INTO enterprise_fts(rowid, name, address) VALUES (new.id, new.name, new.address);
END;

CREATE VIEW v_enterprise AS
SELECT e.id, e.uscc, e.name, e.town, e.industry, e.industry_code, e.scale, e.legal_rep,
       e.address, e.credit_grade,
       (SELECT group_concat(tag, ';') FROM (SELECT tag FROM enterprise_tag t
         WHERE t.enterprise_id = e.id ORDER BY tag)) AS tags,
       (SELECT group_concat(sector, ';') FROM (SELECT sector FROM enterprise_sector s
         WHERE s.enterprise_id = e.id ORDER BY sector)) AS sectors,
       e.created_at, e.updated_at
FROM enterprise e;

-- Who looks after which enterprise (assignments with the officer's badge and unit).
CREATE VIEW v_enterprise_officer AS
SELECT a.enterprise_id, e.uscc, e.name AS enterprise_name, o.badge, o.name AS officer_name,
       u.name AS unit_name, a.role, a.since
FROM enterprise_officer a
JOIN enterprise e ON e.id = a.enterprise_id
JOIN officer o ON o.id = a.officer_id
JOIN unit u ON u.id = o.unit_id;

-- Risk assessments with the enterprise and the responsible unit; open when closed IS NULL.
CREATE VIEW v_risk AS
SELECT r.id, r.enterprise_id, e.uscc, e.name AS enterprise_name, r.level, r.description,
       u.code AS unit_code, u.name AS unit_name, r.leader, r.opened, r.closed
FROM risk r
JOIN enterprise e ON e.id = r.enterprise_id
LEFT JOIN unit u ON u.id = r.unit_id;

-- Key projects (五个一) with their enterprise and project officer.
CREATE VIEW v_project AS
SELECT p.id, p.name, p.enterprise_id, e.uscc, e.name AS enterprise_name, o.badge AS officer_badge,
       o.name AS officer_name, p.plan, p.archive_path, p.visit_interval_days, p.created_at,
       (SELECT count(*) FROM project_member m WHERE m.project_id = p.id) AS team_size
FROM project p
JOIN officer o ON o.id = p.officer_id
LEFT JOIN enterprise e ON e.id = p.enterprise_id;
