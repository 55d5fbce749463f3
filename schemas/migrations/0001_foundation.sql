-- SPDX-License-Identifier: GPL-3.0-or-later
-- Foundation: settings, the audit chain, units and officers.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,            -- UTC, ISO 8601 with milliseconds
    actor     TEXT NOT NULL,
    command   TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    action    TEXT NOT NULL,
    before    TEXT,                     -- canonical JSON or NULL
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE unit (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL CHECK (kind IN ('police_team', 'station', 'agency', 'centre',
                                            'subcentre', 'liaison_room')),
    parent_id INTEGER REFERENCES unit(id)
) STRICT;

CREATE TABLE officer (
    id        INTEGER PRIMARY KEY,
    badge     TEXT NOT NULL UNIQUE CHECK (length(badge) = 6 AND badge NOT GLOB '*[^0-9]*'),
    name      TEXT NOT NULL,
    unit_id   INTEGER NOT NULL REFERENCES unit(id),
    phone     TEXT,
    inspector INTEGER NOT NULL DEFAULT 0 CHECK (inspector IN (0, 1)),
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX officer_unit ON officer(unit_id);

CREATE TABLE officer_role (
    officer_id INTEGER NOT NULL REFERENCES officer(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('企业警官', '行业警官', '市场警官', '项目警官', '知产警官')),
    PRIMARY KEY (officer_id, role)
) STRICT, WITHOUT ROWID;

CREATE VIEW v_officer AS
SELECT o.id, o.badge, o.name, u.code AS unit_code, u.name AS unit_name, o.phone,
       o.inspector, o.active,
       (SELECT group_concat(role, ';') FROM (SELECT role FROM officer_role r
         WHERE r.officer_id = o.id ORDER BY role)) AS roles
FROM officer o JOIN unit u ON u.id = o.unit_id;
