// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace hujing;

namespace {

std::unique_ptr<storage::Database> db_with_units() {
    auto db = storage::Database::open_memory();
    storage::WriteTransaction tx(*db);
    domain::load_builtin_units(tx, *db);
    tx.commit();
    return db;
}

Exit code_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

std::int64_t count(storage::Database& db, const char* table) {
    return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

} // namespace

TEST_SUITE("hujing::domain::officer") {
    TEST_CASE(
        "the built-in units include the centre, stations, 18 subcentres and 35 liaison rooms") {
        auto db = db_with_units();
        CHECK(domain::get_unit(*db, "经侦大队").kind == "police_team");
        const auto count = [&](std::string kind) {
            return domain::list_units(*db, {std::move(kind)}, {}, [](const auto&) {});
        };
        CHECK(count("subcentre") == 18);
        CHECK(count("liaison_room") == 35);
        CHECK(count("centre") == 1);
        for (const auto* agency : {"市场监管局", "法院", "检察院", "税务局", "建设局", "工商联"}) {
            CHECK(domain::get_unit(*db, agency).kind == "agency");
        }
    }

    TEST_CASE("loading the built-in units twice adds nothing the second time") {
        auto db = db_with_units();
        storage::WriteTransaction tx(*db);
        CHECK(domain::load_builtin_units(tx, *db) == 0);
    }

    TEST_CASE("an officer is added with roles and found by badge") {
        auto db = db_with_units();
        storage::WriteTransaction tx(*db);
        domain::add_officer(
            tx,
            *db,
            {"123456", "张三", "ZADD", "13800001234", {"项目警官", "企业警官"}, true, true});
        tx.commit();
        const auto o = domain::get_officer(*db, "123456");
        CHECK(o.name == "张三");
        CHECK(o.unit_name == "治安大队");
        CHECK(o.roles == std::vector<std::string>{"企业警官", "项目警官"});
        CHECK(o.inspector);
    }

    TEST_CASE("bad officers are refused with the documented exit codes") {
        auto db = db_with_units();
        storage::WriteTransaction tx(*db);
        domain::add_officer(tx, *db, {"123456", "张三", "ZADD", std::nullopt, {}, false, true});
        CHECK(code_of([&] {
                  domain::add_officer(
                      tx, *db, {"123456", "李四", "ZADD", std::nullopt, {}, false, true});
              })
              == Exit::conflict);
        CHECK(code_of([&] {
                  domain::add_officer(
                      tx, *db, {"12345", "李四", "ZADD", std::nullopt, {}, false, true});
              })
              == Exit::invalid);
        CHECK(code_of([&] {
                  domain::add_officer(
                      tx, *db, {"12345a", "李四", "ZADD", std::nullopt, {}, false, true});
              })
              == Exit::invalid);
        CHECK(code_of([&] {
                  domain::add_officer(
                      tx, *db, {"654321", "李四", "没有", std::nullopt, {}, false, true});
              })
              == Exit::not_found);
        CHECK(code_of([&] {
                  domain::add_officer(
                      tx, *db, {"654321", "李四", "ZADD", std::nullopt, {"厨师"}, false, true});
              })
              == Exit::invalid);
        CHECK(code_of([&] {
                  domain::add_officer(tx, *db, {"654321", "李四", "ZADD", "abc", {}, false, true});
              })
              == Exit::invalid);
        CHECK(code_of([&] { domain::get_officer(*db, "999999"); }) == Exit::not_found);
    }

    TEST_CASE("an import with one bad row imports nothing and names every bad line") {
        auto db = db_with_units();
        std::istringstream in("badge,name,unit,roles,inspector\n"
                              "100001,甲,ZADD,企业警官,1\n"
                              "10000x,乙,ZADD,,0\n"
                              "100003,丙,NOPE,,0\n"
                              "100001,丁,ZADD,,0\n");
        storage::WriteTransaction tx(*db);
        try {
            domain::import_officers(tx, *db, in, "o.csv");
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::invalid);
            REQUIRE(e.details().size() == 3);
            CHECK(e.details()[0].where.line == 3);
            CHECK(e.details()[1].where.line == 4);
            CHECK(e.details()[2].where.line == 5);
        }
    }

    TEST_CASE("an import of good rows adds them all") {
        auto db = db_with_units();
        std::istringstream in("name,badge,unit,roles,inspector,active\n"
                              "甲,100001,ZADD,企业警官;项目警官,是,1\n"
                              "乙,100002,经侦大队,,否,0\n");
        storage::WriteTransaction tx(*db);
        CHECK(domain::import_officers(tx, *db, in, "o.csv").added == 2);
        tx.commit();
        CHECK(count(*db, "officer") == 2);
        CHECK(domain::get_officer(*db, "100001").roles.size() == 2);
        CHECK_FALSE(domain::get_officer(*db, "100002").active);
    }

    TEST_CASE("an import with an unknown column is refused") {
        auto db = db_with_units();
        std::istringstream in("badge,name,unit,rank\n100001,甲,ZADD,1\n");
        storage::WriteTransaction tx(*db);
        CHECK(code_of([&] { domain::import_officers(tx, *db, in, "o.csv"); }) == Exit::invalid);
    }

    TEST_CASE("an update changes only the given fields and is audited") {
        auto db = db_with_units();
        {
            storage::WriteTransaction tx(*db);
            domain::add_officer(
                tx, *db, {"123456", "张三", "ZADD", std::nullopt, {"企业警官"}, false, true});
            tx.commit();
        }
        storage::WriteTransaction tx(*db);
        domain::OfficerUpdate update;
        update.inspector = true;
        update.unit = "JZDD";
        domain::update_officer(tx, *db, "123456", update);
        tx.commit();
        const auto o = domain::get_officer(*db, "123456");
        CHECK(o.inspector);
        CHECK(o.unit_name == "经侦大队");
        CHECK(o.name == "张三");
        CHECK(o.roles == std::vector<std::string>{"企业警官"});
        CHECK(
            db->sql()
                .execAndGet(
                    "SELECT count(*) FROM audit_log WHERE entity = 'officer' AND action = 'update'")
                .getInt()
            == 1);
    }
}
