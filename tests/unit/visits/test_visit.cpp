// SPDX-License-Identifier: GPL-3.0-or-later
#include "loop_fixture.hpp"
#include "page_check.hpp"

#include <hujing/demands/demand.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/visits/visit.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using hujing::Exit;
using hujing::test::date;
using hujing::test::exit_of;
using hujing::test::LoopWorld;
namespace domain = hujing::domain;
namespace output = hujing::output;
namespace storage = hujing::storage;

namespace {

// A visit to enterprise 1 on `day` by `officers`.
domain::NewVisit new_visit(const char* day, std::vector<std::string> officers = {"100001"}) {
    domain::NewVisit v;
    v.enterprise = "91330681MA2EDNXU2B"; // not "1": g++ 12 -O2 -Werror=restrict false positive
    v.officers = std::move(officers);
    v.date = day;
    v.summary = "了解企业生产经营情况";
    return v;
}

struct Visits : LoopWorld {
    domain::LoggedVisit log(const domain::NewVisit& v, const char* today = "2025-10-15") {
        storage::WriteTransaction tx(*db);
        auto logged = domain::log_visit(tx, *db, v, date(today));
        tx.commit();
        return logged;
    }

    Exit log_exit(const domain::NewVisit& v, const char* today = "2025-10-15") {
        return exit_of([&] { log(v, today); });
    }

    // The `visit due` rows as "badge role due_date days_overdue".
    std::vector<std::string> due(const char* as_of, domain::VisitDueQuery q = {}) {
        q.as_of = as_of;
        std::vector<std::string> out;
        domain::list_visits_due(*db, q, date("2025-10-15"), [&](const output::Row& row) {
            out.push_back(std::get<std::string>(row[3]) + " " + std::get<std::string>(row[5]) + " "
                          + std::get<std::string>(row[7]) + " "
                          + std::to_string(std::get<std::int64_t>(row[8])));
        });
        return out;
    }

    std::vector<std::int64_t> list(const domain::VisitQuery& q) {
        std::vector<std::int64_t> ids;
        domain::list_visits(*db, q, date("2025-10-15"), [&](const output::Row& row) {
            ids.push_back(std::get<std::int64_t>(row[0]));
        });
        return ids;
    }

    void assign(const char* badge, const char* role, const char* since, int enterprise_id = 1) {
        exec(std::string("INSERT INTO enterprise_officer VALUES (") + std::to_string(enterprise_id)
             + ", (SELECT id FROM officer WHERE badge = '" + badge + "'), '" + role + "', '" + since
             + "')");
    }
};

} // namespace

