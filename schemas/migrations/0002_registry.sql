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
    closed        TEXT
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
CREATE INDEX exemption_enterprise ON exemption(enterprise_id);

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

CREATE TABLE project_member (
    project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    officer_id INTEGER NOT NULL REFERENCES officer(id),
    duty       TEXT,
    PRIMARY KEY (project_id, officer_id)
) STRICT, WITHOUT ROWID;

-- Full-text search over name and address; trigram so Chinese substrings of 3+ characters match.
CREATE VIRTUAL TABLE enterprise_fts USING fts5(
    name, address, content='enterprise', content_rowid='id', tokenize='trigram');
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
SELECT e.id, e.uscc, e.name, e.town, e.industry, e.industry_code, e.scale, e.credit_grade,
       (SELECT group_concat(tag, ';') FROM (SELECT tag FROM enterprise_tag t
         WHERE t.enterprise_id = e.id ORDER BY tag)) AS tags,
       (SELECT group_concat(sector, ';') FROM (SELECT sector FROM enterprise_sector s
         WHERE s.enterprise_id = e.id ORDER BY sector)) AS sectors,
       e.created_at, e.updated_at
FROM enterprise e;
