// SPDX-License-Identifier: GPL-3.0-or-later
// SQL shared by the figures and the rules of the demand loop: the demands open at a date, found
// through the open ones and those resolved after the date (two index range scans), never through
// the whole history.
#pragma once

namespace hujing::reports::sql {

// Demands past their deadline at :as_of and not resolved by then: (id, enterprise_id, unit_id,
// due).
// INDEXED BY keeps the planner off demand_due, whose range "due < :as_of" is the whole history.
inline constexpr const char* k_overdue_at =
    "SELECT id, enterprise_id, unit_id, due FROM demand INDEXED BY demand_due_open"
    " WHERE resolved IS NULL AND due < :as_of"
    " UNION ALL SELECT id, enterprise_id, unit_id, due FROM demand INDEXED BY demand_resolved"
    " WHERE resolved > :as_of AND due < :as_of";

// Demands collected by :as_of and not resolved by then: (id, category).
inline constexpr const char* k_open_at =
    "SELECT id, category FROM demand INDEXED BY demand_due_open"
    " WHERE resolved IS NULL AND created <= :as_of"
    " UNION ALL SELECT id, category FROM demand INDEXED BY demand_resolved"
    " WHERE resolved > :as_of AND created <= :as_of";

// The ratings given in the period (rate, and the low ratings that reopened a demand): (demand_id,
// unit_id, score).
inline constexpr const char* k_ratings =
    "SELECT ev.demand_id, d.unit_id, ev.score FROM demand_event ev JOIN demand d ON d.id ="
    " ev.demand_id WHERE ev.at BETWEEN :from AND :to || 'T99' AND ev.action IN ('rate', 'reopen')"
    " AND ev.score IS NOT NULL";

// Risk assessments open at :as_of: (id, enterprise_id, level, description, unit_id, leader,
// opened).
inline constexpr const char* k_open_risks =
    "SELECT id, enterprise_id, level, description, unit_id, leader, opened FROM risk"
    " WHERE closed IS NULL AND opened <= :as_of"
    " UNION ALL SELECT id, enterprise_id, level, description, unit_id, leader, opened FROM risk"
    " WHERE closed > :as_of AND opened <= :as_of";

} // namespace hujing::reports::sql
