// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/reports/number.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>

#include <doctest/doctest.h>

using namespace hujing;
using namespace std::chrono;

namespace {

std::vector<reports::DocNumber>
assign(storage::Database& db, const std::string& period, util::Date issued) {
    storage::WriteTransaction tx(db);
    auto out = reports::assign_numbers(tx, db, period, issued);
    tx.commit();
    return out;
}

} // namespace

TEST_SUITE("hujing::reports::number") {
    TEST_CASE("a quarter gets three numbers in document order; a re-run reuses them") {
        auto db = storage::Database::open_memory();
        const auto first = assign(*db, "2025Q3", 2025y / October / 15d);
        REQUIRE(first.size() == 3);
        CHECK(first[0].kind == "prompt");
        CHECK(first[1].kind == "advice");
        CHECK(first[2].kind == "warning");
        CHECK(first[0].text() == "诸公护企〔2025〕第1号");
        CHECK(first[2].text() == "诸公护企〔2025〕第3号");
        const auto head = audit::head_anchor(*db);
        CHECK(head.id == 3); // one audit row per number given

        const auto again = assign(*db, "2025Q3", 2025y / December / 1d);
        REQUIRE(again.size() == 3);
        CHECK(again[2].seq == 3);
        CHECK(again[2].issued == "2025-10-15");
        CHECK(audit::head_anchor(*db).id == 3); // nothing written

        const auto next = assign(*db, "2025Q4", 2026y / January / 5d);
        CHECK(next[0].text() == "诸公护企〔2026〕第1号");
    }

    TEST_CASE("a number is never given twice, even after a rolled-back or refused delete") {
        auto db = storage::Database::open_memory();
        {
            storage::WriteTransaction tx(*db);
            reports::assign_numbers(tx, *db, "2025Q1", 2025y / April / 2d);
            // rolled back: the counter goes back with it, and nothing was ever printed
        }
        assign(*db, "2025Q2", 2025y / July / 2d);
        CHECK_THROWS(db->sql().exec("DELETE FROM report_number WHERE period = '2025Q2'"));
        CHECK_THROWS(db->sql().exec("UPDATE report_counter SET last = 0"));
        const auto q3 = assign(*db, "2025Q3", 2025y / October / 2d);
        CHECK(q3[0].seq == 4);
        CHECK(reports::find_numbers(*db, "2025Q1").empty());
    }
}
