-- SPDX-License-Identifier: GPL-3.0-or-later
-- Enterprise-related cases (涉企案件): register, legal review (审核把关), pre-reports before a
-- detention of an entrepreneur or a measure on an enterprise's property (事前报备), recovered
-- losses (追赃挽损) and hanging cases (挂案).

-- status: accepted 受理 → filed 立案 → investigating 侦查 → prosecuted 移送起诉 → closed 结案;
-- or withdrawn 撤案 (from filed or investigating) / not_filed 不立案 (from accepted).
-- origin external: a case run by police elsewhere against a local enterprise (异地办案协作),
-- with the requesting agency. review: the result of the latest legal review (NULL: none yet);
-- prosecuted needs 'pass', and so does any move of an external case past accepted.
-- created: the day it was registered (受理); filed: the day it was filed (立案); closed: the day
-- it left the police (closed, withdrawn, not_filed). last_progress: the day of the latest
-- movement (any event but an edit of its fields), which `case stale` measures from.
CREATE TABLE case_ (
    id            INTEGER PRIMARY KEY,
    case_no       TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    type          TEXT NOT NULL CHECK (type IN ('合同诈骗', '职务侵占', '挪用资金', '串通投标',
                                                '商业贿赂', '侵犯知识产权', '非法经营', '敲诈勒索',
                                                '强揽工程', '寻衅滋事', '强迫交易', '暴力讨债',
                                                '聚众扰乱', '其他')),
    status        TEXT NOT NULL CHECK (status IN ('accepted', 'filed', 'investigating',
                                                  'prosecuted', 'closed', 'withdrawn',
                                                  'not_filed')),
    origin        TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'external')),
    agency        TEXT,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    created       TEXT NOT NULL,
    filed         TEXT,
    closed        TEXT,
    loss_fen      INTEGER NOT NULL DEFAULT 0 CHECK (loss_fen >= 0),
    last_progress TEXT NOT NULL,
    review        TEXT CHECK (review IS NULL OR review IN ('pass', 'return')),
    registered_by INTEGER NOT NULL REFERENCES officer(id),
    CHECK (origin = 'local' OR agency IS NOT NULL)
) STRICT;
-- `case list --type` and `case stale` are index range scans.
CREATE INDEX case_type ON case_(type, id);
CREATE INDEX case_status_progress ON case_(status, last_progress);
CREATE INDEX case_unit ON case_(unit_id, status);
CREATE INDEX case_created ON case_(created);

CREATE TABLE case_enterprise (
    case_id       INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
    role          TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'other')),
    PRIMARY KEY (case_id, enterprise_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_enterprise_enterprise ON case_enterprise(enterprise_id, case_id);

-- The legal unit's reviews, each with its reviewer (never the officer who registered the case).
CREATE TABLE case_review (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    result      TEXT NOT NULL CHECK (result IN ('pass', 'return')),
    note        TEXT NOT NULL,
    reviewer_id INTEGER NOT NULL REFERENCES officer(id)
) STRICT;
CREATE INDEX case_review_case ON case_review(case_id, id);

CREATE TABLE recovery (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    note       TEXT
) STRICT;
CREATE INDEX recovery_case ON recovery(case_id, date);

-- Pre-reports (事前报备), one state machine for both kinds: requested → approved | rejected,
-- approved → executed → lifted. kind detention: person, id_no (GB 11643, stored whole, masked
-- in all output), position, measure 拘留|逮捕|指定居所监视居住, enterprise_id when known;
-- kind property: enterprise_id, measure 查封|扣押|冻结, object, amount_fen. emergency = 1: executed
-- without an approval (`record --emergency`), with its reason; reviewed set by the later review.
CREATE TABLE prereport (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('detention', 'property')),
    status           TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected',
                                                     'executed', 'lifted')),
    measure          TEXT NOT NULL CHECK (measure IN ('拘留', '逮捕', '指定居所监视居住', '查封',
                                                      '扣押', '冻结')),
    person           TEXT,
    id_no            TEXT,
    position         TEXT CHECK (position IS NULL OR position IN ('法定代表人', '实际控制人',
                                                                  '高管', '股东', '其他')),
    enterprise_id    INTEGER REFERENCES enterprise(id),
    object           TEXT,
    amount_fen       INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    reason           TEXT NOT NULL,
    impact           TEXT NOT NULL,
    alternatives     TEXT,
    requested        TEXT NOT NULL,
    requested_by     INTEGER NOT NULL REFERENCES officer(id),
    decided          TEXT,
    decided_by       INTEGER REFERENCES officer(id),
    decision_note    TEXT,
    executed         TEXT,
    lifted           TEXT,
    emergency        INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
    emergency_reason TEXT,
    reviewed         TEXT,
    reviewed_by      INTEGER REFERENCES officer(id),
    review_note      TEXT,
    CHECK (kind = 'property' OR (person IS NOT NULL AND id_no IS NOT NULL)),
    CHECK (kind = 'detention' OR (enterprise_id IS NOT NULL AND amount_fen IS NOT NULL))
) STRICT;
CREATE INDEX prereport_case ON prereport(case_id, id);
CREATE INDEX prereport_enterprise ON prereport(enterprise_id, status) WHERE enterprise_id IS NOT NULL;
CREATE INDEX prereport_emergency ON prereport(case_id) WHERE emergency = 1 AND reviewed IS NULL;

