// SPDX-License-Identifier: GPL-3.0-or-later
#include "loop_fixture.hpp"
#include "page_check.hpp"

#include <hujing/calendar/calendar.hpp>
#include <hujing/demands/demand.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/settings/config.hpp>

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using hujing::Exit;
using hujing::test::date;
using hujing::test::error_of;
using hujing::test::exit_of;
using hujing::test::LoopWorld;
namespace domain = hujing::domain;
namespace storage = hujing::storage;

namespace {

// A world with helpers that run each step in its own committed transaction, as a command does.
struct Loop : LoopWorld {
    std::int64_t add(const char* category = "其他", const char* text = "外籍员工签证加急") {
        storage::WriteTransaction tx(*db);
        domain::NewDemand d;
        d.enterprise = "1";
        d.text = text;
        d.category = category;
        const auto id = domain::add_demand(tx, *db, d, date("2025-09-26"));
        tx.commit();
        return id;
    }

    domain::Demand route(std::int64_t id,
                         const char* unit,
                         const char* today,
                         const domain::Deadline& deadline = {}) {
        storage::WriteTransaction tx(*db);
        auto d = domain::route_demand(tx, *db, id, unit, deadline, date(today));
        tx.commit();
        return d;
    }

    domain::Demand
    handle(std::int64_t id, const char* today, domain::Resolved resolved = domain::Resolved::no) {
        storage::WriteTransaction tx(*db);
        auto d = domain::handle_demand(tx, *db, id, "已联系企业", resolved, date(today));
        tx.commit();
        return d;
    }

    domain::Demand feedback(std::int64_t id, const char* today) {
        storage::WriteTransaction tx(*db);
        auto d = domain::feedback_demand(tx, *db, id, "已电话反馈", date(today));
        tx.commit();
        return d;
    }

    domain::Demand rate(std::int64_t id, std::int64_t score, const char* today) {
        storage::WriteTransaction tx(*db);
        auto d = domain::rate_demand(tx, *db, id, score, std::string("意见"), date(today));
        tx.commit();
        return d;
    }

    domain::Demand
    escalate(std::int64_t id, const char* today, const domain::Deadline& deadline = {}) {
        storage::WriteTransaction tx(*db);
        auto d = domain::escalate_demand(tx, *db, id, "需上级协调", deadline, date(today));
        tx.commit();
        return d;
    }

    // Run one verb by name against `id` (for the illegal-transition table).
    void verb(const std::string& name, std::int64_t id) {
        const char* today = "2025-10-15";
        if (name == "route") {
            route(id, "JJDD", today);
        } else if (name == "handle") {
            handle(id, today);
        } else if (name == "resolve") {
            handle(id, today, domain::Resolved::yes);
        } else if (name == "feedback") {
            feedback(id, today);
        } else if (name == "rate") {
            rate(id, 5, today);
        } else if (name == "escalate") {
            escalate(id, today);
        }
    }

    std::vector<std::int64_t> list(const domain::DemandQuery& query, const char* today) {
        std::vector<std::int64_t> ids;
        domain::list_demands(*db, query, date(today), [&](const hujing::output::Row& row) {
            ids.push_back(std::get<std::int64_t>(row[0]));
        });
        return ids;
    }
};

// Bring a new demand to `status` along the normal path.
std::int64_t demand_in(Loop& w, const std::string& status) {
    const auto id = w.add();
    if (status == "collected") {
        return id;
    }
    w.route(id, "JJDD", "2025-10-09");
    if (status == "routed") {
        return id;
    }
    w.handle(id, "2025-10-10", domain::Resolved::yes);
    if (status == "resolved") {
        return id;
    }
    w.feedback(id, "2025-10-11");
    if (status == "fed_back") {
        return id;
    }
    w.rate(id, 5, "2025-10-13");
    return id;
}

} // namespace

