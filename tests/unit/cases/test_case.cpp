// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_world.hpp"

using namespace hujing;
using test::date;
using test::exit_of;

namespace {

Exit add_exit(test::CaseWorld& w, const domain::NewCase& c) {
    return exit_of([&] {
        w.write([&](auto& tx) { return domain::add_case(tx, *w.db, c, date("2025-10-15")); });
    });
}

} // namespace

TEST_SUITE("hujing::domain::cases") {
    TEST_CASE("a case opens accepted today, or filed on --filed, with its enterprises") {
        test::CaseWorld w;
        const auto a = w.add("A-1", "2025-10-15");
        const auto c = domain::get_case(*w.db, a);
        CHECK(c.status == "accepted");
        CHECK(c.created == "2025-10-15");
        CHECK_FALSE(c.filed);
        CHECK(c.loss_fen == 100000);
        CHECK(c.registered_by == "100001");
        const auto parties = domain::case_parties(*w.db, a);
        REQUIRE(parties.size() == 2);
        CHECK(parties[0].role == "victim");
        CHECK(parties[1].role == "suspect");
        const auto b = domain::get_case(*w.db, w.add("A-2", "2025-10-15", "2025-09-01"));
        CHECK(b.status == "filed");
        CHECK(b.filed == "2025-09-01");
        CHECK(b.last_progress == "2025-09-01");
    }

    TEST_CASE("a duplicate number is a conflict; a bad type, date, role or amount is invalid") {
        test::CaseWorld w;
        w.add("A-1", "2025-10-15");
        CHECK(exit_of([&] { w.add("A-1", "2025-10-15"); }) == Exit::conflict);
        CHECK(exit_of([&] { w.add("A-3", "2025-10-15", "2025-10-16"); }) == Exit::invalid);
        domain::NewCase c{"A-4", "t", "盗窃", {{"1", "victim"}}, "JZDD", {}, {}, "local", {}};
        CHECK(add_exit(w, c) == Exit::invalid);
        c.type = "其他";
        c.loss = "1.001";
        CHECK(add_exit(w, c) == Exit::invalid);
        c.loss = "92233720368547758.07";
        CHECK(add_exit(w, c) == Exit::invalid);
        c.loss = "-1";
        CHECK(add_exit(w, c) == Exit::invalid);
        c.loss.reset();
        c.parties = {{"1", "witness"}};
        CHECK(add_exit(w, c) == Exit::invalid);
        c.parties = {};
        CHECK(add_exit(w, c) == Exit::invalid);
        c.parties = {{"99", "victim"}};
        CHECK(add_exit(w, c) == Exit::not_found);
        c.parties = {{"1", "victim"}};
        c.origin = "external";
        CHECK(add_exit(w, c) == Exit::invalid); // no agency
        CHECK(w.count("SELECT count(*) FROM case_") == 1);
        CHECK(add_exit(w, c) == Exit::invalid);
    }

    TEST_CASE("the status machine refuses illegal moves, naming the state and the moves allowed") {
        test::CaseWorld w;
        const auto id = w.add("A-1", "2025-10-01");
        CHECK(test::error_of([&] { w.progress(id, "prosecuted", "2025-10-02"); })
              == "案件 A-1 当前状态为“受理”，不能转为“移送起诉” (可转为: filed(立案), "
                 "not_filed(不立案))");
        CHECK(w.progress(id, "filed", "2025-10-02").filed == "2025-10-02");
        CHECK(w.progress(id, "侦查", "2025-10-03").status == "investigating");
        CHECK(exit_of([&] { w.progress(id, "closed", "2025-10-04"); }) == Exit::conflict);
        // prosecuted only after a passing review, by someone else than the registrar.
        CHECK(test::error_of([&] {
                  w.progress(id, "prosecuted", "2025-10-04");
              }).starts_with("案件 A-1 未经法制审核通过，不能移送起诉"));
        CHECK(exit_of([&] { w.review(id, "pass", "2025-10-04"); }) == Exit::conflict);
        w.act_as("100003");
        w.review(id, "return", "2025-10-04");
        CHECK(exit_of([&] { w.progress(id, "prosecuted", "2025-10-05"); }) == Exit::conflict);
        w.review(id, "pass", "2025-10-05");
        w.review(id, "return", "2025-10-06");
        CHECK(exit_of([&] { w.progress(id, "prosecuted", "2025-10-06"); }) == Exit::conflict);
        w.review(id, "pass", "2025-10-07");
        CHECK(w.progress(id, "prosecuted", "2025-10-07").status == "prosecuted");
        const auto closed = w.progress(id, "closed", "2025-10-08");
        CHECK(closed.closed == "2025-10-08");
        CHECK(exit_of([&] { w.progress(id, "filed", "2025-10-09"); }) == Exit::conflict);
        CHECK(w.count("SELECT count(*) FROM case_review WHERE case_id = 1") == 4);
    }

    TEST_CASE("an external case moves past accepted only after a passing review") {
        test::CaseWorld w;
        const auto id = w.add("X-1", "2025-10-01", std::nullopt, "external");
        CHECK(exit_of([&] { w.progress(id, "filed", "2025-10-02"); }) == Exit::conflict);
        CHECK(exit_of([&] { w.progress(id, "not_filed", "2025-10-02"); }) == Exit::conflict);
        w.act_as("100003");
        w.review(id, "return", "2025-10-02");
        CHECK(exit_of([&] { w.progress(id, "filed", "2025-10-02"); }) == Exit::conflict);
        w.review(id, "pass", "2025-10-03");
        CHECK(w.progress(id, "filed", "2025-10-03").status == "filed");
    }

    TEST_CASE("recoveries are summed in fen: 0.10 + 0.20 is 0.30, and the rate is exact") {
        test::CaseWorld w;
        const auto id = w.add("A-1", "2025-10-01");
        auto recover = [&](const char* yuan) {
            return w.write([&](auto& tx) {
                return domain::recover_case(
                    tx, *w.db, id, yuan, "2025-10-02", std::nullopt, date("2025-10-15"));
            });
        };
        recover("0.10");
        recover("0.20");
        CHECK(domain::get_case(*w.db, id).recovered_fen == 30);
        for (int i = 0; i < 1000; ++i) {
            recover("0.01");
        }
        CHECK(domain::get_case(*w.db, id).recovered_fen == 1030);
        recover("1234567.89");
        const auto c = domain::get_case(*w.db, id);
        CHECK(c.recovered_fen == 123457819);
        const auto json = domain::case_view().json(c);
        CHECK(json["recovered_yuan"].dump() == "1234578.19");
        CHECK(json["loss_yuan"].dump() == "1000");
        CHECK(json["recovery_rate"] == "123457.8%");
        CHECK(exit_of([&] { recover("0"); }) == Exit::invalid);
        CHECK(exit_of([&] { recover("0.001"); }) == Exit::invalid);
    }
}
