// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/scope.hpp>
#include <hujing/reports/stale.hpp>

#if __has_include(<hujing/cases/stale.hpp>)
#include <hujing/cases/stale.hpp>
#define HUJING_HAVE_FIND_STALE 1
#endif

namespace hujing::domain {}

namespace hujing::cases {}

namespace hujing::reports {

#ifndef HUJING_HAVE_FIND_STALE
namespace {

// Open cases whose last movement is older than `case.stale_days` (default 90) on `as_of`.
std::vector<StaleRow> fallback(storage::Database& db, const std::string& as_of) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, case_no, unit_id, type, last_movement,"
                        " CAST(julianday(?1) - julianday(last_movement) AS INTEGER) FROM v_case"
                        " WHERE filed <= ?1 AND (closed IS NULL OR closed > ?1)"
                        " AND julianday(?1) - julianday(last_movement) >= coalesce((SELECT"
                        " CAST(value AS INTEGER) FROM setting WHERE key = 'case.stale_days'), 90)"
                        " ORDER BY id");
    q.bind(1, as_of);
    std::vector<StaleRow> out;
    while (q.executeStep()) {
        out.push_back(StaleRow{q.getColumn(0).getInt64(),
                               q.getColumn(1).getString(),
                               q.getColumn(2).getInt64(),
                               q.getColumn(3).getString(),
                               q.getColumn(4).getString(),
                               q.getColumn(5).getInt(),
                               "久未进展"});
    }
    return out;
}

} // namespace
#endif

std::vector<StaleRow> stale_cases_at(storage::Database& db, const std::string& as_of) {
    if (!has_relation(db, "v_case")) {
        return {};
    }
#ifdef HUJING_HAVE_FIND_STALE
    using namespace hujing::domain;
    using namespace hujing::cases;
    std::vector<StaleRow> out;
    for (const auto& s : find_stale_cases(db, as_of)) {
        out.push_back(
            StaleRow{s.case_id, s.case_no, s.unit_id, s.type, s.last_movement, s.days, s.reason});
    }
    return out;
#else
    return fallback(db, as_of);
#endif
}

} // namespace hujing::reports
