// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry_testutil.hpp"

#include <hujing/projects/project.hpp>
#include <hujing/registry/enterprise.hpp>

#include <doctest/doctest.h>

using namespace hujing;
using hujing::test::code_of;
using hujing::test::count;

namespace {

std::int64_t add(storage::Database& db, const domain::NewProject& p) {
    storage::WriteTransaction tx(db);
    const auto id = domain::add_project(tx, db, p);
    tx.commit();
    return id;
}

domain::NewProject project(const char* name) {
    domain::NewProject p;
    p.name = name;
    p.officer = "100002";
    p.since = util::Date{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{1}};
    return p;
}

} // namespace

TEST_SUITE("hujing::domain::project") {
    TEST_CASE("a project has one officer, one team, one plan, one archive (五个一)") {
        auto db = test::registry_db();
        {
            storage::WriteTransaction tx(*db);
            domain::EnterpriseData e;
            e.uscc = test::uscc(1);
            e.name = "诸暨市铜材有限公司";
            domain::add_enterprise(tx, *db, e);
            tx.commit();
        }
        auto p = project("店口铜材智造产业园");
        p.enterprise = test::uscc(1);
        p.plan = "每月走访";
        p.archive = "/srv/projects/dk";
        p.visit_interval_days = 30;
        const auto id = add(*db, p);
        {
            storage::WriteTransaction tx(*db);
            domain::add_project_member(
                tx, *db, "店口铜材智造产业园", "100001", std::string("治安"));
            domain::add_project_member(tx, *db, std::to_string(id), "100003", std::nullopt);
            tx.commit();
        }
        const auto got = domain::get_project(*db, std::to_string(id));
        CHECK(got.name == "店口铜材智造产业园");
        CHECK(got.officer_badge == "100002");
        CHECK(got.enterprise_uscc == test::uscc(1));
        CHECK(got.visit_interval_days == 30);
        REQUIRE(got.team.size() == 2);
        CHECK(got.team[0].duty == "治安");
        const auto doc = domain::project_json(got);
        CHECK(doc["team"].size() == 2);
        CHECK(doc["archive_path"] == "/srv/projects/dk");
        const auto ignore = [](const auto&) {};
        CHECK(domain::list_projects(*db, {std::string("100003"), std::nullopt}, {}, ignore) == 1);
        CHECK(domain::list_projects(*db, {std::string("100004"), std::nullopt}, {}, ignore) == 0);
        CHECK(domain::list_project_members(*db, "店口铜材智造产业园", {}, ignore) == 2);
        const auto file = domain::load_enterprise_file(*db, "1", {false, {}});
        CHECK(file.part("projects").json().size() == 1);
    }

    TEST_CASE("project errors: duplicate name, unknown officer or enterprise, bad interval") {
        auto db = test::registry_db();
        add(*db, project("甲"));
        CHECK(code_of([&] { add(*db, project("甲")); }) == Exit::conflict);
        auto p = project("乙");
        p.officer = "999999";
        CHECK(code_of([&] { add(*db, p); }) == Exit::not_found);
        p = project("乙");
        p.officer = "100004"; // inactive
        CHECK(code_of([&] { add(*db, p); }) == Exit::conflict);
        p = project("乙");
        p.enterprise = "42";
        CHECK(code_of([&] { add(*db, p); }) == Exit::not_found);
        p = project("乙");
        p.visit_interval_days = 0;
        CHECK(code_of([&] { add(*db, p); }) == Exit::invalid);
        CHECK(code_of([&] { add(*db, project(" ")); }) == Exit::invalid);
        CHECK(count(*db, "SELECT count(*) FROM project") == 1);
    }

    TEST_CASE("team: no duplicates, not the project officer, remove only members") {
        auto db = test::registry_db();
        add(*db, project("甲"));
        storage::WriteTransaction tx(*db);
        domain::add_project_member(tx, *db, "甲", "100001", std::nullopt);
        CHECK(code_of([&] { domain::add_project_member(tx, *db, "甲", "100001", std::nullopt); })
              == Exit::conflict);
        CHECK(code_of([&] { domain::add_project_member(tx, *db, "甲", "100002", std::nullopt); })
              == Exit::conflict);
        CHECK(code_of([&] { domain::remove_project_member(tx, *db, "甲", "100003"); })
              == Exit::not_found);
        domain::remove_project_member(tx, *db, "甲", "100001");
        CHECK(count(*db, "SELECT count(*) FROM project_member") == 0);
        CHECK(code_of([&] { domain::remove_project_member(tx, *db, "丙", "100001"); })
              == Exit::not_found);
    }

    TEST_CASE("update changes the given fields and clears with an empty string") {
        auto db = test::registry_db();
        auto p = project("甲");
        p.plan = "旧方案";
        const auto id = add(*db, p);
        domain::ProjectUpdate u;
        u.name = "甲项目";
        u.plan = "";
        u.officer = "100001";
        u.visit_interval_days = 14;
        storage::WriteTransaction tx(*db);
        CHECK(domain::update_project(tx, *db, "甲", u) == id);
        const auto got = domain::get_project(*db, "甲项目");
        CHECK_FALSE(got.plan.has_value());
        CHECK(got.officer_badge == "100001");
        CHECK(got.visit_interval_days == 14);
    }
}
