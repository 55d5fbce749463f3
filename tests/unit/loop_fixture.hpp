// SPDX-License-Identifier: GPL-3.0-or-later
// A small in-memory world for the visit and demand tests: the built-in units, three officers,
// two enterprises (inserted with plain SQL until the registry commands land).
#pragma once

#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>

namespace hujing::test {

// Parse "YYYY-MM-DD" (the tests' dates are all valid).
inline util::Date date(const char* text) {
    return *util::parse_iso_date(text);
}

// Run `f` and return the exit status of the hujing::Error it throws (Exit::ok when none).
template <typename F>
Exit exit_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

// Run `f` and return the message of the hujing::Error it throws with its hint, or "".
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return std::string(e.what()) + " (" + e.hint() + ")";
    }
    return {};
}

struct LoopWorld {
    std::unique_ptr<storage::Database> db =
        storage::Database::open_memory(storage::Actor{"100001", "hujing test", {}, std::nullopt});
    std::int64_t enterprise = 0; // 浙江海亮股份有限公司, 店口镇
    std::int64_t other = 0;      // 诸暨袜业有限公司, 大唐街道

    LoopWorld() {
        {
            storage::WriteTransaction tx(*db);
            domain::load_builtin_units(tx, *db);
            tx.commit();
        }
        exec("INSERT INTO officer(badge, name, unit_id) SELECT '100001', '张警官', id FROM unit"
             " WHERE code = 'PCS-DK'");
        exec("INSERT INTO officer(badge, name, unit_id) SELECT '100002', '李警官', id FROM unit"
             " WHERE code = 'LLS-06'");
        exec("INSERT INTO officer(badge, name, unit_id) SELECT '100003', '王警官', id FROM unit"
             " WHERE code = 'JZDD'");
        exec("INSERT INTO enterprise(id, uscc, name, town, created_at, updated_at) VALUES"
             " (1, '91330681MA2EDNXU2B', '浙江海亮股份有限公司', '店口镇', '2025-01-01',"
             " '2025-01-01'),"
             " (2, '91330681MA2FF2KRXM', '诸暨袜业有限公司', '大唐街道', '2025-01-01',"
             " '2025-01-01')");
        enterprise = 1;
        other = 2;
    }

    void exec(const std::string& sql) {
        db->sql().exec(sql);
    }

    std::int64_t count(const std::string& sql) {
        return db->sql().execAndGet(sql).getInt64();
    }

    std::string text(const std::string& sql) {
        return db->sql().execAndGet(sql).getString();
    }

    std::int64_t officer_id(const char* badge) {
        return count(std::string("SELECT id FROM officer WHERE badge = '") + badge + "'");
    }

    std::int64_t unit_id(const char* code) {
        return count(std::string("SELECT id FROM unit WHERE code = '") + code + "'");
    }
};

} // namespace hujing::test
