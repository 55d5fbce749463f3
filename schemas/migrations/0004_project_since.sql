-- SPDX-License-Identifier: GPL-3.0-or-later
-- A project's visit clock starts on a date of its own (project add --since, default
-- today as --today gives it), not on the wall-clock time the row was written: a
-- back-filled project would otherwise look never due, or due from the wrong day.
ALTER TABLE project ADD COLUMN since TEXT NOT NULL DEFAULT '' CHECK (since = '' OR since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
UPDATE project SET since = substr(created_at, 1, 10);

DROP VIEW v_project;
CREATE VIEW v_project AS
SELECT p.id, p.name, p.enterprise_id, e.uscc, e.name AS enterprise_name, o.badge AS officer_badge,
       o.name AS officer_name, p.plan, p.archive_path, p.visit_interval_days, p.since, p.created_at,
       (SELECT count(*) FROM project_member m WHERE m.project_id = p.id) AS team_size
FROM project p
JOIN officer o ON o.id = p.officer_id
LEFT JOIN enterprise e ON e.id = p.enterprise_id;