TEST_SUITE("hujing::domain::demand") {
    TEST_CASE("a new demand is collected, with its add event and audit row") {
        Loop w;
        const auto id = w.add("出入境");
        const auto d = domain::get_demand(*w.db, id);
        CHECK(d.status == "collected");
        CHECK(d.category == "出入境");
        CHECK(d.created == "2025-09-26");
        CHECK_FALSE(d.due.has_value());
        const auto events = domain::demand_events(*w.db, id);
        REQUIRE(events.size() == 1);
        CHECK(events[0].action == "add");
        CHECK(events[0].actor == "100001");
        CHECK(w.count("SELECT count(*) FROM audit_log WHERE entity = 'demand'") == 1);
    }

    TEST_CASE("add rejects a bad category, source, empty text, unknown enterprise or visit") {
        Loop w;
        storage::WriteTransaction tx(*w.db);
        const auto today = date("2025-10-15");
        domain::NewDemand d;
        d.enterprise = "1";
        d.text = "x";
        d.category = "税务";
        CHECK(exit_of([&] { domain::add_demand(tx, *w.db, d, today); }) == Exit::invalid);
        d.category = "治安";
        d.source = "信访";
        CHECK(exit_of([&] { domain::add_demand(tx, *w.db, d, today); }) == Exit::invalid);
        d.source = "12345";
        d.text = "  ";
        CHECK(exit_of([&] { domain::add_demand(tx, *w.db, d, today); }) == Exit::invalid);
        d.text = "x";
        d.enterprise = "99";
        CHECK(exit_of([&] { domain::add_demand(tx, *w.db, d, today); }) == Exit::not_found);
        d.enterprise = "1";
        d.visit_id = 42;
        CHECK(exit_of([&] { domain::add_demand(tx, *w.db, d, today); }) == Exit::not_found);
        CHECK(w.count("SELECT count(*) FROM demand") == 0);
    }

    TEST_CASE("the due date counts working days on the official calendar") {
        const auto& cal = hujing::calendar::Calendar::builtin();
        // domain.md §9: Mon 2025-09-29 + 5 → Sep 30, Oct 9, Oct 10, Oct 11 (调休), Oct 13.
        CHECK(domain::compute_due(cal, date("2025-09-29"), 5) == date("2025-10-13"));
        // An ordinary week: Wed + 3 → Mon.
        CHECK(domain::compute_due(cal, date("2025-10-15"), 3) == date("2025-10-20"));
        // 2026 Spring Festival: Fri 02-13 + 2 → Sat 02-14 (调休), then Tue 02-24.
        CHECK(domain::compute_due(cal, date("2026-02-13"), 2) == date("2026-02-24"));
        // Thu 02-26 + 2 → Fri 02-27, Sat 02-28 (调休).
        CHECK(domain::compute_due(cal, date("2026-02-26"), 2) == date("2026-02-28"));
    }

    TEST_CASE("route sets the unit and the due date; without options the category SLA") {
        Loop w;
        const auto a = w.add("出入境");
        auto d = w.route(a, "CRJDD", "2025-09-29", {std::nullopt, 5});
        CHECK(d.status == "routed");
        CHECK(d.unit_code == "CRJDD");
        CHECK(d.due == "2025-10-13");
        CHECK(d.sla_days == 5);

        {
            storage::WriteTransaction tx(*w.db);
            domain::set_setting(tx, *w.db, "demand.sla.治安", "3");
            tx.commit();
        }
        const auto b = w.add("治安");
        d = w.route(b, "ZADD", "2025-10-15");
        CHECK(d.due == "2025-10-20");
        CHECK(d.sla_days == 3);

        const auto c = w.add();
        d = w.route(c, "ZADD", "2025-10-15", {std::string("2025-10-31"), std::nullopt});
        CHECK(d.due == "2025-10-31");
        CHECK(d.sla_days == 12);
    }

    TEST_CASE("route rejects a past due date, a bad --within, an unknown unit") {
        Loop w;
        const auto id = w.add();
        CHECK(exit_of([&] {
                  w.route(id, "ZADD", "2025-10-15", {std::string("2025-10-14"), std::nullopt});
              })
              == Exit::invalid);
        CHECK(exit_of([&] {
                  w.route(id, "ZADD", "2025-10-15", {std::nullopt, 0});
              })
              == Exit::invalid);
        CHECK(exit_of([&] {
                  w.route(id, "ZADD", "2025-10-15", {std::nullopt, 16});
              })
              == Exit::invalid);
        CHECK(exit_of([&] { w.route(id, "没有这个单位", "2025-10-15"); }) == Exit::not_found);
        CHECK(exit_of([&] { w.route(999, "ZADD", "2025-10-15"); }) == Exit::not_found);
        CHECK(domain::get_demand(*w.db, id).status == "collected");
        CHECK(w.count("SELECT count(*) FROM demand_event") == 1);
    }

    TEST_CASE("routing a routed demand to another unit is a transfer with a fresh deadline") {
        Loop w;
        const auto id = demand_in(w, "routed");
        const auto d = w.route(id, "PCS-DK", "2025-10-15", {std::nullopt, 2});
        CHECK(d.unit_code == "PCS-DK");
        CHECK(d.due == "2025-10-17");
        const auto events = domain::demand_events(*w.db, id);
        CHECK(events.back().action == "transfer");
        CHECK(events.back().note == "由交警大队转办");
        CHECK(exit_of([&] { w.route(id, "PCS-DK", "2025-10-15"); }) == Exit::conflict);
    }

    TEST_CASE("the whole loop: collected → routed → resolved → fed_back → rated") {
        Loop w;
        const auto id = w.add();
        w.route(id, "JJDD", "2025-10-09", {std::nullopt, 3}); // due Mon 10-13 (Sat 10-11 works)
        auto d = w.handle(id, "2025-10-10");
        CHECK(d.status == "routed");
        d = w.handle(id, "2025-10-13", domain::Resolved::yes);
        CHECK(d.status == "resolved");
        CHECK(d.resolved == "2025-10-13");
        CHECK(d.on_time == true);
        d = w.feedback(id, "2025-10-14");
        CHECK(d.status == "fed_back");
        d = w.rate(id, 4, "2025-10-15");
        CHECK(d.status == "rated");
        CHECK(d.closed == "2025-10-15");
        CHECK(d.score == 4);
        CHECK(d.reopens == 0);
        std::vector<std::string> actions;
        for (const auto& e : domain::demand_events(*w.db, id)) {
            actions.push_back(e.action);
        }
        CHECK(actions
              == std::vector<std::string>{"add", "route", "handle", "resolve", "feedback", "rate"});
        // One audit row per mutation.
        CHECK(w.count("SELECT count(*) FROM audit_log WHERE entity = 'demand'") == 6);
    }

    TEST_CASE("a resolution after the due date is recorded as late") {
        Loop w;
        const auto id = w.add();
        w.route(id, "JJDD", "2025-10-09", {std::nullopt, 1}); // due Fri 10-10
        const auto d = w.handle(id, "2025-10-13", domain::Resolved::yes);
        CHECK(d.on_time == false);
        CHECK(domain::demand_events(*w.db, id).back().due == "2025-10-10");
    }

    TEST_CASE("every action out of order is a conflict naming the state and the allowed verbs") {
        const std::map<std::string, std::vector<std::string>> allowed = {
            {"collected", {"route"}},
            {"routed", {"route", "handle", "resolve", "escalate"}},
            {"resolved", {"feedback"}},
            {"fed_back", {"rate"}},
            {"rated", {}}};
        const std::vector<std::string> verbs = {
            "route", "handle", "resolve", "feedback", "rate", "escalate"};
        for (const auto& entry : allowed) {
            const std::string& status = entry.first;
            const std::vector<std::string>& ok = entry.second;
            for (const auto& verb : verbs) {
                if (std::find(ok.begin(), ok.end(), verb) != ok.end()) {
                    continue;
                }
                CAPTURE(status);
                CAPTURE(verb);
                Loop w;
                const auto id = demand_in(w, status);
                const auto events = w.count("SELECT count(*) FROM demand_event");
                CHECK(exit_of([&] { w.verb(verb, id); }) == Exit::conflict);
                CHECK(domain::get_demand(*w.db, id).status == status);
                CHECK(w.count("SELECT count(*) FROM demand_event") == events);
            }
        }
        Loop w;
        const auto id = w.add();
        CHECK(error_of([&] { w.feedback(id, "2025-10-15"); })
              == "诉求 1 当前状态为“已收集”，不能 feedback (可用: route)");
        const auto routed = demand_in(w, "routed");
        CHECK(error_of([&] { w.rate(routed, 5, "2025-10-15"); })
              == "诉求 2 当前状态为“已流转”，不能 rate (可用: handle, route, escalate)");
    }

    TEST_CASE("a rating of 1 or 2 reopens at the same unit with the same SLA from today") {
        for (const std::int64_t score : {1, 2}) {
            CAPTURE(score);
            Loop w;
            const auto id = w.add();
            w.route(id, "JJDD", "2025-09-26", {std::nullopt, 5});
            w.handle(id, "2025-09-29", domain::Resolved::yes);
            w.feedback(id, "2025-09-29");
            const auto d = w.rate(id, score, "2025-09-29");
            CHECK(d.status == "routed");
            CHECK(d.unit_code == "JJDD");
            CHECK(d.due == "2025-10-13"); // 5 working days from Mon 09-29 over National Day
            CHECK(d.reopens == 1);
            CHECK(d.score == score);
            CHECK_FALSE(d.closed.has_value());
            CHECK_FALSE(d.resolved.has_value());
            CHECK(domain::demand_events(*w.db, id).back().action == "reopen");
            // It goes round again and can close.
            w.handle(id, "2025-10-09", domain::Resolved::yes);
            w.feedback(id, "2025-10-09");
            const auto closed = w.rate(id, 5, "2025-10-10");
            CHECK(closed.status == "rated");
            CHECK(closed.reopens == 1);
        }
    }

    TEST_CASE("a score outside 1..5 is invalid") {
        Loop w;
        const auto id = demand_in(w, "fed_back");
        CHECK(exit_of([&] { w.rate(id, 0, "2025-10-15"); }) == Exit::invalid);
        CHECK(exit_of([&] { w.rate(id, 6, "2025-10-15"); }) == Exit::invalid);
        CHECK(domain::get_demand(*w.db, id).status == "fed_back");
    }

    TEST_CASE("escalation climbs liaison room → subcentre → centre, then stops") {
        Loop w;
        const auto id = w.add();
        w.route(id, "LLS-06", "2025-10-09", {std::nullopt, 3});
        auto d = w.escalate(id, "2025-10-10");
        CHECK(d.unit_code == "FZX-DK");
        CHECK(d.due == "2025-10-13"); // unchanged
        d = w.escalate(id, "2025-10-10", {std::nullopt, 5});
        CHECK(d.unit_code == "HQYS");
        CHECK(d.due == "2025-10-16"); // Sat 10-11 is a working day
        CHECK(d.escalations == 2);
        CHECK(exit_of([&] { w.escalate(id, "2025-10-10"); }) == Exit::conflict);
        CHECK(domain::get_demand(*w.db, id).escalations == 2);
        const auto events = domain::demand_events(*w.db, id);
        CHECK(events.back().action == "escalate");
        CHECK(events.back().unit_name == "护企优商服务中心");
    }

    TEST_CASE("a demand at a police team, station or agency escalates to the centre") {
        for (const char* unit : {"JZDD", "PCS-DK", "SCJGJ"}) {
            CAPTURE(unit);
            Loop w;
            const auto id = w.add();
            w.route(id, unit, "2025-10-09");
            CHECK(w.escalate(id, "2025-10-10").unit_code == "HQYS");
        }
    }

    TEST_CASE("overdue: routed and today past the due date; resolved is never overdue") {
        Loop w;
        const auto late = w.add();
        w.route(late, "JJDD", "2025-10-09", {std::nullopt, 1}); // due 10-10
        const auto fine = w.add();
        w.route(fine, "JJDD", "2025-10-09", {std::nullopt, 5}); // due 10-15
        const auto done = w.add();
        w.route(done, "JJDD", "2025-10-09", {std::nullopt, 1});
        w.handle(done, "2025-10-13", domain::Resolved::yes);
        w.add(); // collected: no deadline

        domain::DemandQuery q;
        q.overdue = true;
        CHECK(w.list(q, "2025-10-10").empty()); // the due day itself is not overdue
        CHECK(w.list(q, "2025-10-11") == std::vector<std::int64_t>{late});
        CHECK(w.list(q, "2025-10-17") == std::vector<std::int64_t>{late, fine});
        CHECK(domain::get_demand(*w.db, late).overdue(date("2025-10-11")));
        CHECK_FALSE(domain::get_demand(*w.db, done).overdue(date("2025-12-31")));
    }

    TEST_CASE("list filters combine with AND, and sort and page in SQL") {
        Loop w;
        const auto a = w.add("治安");
        const auto b = w.add("交通");
        w.route(b, "JJDD", "2025-10-09");
        {
            storage::WriteTransaction tx(*w.db);
            domain::NewDemand d;
            d.enterprise = "91330681MA2FF2KRXM";
            d.text = "招工难";
            domain::add_demand(tx, *w.db, d, date("2025-10-12"));
            tx.commit();
        }
        domain::DemandQuery q;
        q.status = "已收集";
        CHECK(w.list(q, "2025-10-15") == std::vector<std::int64_t>{a, 3});
        q.enterprise = "1";
        CHECK(w.list(q, "2025-10-15") == std::vector<std::int64_t>{a});
        domain::DemandQuery by_unit;
        by_unit.unit = "交警大队";
        CHECK(w.list(by_unit, "2025-10-15") == std::vector<std::int64_t>{b});
        domain::DemandQuery since;
        since.since = "2025-10-01";
        CHECK(w.list(since, "2025-10-15") == std::vector<std::int64_t>{3});
        domain::DemandQuery paged;
        paged.paging.sort = "-id";
        paged.paging.limit = 2;
        CHECK(w.list(paged, "2025-10-15") == std::vector<std::int64_t>{3, b});
        paged.paging.offset = 2;
        CHECK(w.list(paged, "2025-10-15") == std::vector<std::int64_t>{a});

        domain::DemandQuery bad;
        bad.status = "done";
        CHECK(exit_of([&] { w.list(bad, "2025-10-15"); }) == Exit::invalid);
        bad = {};
        bad.category = "税务";
        CHECK(exit_of([&] { w.list(bad, "2025-10-15"); }) == Exit::invalid);
        bad = {};
        bad.paging.sort = "nope";
        CHECK(exit_of([&] { w.list(bad, "2025-10-15"); }) == Exit::invalid);
        bad = {};
        bad.unit = "nope";
        CHECK(exit_of([&] { w.list(bad, "2025-10-15"); }) == Exit::not_found);
    }

    TEST_CASE("show json carries the timeline; the enterprise file lists open demands") {
        Loop w;
        const auto open = demand_in(w, "routed");
        demand_in(w, "rated");
        const auto json =
            domain::demand_page_json(domain::read_demand_page(*w.db, open), date("2025-10-20"));
        CHECK(json["status"] == "routed");
        CHECK(json["overdue"] == true);
        REQUIRE(json["events"].size() == 2);
        CHECK(json["events"][1]["action"] == "route");
        CHECK(json["events"][1]["unit"] == "交警大队");

        hujing::domain::FileOptions options;
        options.today = date("2025-10-20");
        const auto part = domain::demand_file_part(*w.db, 1, options);
        CHECK(part.key == "demands");
        REQUIRE(part.json.size() == 1);
        CHECK(part.json[0]["id"] == open);
    }

    TEST_CASE("show json and table come from the same fields, read once") {
        Loop w;
        const auto id = demand_in(w, "rated");
        const auto today = date("2025-10-20");
        const auto page = domain::read_demand_page(*w.db, id);
        REQUIRE(page.events.size() == 5);
        const auto json = domain::demand_page_json(page, today);
        const auto sections = domain::demand_page_sections(page, today);
        hujing::test::check_same_facts(json, sections, {"", "events"});
        // The table shows every field json has (but the timeline).
        CHECK(json.size() == sections[0].fields.size() + 1);
        CHECK(json["text"] == "外籍员工签证加急");
        CHECK(json.contains("visit_id"));

        // A snapshot: BEGIN, the demand, its events, COMMIT — however long the timeline.
        hujing::test::StatementCounter statements(*w.db);
        domain::read_demand_page(*w.db, id);
        CHECK(statements.count() == 4);
    }
}