TEST_SUITE("hujing::domain::visit") {
    TEST_CASE("a visit records its officers and opens one demand per --demand") {
        Visits w;
        auto v = new_visit("2025-10-14", {"100002", "100001", "100001"});
        v.demands = {"外籍员工签证加急", "厂区周边停车难"};
        v.category = "出入境";
        v.kind = "上门帮办";
        const auto logged = w.log(v);
        REQUIRE(logged.demand_ids.size() == 2);
        const auto visit = domain::get_visit(*w.db, logged.id);
        CHECK(visit.date == "2025-10-14");
        CHECK(visit.kind == "上门帮办");
        REQUIRE(visit.officers.size() == 2);
        CHECK(visit.officers[0].badge == "100001");
        const auto d = domain::get_demand(*w.db, logged.demand_ids[1]);
        CHECK(d.status == "collected");
        CHECK(d.source == "走访");
        CHECK(d.category == "出入境");
        CHECK(d.visit_id == logged.id);
        CHECK(d.text == "厂区周边停车难");
        const auto json =
            domain::visit_page_json(domain::read_visit_page(*w.db, logged.id), date("2025-10-15"));
        CHECK(json["officers"].size() == 2);
        CHECK(json["demands"].size() == 2);
        CHECK(json["demands"][0]["status"] == "collected");
        // One audit row for the visit, one per demand.
        CHECK(w.count("SELECT count(*) FROM audit_log WHERE entity IN ('visit', 'demand')") == 3);
    }

    TEST_CASE("bad input is invalid, unknown records are not found, and nothing is written") {
        Visits w;
        auto v = new_visit("2025-10-14");
        v.kind = "喝茶";
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-13-01");
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-16"); // after today
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-14", {});
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-14", {"12345"});
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-14", {"100001", "199999"});
        CHECK(w.log_exit(v) == Exit::not_found);
        v = new_visit("2025-10-14");
        v.summary = " ";
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-14");
        v.category = "税务";
        v.demands = {"x"};
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-14");
        v.demands = {"ok", ""};
        CHECK(w.log_exit(v) == Exit::invalid);
        v = new_visit("2025-10-14");
        v.enterprise = "91330681MA2BCDEF1Y";
        CHECK(w.log_exit(v) == Exit::not_found);
        v = new_visit("2025-10-14");
        v.project = "不存在的项目";
        CHECK(w.log_exit(v) == Exit::not_found);
        w.exec("INSERT INTO project(id, name, enterprise_id, officer_id, created_at, since)"
               " VALUES (7, '袜业园区项目', 2, 1, '2025-06-01', '2025-06-01')");
        v.project = "7";
        CHECK(w.log_exit(v) == Exit::invalid); // a project of another enterprise
        CHECK(w.count("SELECT count(*) FROM visit") == 0);
        CHECK(w.count("SELECT count(*) FROM demand") == 0);
        CHECK(w.count("SELECT count(*) FROM audit_log WHERE entity IN ('visit', 'demand')") == 0);
    }

    TEST_CASE("visit due: a never-visited assignment is due one interval after its since-date") {
        Visits w;
        w.assign("100001", "企业警官", "2025-01-01"); // 90 days → 2025-04-01
        CHECK(w.due("2025-04-01").empty());
        CHECK(w.due("2025-04-02") == std::vector<std::string>{"100001 企业警官 2025-04-01 1"});
        // Not yet assigned on the as-of date: nothing.
        CHECK(w.due("2024-12-31").empty());
    }

    TEST_CASE("visit due: the officer's own last visit resets the clock; others' do not") {
        Visits w;
        w.assign("100001", "企业警官", "2025-01-01");
        w.log(new_visit("2025-03-01", {"100002"}));
        CHECK(w.due("2025-05-01") == std::vector<std::string>{"100001 企业警官 2025-04-01 30"});
        w.log(new_visit("2025-03-01", {"100001"}));
        CHECK(w.due("2025-05-01").empty());
        CHECK(w.due("2025-06-01") == std::vector<std::string>{"100001 企业警官 2025-05-30 2"});
        // A visit after the as-of date does not count for that date.
        w.log(new_visit("2025-10-01", {"100001"}));
        CHECK(w.due("2025-06-01") == std::vector<std::string>{"100001 企业警官 2025-05-30 2"});
    }

    TEST_CASE("visit due: a visit before the assignment does not shorten its first interval") {
        Visits w;
        w.log(new_visit("2025-01-10", {"100001"}));
        w.assign("100001", "企业警官", "2025-03-01");
        CHECK(w.due("2025-05-29").empty());
        CHECK(w.due("2025-05-31") == std::vector<std::string>{"100001 企业警官 2025-05-30 1"});
    }

    TEST_CASE("visit due: intervals come from the settings per role") {
        Visits w;
        w.assign("100001", "知产警官", "2025-01-01"); // 180 days
        w.assign("100002", "企业警官", "2025-01-01"); // 90 days
        CHECK(w.due("2025-06-01") == std::vector<std::string>{"100002 企业警官 2025-04-01 61"});
        {
            storage::WriteTransaction tx(*w.db);
            domain::set_setting(tx, *w.db, "visit.interval.知产警官", "30");
            tx.commit();
        }
        // Most overdue first.
        CHECK(w.due("2025-06-01")
              == std::vector<std::string>{"100001 知产警官 2025-01-31 121",
                                          "100002 企业警官 2025-04-01 61"});
        domain::VisitDueQuery q;
        q.officer = "100002";
        CHECK(w.due("2025-06-01", q).size() == 1);
        q = {};
        q.role = "知产警官";
        CHECK(w.due("2025-06-01", q).size() == 1);
        q = {};
        q.town = "大唐街道";
        CHECK(w.due("2025-06-01", q).empty());
        q = {};
        q.role = "局长";
        CHECK(exit_of([&] { w.due("2025-06-01", q); }) == Exit::invalid);
        q = {};
        q.officer = "199999";
        CHECK(exit_of([&] { w.due("2025-06-01", q); }) == Exit::not_found);
    }

    TEST_CASE("visit due: projects use their own interval, else 项目警官's, and project visits") {
        Visits w;
        // The clock starts on `since`, whatever the wall-clock time of the row.
        w.exec("INSERT INTO project(id, name, enterprise_id, officer_id, created_at, since) VALUES"
               " (1, '海亮新材料项目', 1, (SELECT id FROM officer WHERE badge = '100002'),"
               " '2026-11-29T08:00:00Z', '2025-06-01'),"
               " (2, '袜业园区项目', 2, (SELECT id FROM officer WHERE badge = '100003'),"
               " '2026-11-29T08:00:00Z', '2025-06-01')");
        w.exec("UPDATE project SET visit_interval_days = 10 WHERE id = 2");
        CHECK(w.due("2025-07-02")
              == std::vector<std::string>{"100003 项目警官 2025-06-11 21",
                                          "100002 项目警官 2025-07-01 1"});
        // A visit of the enterprise without --project does not count for the project…
        w.log(new_visit("2025-06-20", {"100002"}));
        CHECK(w.due("2025-07-02").size() == 2);
        // …one logged for the project by its officer does.
        auto v = new_visit("2025-06-20", {"100002"});
        v.project = "海亮新材料项目";
        w.log(v);
        CHECK(w.due("2025-07-02") == std::vector<std::string>{"100003 项目警官 2025-06-11 21"});
    }

    TEST_CASE("visit list filters and orders newest first") {
        Visits w;
        const auto a = w.log(new_visit("2025-10-01", {"100001"})).id;
        auto v = new_visit("2025-10-10", {"100002"});
        v.kind = "座谈";
        const auto b = w.log(v).id;
        v = new_visit("2025-09-01", {"100001", "100002"});
        v.enterprise = "2";
        const auto c = w.log(v).id;
        CHECK(w.list({}) == std::vector<std::int64_t>{b, a, c});
        domain::VisitQuery q;
        q.officer = "100001";
        CHECK(w.list(q) == std::vector<std::int64_t>{a, c});
        q = {};
        q.town = "大唐街道";
        CHECK(w.list(q) == std::vector<std::int64_t>{c});
        q = {};
        q.kind = "座谈";
        CHECK(w.list(q) == std::vector<std::int64_t>{b});
        q = {};
        q.since = "2025-09-15";
        q.until = "2025-10-05";
        CHECK(w.list(q) == std::vector<std::int64_t>{a});
        q = {};
        q.enterprise = "91330681MA2EDNXU2B";
        q.paging.sort = "date";
        CHECK(w.list(q) == std::vector<std::int64_t>{a, b});
        q = {};
        q.kind = "喝茶";
        CHECK(exit_of([&] { w.list(q); }) == Exit::invalid);
        q = {};
        q.since = "2025-10-05";
        q.until = "2025-10-01";
        CHECK(exit_of([&] { w.list(q); }) == Exit::invalid);
    }

    TEST_CASE("the enterprise file shows the enterprise's recent visits") {
        Visits w;
        w.log(new_visit("2025-10-01"));
        w.log(new_visit("2025-10-02"));
        domain::FileOptions options;
        options.today = date("2025-10-15");
        const auto part = domain::visit_file_part(*w.db, 1, options);
        CHECK(part.key == "visits");
        REQUIRE(part.json.size() == 2);
        CHECK(part.json[0]["date"] == "2025-10-02");
        CHECK(domain::visit_file_part(*w.db, 2, options).json.empty());
    }

    TEST_CASE("show json and table come from the same fields; the demands are one query") {
        Visits w;
        auto v = new_visit("2025-10-14", {"100002", "100001"});
        v.demands = {"外籍员工签证加急", "厂区周边停车难"};
        const auto id = w.log(v).id;
        const auto today = date("2025-10-15");
        const auto page = domain::read_visit_page(*w.db, id);
        const auto json = domain::visit_page_json(page, today);
        const auto sections = domain::visit_page_sections(page, today);
        hujing::test::check_same_facts(json, sections, {"", "officers", "demands"});
        REQUIRE(json["demands"].size() == 2);
        CHECK(json["demands"][1]["text"] == "厂区周边停车难");
        CHECK(json["demands"][1]["visit_id"] == id);

        // BEGIN, the visit, its officers, its demands, COMMIT: the same for two demands or five.
        const auto statements_for = [&](std::int64_t visit_id) {
            hujing::test::StatementCounter statements(*w.db);
            domain::read_visit_page(*w.db, visit_id);
            return statements.count();
        };
        CHECK(statements_for(id) == 5);
        v.demands = {"a", "b", "c", "d", "e"};
        const auto five = w.log(v).id;
        CHECK(domain::read_visit_page(*w.db, five).demands.size() == 5);
        CHECK(statements_for(five) == 5);
    }
}
