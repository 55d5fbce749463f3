// SPDX-License-Identifier: GPL-3.0-or-later
// An in-memory database for the report tests: the built-in units, three enterprises, and plain
// SQL helpers that put demands, ratings and risks exactly where a test wants them.
#pragma once

#include <hujing/org/unit.hpp>
#include <hujing/reports/scope.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <string>

namespace hujing::test {

struct ReportWorld {
    std::unique_ptr<storage::Database> db = storage::Database::open_memory();

    ReportWorld() {
        {
            storage::WriteTransaction tx(*db);
            domain::load_builtin_units(tx, *db);
            tx.commit();
        }
        exec("INSERT INTO enterprise(id, uscc, name, town, industry, created_at, updated_at) VALUES"
             " (1, '91330681MA2EDNXU2B', '甲铜业', '店口镇', '铜加工', 'x', 'x'),"
             " (2, '91330681MA2FF2KRXM', '乙袜业', '大唐街道', '袜业', 'x', 'x'),"
             " (3, '91330681MA2FHT6Q7K', '丙袜业', '大唐街道', '袜业', 'x', 'x')");
    }

    // Drop the reporting views of cases and inspections (present once those capabilities are
    // built in), so a test can stand in plain tables of the same names.
    void drop_contract_views() const {
        for (const char* v : {"v_case",
                              "v_case_enterprise",
                              "v_recovery",
                              "v_prereport",
                              "v_inspection",
                              "v_inspection_result",
                              "v_rectification",
                              "v_inspection_plan",
                              "v_plan_target"}) {
            SQLite::Statement q(db->sql(),
                                "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?");
            q.bind(1, v);
            if (q.executeStep()) {
                exec(fmt::format("DROP VIEW {}", v));
            }
        }
    }

    void exec(const std::string& sql) const {
        db->sql().exec(sql);
    }

    // The id of the unit with `code`.
    [[nodiscard]] std::int64_t unit(const char* code) const {
        SQLite::Statement q(db->sql(), "SELECT id FROM unit WHERE code = ?");
        q.bind(1, code);
        q.executeStep();
        return q.getColumn(0).getInt64();
    }

    // A routed demand of `enterprise` at unit `code`, created `created`, due `due`, resolved on
    // `resolved` ("" for NULL); returns its id.
    std::int64_t demand(std::int64_t enterprise,
                        const char* code,
                        const char* created,
                        const char* due,
                        const char* resolved = "",
                        const char* category = "治安") const {
        const std::string res = *resolved ? fmt::format("'{}'", resolved) : "NULL";
        exec(
            fmt::format("INSERT INTO demand(enterprise_id, category, text, source, status, unit_id,"
                        " due, created, resolved) VALUES ({}, '{}', 't', '走访', '{}', {}, '{}',"
                        " '{}', {})",
                        enterprise,
                        category,
                        *resolved ? "resolved" : "routed",
                        unit(code),
                        due,
                        created,
                        res));
        return db->sql().getLastInsertRowid();
    }

    // A rating `score` of demand `id` on `at`.
    void rate(std::int64_t id, int score, const char* at) const {
        exec(fmt::format("INSERT INTO demand_event(demand_id, at, action, actor, score) VALUES"
                         " ({}, '{}', '{}', '100001', {})",
                         id,
                         at,
                         score <= 2 ? "reopen" : "rate",
                         score));
    }
};

// The scope of quarter `label` ("2025Q3") seen well after its end.
inline reports::Scope quarter(const char* label) {
    const auto today = *util::parse_iso_date("2026-06-30");
    return reports::make_scope(util::parse_period(label, today), today);
}

} // namespace hujing::test
