// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/storage/transaction.hpp>

#include <doctest/doctest.h>

using namespace hujing;

TEST_SUITE("hujing::domain::config") {
    TEST_CASE("unset settings read their defaults") {
        auto db = storage::Database::open_memory();
        CHECK(domain::get_int_setting(*db, "visit.interval.项目警官") == 30);
        CHECK(domain::get_int_setting(*db, "visit.interval.企业警官") == 90);
        CHECK(domain::get_int_setting(*db, "demand.sla.治安") == 5);
        CHECK(domain::get_int_setting(*db, "case.stale_days") == 180);
    }

    TEST_CASE("a stored value wins and is audited") {
        auto db = storage::Database::open_memory();
        storage::WriteTransaction tx(*db);
        domain::set_setting(tx, *db, "demand.sla.治安", "7");
        tx.commit();
        CHECK(domain::get_setting(*db, "demand.sla.治安") == "7");
        CHECK(
            db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE entity = 'setting'").getInt()
            == 1);
    }

    TEST_CASE("unknown keys and out-of-range values are invalid") {
        auto db = storage::Database::open_memory();
        storage::WriteTransaction tx(*db);
        for (const auto& setting :
             std::vector<std::pair<std::string, std::string>>{{"no.such.key", "1"},
                                                              {"demand.sla.治安", "0"},
                                                              {"demand.sla.治安", "16"},
                                                              {"demand.sla.治安", "5x"}}) {
            // Named references: clang 14 cannot capture structured bindings (CAPTURE does).
            const auto& key = setting.first;
            const auto& value = setting.second;
            CAPTURE(key);
            CAPTURE(value);
            try {
                domain::set_setting(tx, *db, key, value);
                FAIL("expected an error");
            } catch (const Error& e) {
                CHECK(e.code() == Exit::invalid);
            }
        }
    }
}