-- The timeline of a case: one row per event. prereport_id: the pre-report a step was on.
CREATE TABLE case_event (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('add', 'update', 'progress', 'review',
                                                 'request', 'approve', 'reject', 'execute',
                                                 'emergency', 'lift', 'emergency_review',
                                                 'recover')),
    actor        TEXT NOT NULL,
    status       TEXT,
    note         TEXT,
    prereport_id INTEGER REFERENCES prereport(id)
) STRICT;
CREATE INDEX case_event_case ON case_event(case_id, id);

CREATE VIEW v_case AS
SELECT c.id, c.case_no, c.title, c.type, c.status,
       CASE c.status WHEN 'accepted' THEN '受理' WHEN 'filed' THEN '立案'
                     WHEN 'investigating' THEN '侦查' WHEN 'prosecuted' THEN '移送起诉'
                     WHEN 'closed' THEN '结案' WHEN 'withdrawn' THEN '撤案'
                     WHEN 'not_filed' THEN '不立案' END AS status_label,
       c.origin, c.agency, c.unit_id, u.code AS unit_code, u.name AS unit_name,
       c.filed, c.created, c.closed, c.loss_fen,
       coalesce((SELECT sum(r.amount_fen) FROM recovery r WHERE r.case_id = c.id), 0)
         AS recovered_fen,
       c.last_progress AS last_movement, c.review,
       o.badge AS registered_by
FROM case_ c
JOIN unit u ON u.id = c.unit_id
JOIN officer o ON o.id = c.registered_by;

CREATE VIEW v_case_enterprise AS
SELECT ce.case_id, ce.enterprise_id, ce.role, e.uscc, e.name AS enterprise_name
FROM case_enterprise ce
JOIN enterprise e ON e.id = ce.enterprise_id;

CREATE VIEW v_recovery AS
SELECT r.id, r.case_id, r.date, r.amount_fen, r.note FROM recovery r;

-- id_no is masked here too: a reader of the views never sees a whole ID number.
CREATE VIEW v_prereport AS
SELECT p.id, p.case_id, p.kind, p.status, p.emergency, (p.reviewed IS NOT NULL) AS reviewed,
       p.requested, p.decided, p.executed, p.lifted, p.enterprise_id, p.measure, p.person,
       CASE WHEN p.id_no IS NULL THEN NULL
            ELSE substr(p.id_no, 1, 6) || '********' || substr(p.id_no, 15) END AS id_no,
       p.position, p.object, p.amount_fen,
       rq.badge AS requested_by, dc.badge AS decided_by
FROM prereport p
JOIN officer rq ON rq.id = p.requested_by
LEFT JOIN officer dc ON dc.id = p.decided_by;
