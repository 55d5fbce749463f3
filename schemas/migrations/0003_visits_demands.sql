-- SPDX-License-Identifier: GPL-3.0-or-later
-- Visits (走访) and the enterprise demand loop (收集 → 流转 → 处置 → 反馈 → 评价).

CREATE TABLE visit (
    id            INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
    date          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('走访', '座谈', '恳谈会', '联席会商', '上门帮办', '宣传')),
    summary       TEXT NOT NULL,
    project_id    INTEGER REFERENCES project(id),
    created_at    TEXT NOT NULL          -- the day it was logged (--today)
) STRICT;
CREATE INDEX visit_enterprise ON visit(enterprise_id, date);
CREATE INDEX visit_date ON visit(date);
CREATE INDEX visit_project ON visit(project_id, date) WHERE project_id IS NOT NULL;

CREATE TABLE visit_officer (
    visit_id   INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
    officer_id INTEGER NOT NULL REFERENCES officer(id),
    PRIMARY KEY (visit_id, officer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_officer_officer ON visit_officer(officer_id, visit_id);

-- status: collected 已收集 → routed 已流转 → resolved 已处置 → fed_back 已反馈 → rated 已评价.
-- due and sla_days are set by route (sla_days: the working days the deadline was given, reused
-- when a low rating reopens the demand); resolved/on_time by `handle --resolved`; closed, score
-- and comment by `rate` (a score of 1 or 2 reopens: status routed again, reopens + 1, closed
-- stays NULL, score keeps the rating that reopened it).
CREATE TABLE demand (
    id            INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
    visit_id      INTEGER REFERENCES visit(id),
    category      TEXT NOT NULL CHECK (category IN ('治安', '经济犯罪', '出入境', '交通', '户政',
                                                    '审批', '网络安全', '知识产权', '其他')),
    text          TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('走访', '联络站', '12345', '窗口', '其他')),
    status        TEXT NOT NULL CHECK (status IN ('collected', 'routed', 'resolved', 'fed_back',
                                                  'rated')),
    unit_id       INTEGER REFERENCES unit(id),
    due           TEXT,
    sla_days      INTEGER CHECK (sla_days IS NULL OR sla_days >= 0),
    created       TEXT NOT NULL,
    resolved      TEXT,
    on_time       INTEGER CHECK (on_time IS NULL OR on_time IN (0, 1)),
    closed        TEXT,
    reopens       INTEGER NOT NULL DEFAULT 0,
    escalations   INTEGER NOT NULL DEFAULT 0,
    score         INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    comment       TEXT,
    CHECK (status = 'collected' OR (unit_id IS NOT NULL AND due IS NOT NULL))
) STRICT;
-- `demand list --overdue` is a range scan: status = 'routed' AND due < today.
CREATE INDEX demand_status_due ON demand(status, due);
CREATE INDEX demand_enterprise ON demand(enterprise_id, status);
CREATE INDEX demand_unit ON demand(unit_id, status);
CREATE INDEX demand_created ON demand(created);
CREATE INDEX demand_visit ON demand(visit_id) WHERE visit_id IS NOT NULL;

-- The timeline: one row per change. action: add, route, transfer, handle, resolve, feedback,
-- rate, reopen (a rating of 1 or 2), escalate. unit_id/due: the unit and deadline after the
-- event (route, transfer, escalate, reopen; resolve records the deadline it was measured
-- against); score: the rating (rate, reopen).
CREATE TABLE demand_event (
    id        INTEGER PRIMARY KEY,
    demand_id INTEGER NOT NULL REFERENCES demand(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('add', 'route', 'transfer', 'handle', 'resolve',
                                              'feedback', 'rate', 'reopen', 'escalate')),
    actor     TEXT NOT NULL,
    note      TEXT,
    unit_id   INTEGER REFERENCES unit(id),
    due       TEXT,
    score     INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5)
) STRICT;
CREATE INDEX demand_event_demand ON demand_event(demand_id, id);
CREATE INDEX demand_event_at ON demand_event(at, action);

CREATE VIEW v_visit AS
SELECT v.id, v.date, v.kind, v.enterprise_id, e.uscc, e.name AS enterprise_name, e.town,
       v.summary, v.project_id, p.name AS project_name,
       (SELECT group_concat(badge, ';') FROM (SELECT o.badge FROM visit_officer vo
         JOIN officer o ON o.id = vo.officer_id WHERE vo.visit_id = v.id ORDER BY o.badge))
         AS officers,
       (SELECT count(*) FROM demand d WHERE d.visit_id = v.id) AS demands
FROM visit v
JOIN enterprise e ON e.id = v.enterprise_id
LEFT JOIN project p ON p.id = v.project_id;

-- overdue uses the local date of the reader (hujing itself uses --today).
CREATE VIEW v_demand AS
SELECT d.id, d.enterprise_id, e.uscc, e.name AS enterprise_name, e.town, d.visit_id,
       d.category, d.text, d.source, d.status,
       CASE d.status WHEN 'collected' THEN '已收集' WHEN 'routed' THEN '已流转'
                     WHEN 'resolved' THEN '已处置' WHEN 'fed_back' THEN '已反馈'
                     WHEN 'rated' THEN '已评价' END AS status_label,
       d.unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind,
       d.due, d.sla_days, d.created, d.resolved, d.on_time, d.closed, d.reopens,
       d.escalations, d.score, d.comment,
       (d.status = 'routed' AND d.due < date('now', 'localtime')) AS overdue
FROM demand d
JOIN enterprise e ON e.id = d.enterprise_id
LEFT JOIN unit u ON u.id = d.unit_id;

CREATE VIEW v_demand_event AS
SELECT ev.id, ev.demand_id, ev.at, ev.action, ev.actor, ev.note, ev.unit_id,
       u.code AS unit_code, u.name AS unit_name, ev.due, ev.score
FROM demand_event ev
LEFT JOIN unit u ON u.id = ev.unit_id;
