// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/migrate.hpp>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace hujing;

TEST_SUITE("hujing::storage::migrate") {
    TEST_CASE("migrations are numbered from 1 in increasing order") {
        const auto& all = storage::migrations();
        REQUIRE(!all.empty());
        CHECK(all.front().version == 1);
        for (std::size_t i = 1; i < all.size(); ++i) {
            CHECK(all[i].version > all[i - 1].version);
        }
        CHECK(storage::latest_version() == all.back().version);
    }

    TEST_CASE("every earlier version migrates forward to the latest") {
        for (int start = 0; start < storage::latest_version(); ++start) {
            CAPTURE(start);
            SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA foreign_keys = ON");
            if (start > 0) {
                storage::migrate(db, "", start);
            }
            CHECK(db.execAndGet("PRAGMA user_version").getInt() == start);
            storage::migrate(db, "");
            CHECK(db.execAndGet("PRAGMA user_version").getInt() == storage::latest_version());
            SQLite::Statement fk(db, "PRAGMA foreign_key_check");
            CHECK_FALSE(fk.executeStep());
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        }
    }

    TEST_CASE("an older file is upgraded in place on open, with a backup beside it") {
        const auto path = (test::run_dir() / "old.db").string();
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA journal_mode = WAL"); // as `hujing init` leaves it
            storage::migrate(db, "", 1);
            db.exec("INSERT INTO setting(key, value) VALUES ('case.stale_days', '90')");
        }
        auto db = storage::Database::open(path, storage::Actor{"t", "test", {}, std::nullopt});
        CHECK(db->schema_version() == storage::latest_version());
        CHECK(db->sql().execAndGet("SELECT value FROM setting").getString() == "90");
        const auto backup = path + ".bak-v1";
        REQUIRE(std::filesystem::exists(backup));
        SQLite::Database old(backup, SQLite::OPEN_READONLY);
        CHECK(old.execAndGet("PRAGMA user_version").getInt() == 1);
    }

    TEST_CASE("a file newer than the binary is refused with the schema exit status") {
        const auto path = (test::run_dir() / "newer.db").string();
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            storage::migrate(db, "");
            db.exec("PRAGMA user_version = 999");
        }
        try {
            storage::Database::open(path, storage::Actor{});
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::schema);
        }
    }

    TEST_CASE("opening a missing file is not found and creates nothing") {
        const auto path = (test::run_dir() / "missing.db").string();
        try {
            storage::Database::open(path, storage::Actor{});
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::not_found);
        }
        CHECK_FALSE(std::filesystem::exists(path));
    }

    TEST_CASE("a created database file has mode 0600 and WAL journaling") {
        const auto path = (test::run_dir() / "created.db").string();
        auto db = storage::Database::create(path, storage::Actor{});

        struct stat st {};

        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(db->sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    }
}

namespace {

// Rows for every table a migration creates, keyed by the version that creates the table. Each
// version's rows are inserted into a database at that version (and later versions' rows only
// when their tables exist), so every migration runs over real data.
const std::vector<std::pair<int, const char*>> k_fixture_rows = {
    {1,
     "INSERT INTO setting(key, value) VALUES ('case.stale_days', '90');"
     "INSERT INTO audit_log(id, at, actor, command, entity, entity_id, action, before, after,"
     " prev_hash, hash) VALUES (1, '2025-01-01T00:00:00.000Z', '100001', 'hujing officer add',"
     " 'officer', 1, 'add', NULL, '{\"badge\":\"100001\"}', 'genesis', 'h1');"
     "INSERT INTO unit(id, code, name, kind) VALUES (1, 'HQYS', '护企优商服务中心', 'centre');"
     "INSERT INTO unit(id, code, name, kind, parent_id) VALUES (2, 'LLS-01', '联络室一', "
     "'liaison_room', 1);"
     "INSERT INTO officer(id, badge, name, unit_id, phone, inspector, active)"
     " VALUES (1, '100001', '张警官', 1, '13800000000', 1, 1);"
     "INSERT INTO officer_role(officer_id, role) VALUES (1, '项目警官');"},
    {2,
     "INSERT INTO enterprise(id, uscc, name, town, industry, industry_code, scale, legal_rep,"
     " phone, address, credit_grade, created_at, updated_at) VALUES (1, '91330681MA2EDNXU2B',"
     " '浙江海亮股份有限公司', '店口镇', '铜加工', '3251', 'above', '某某', '0575-87000000',"
     " '店口镇解放路', 'A', '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z');"
     "INSERT INTO enterprise_tag(enterprise_id, tag) VALUES (1, '规上');"
     "INSERT INTO enterprise_sector(enterprise_id, sector) VALUES (1, 'hazchem');"
     "INSERT INTO enterprise_officer(enterprise_id, officer_id, role, since)"
     " VALUES (1, 1, '项目警官', '2025-02-01');"
     "INSERT INTO credit_event(id, enterprise_id, grade, kind, reason, date)"
     " VALUES (1, 1, 'A', 'evaluation', '年度评价', '2025-02-01');"
     "INSERT INTO risk(id, enterprise_id, level, description, unit_id, leader, opened)"
     " VALUES (1, 1, 'yellow', '资金链紧张', 1, '王某', '2025-02-02');"
     "INSERT INTO exemption(id, enterprise_id, form_id, until, reason)"
     " VALUES (1, 1, 'hazchem', '2025-12-31', '无事不扰');"
     "INSERT INTO project(id, name, enterprise_id, officer_id, plan, archive_path,"
     " visit_interval_days, created_at) VALUES (1, '海亮新材料项目', 1, 1, '一项目一方案',"
     " NULL, 14, '2025-03-01T08:00:00Z');"
     "INSERT INTO project_member(project_id, officer_id, duty) VALUES (1, 1, '牵头');"},
    {3,
     "INSERT INTO visit(id, enterprise_id, date, kind, summary, project_id, created_at)"
     " VALUES (1, 1, '2025-03-05', '走访', '了解用工情况', 1, '2025-03-05');"
     "INSERT INTO visit_officer(visit_id, officer_id) VALUES (1, 1);"
     "INSERT INTO demand(id, enterprise_id, visit_id, category, text, source, status, unit_id,"
     " due, sla_days, created) VALUES (1, 1, 1, '治安', '夜间治安', '走访', 'routed', 2,"
     " '2025-03-12', 5, '2025-03-05');"
     "INSERT INTO demand_event(id, demand_id, at, action, actor, note, unit_id, due)"
     " VALUES (1, 1, '2025-03-05T01:00:00Z', 'route', '100001', NULL, 2, '2025-03-12');"},
    {6,
     "INSERT INTO case_(id, case_no, title, type, status, origin, agency, unit_id, created,"
     " filed, loss_fen, last_progress, registered_by) VALUES (1, '诸公经立字〔2025〕1号',"
     " '某合同诈骗案', '合同诈骗', 'filed', 'local', NULL, 1, '2025-03-01', '2025-03-02',"
     " 123456789, '2025-03-02', 1);"
     "INSERT INTO case_enterprise(case_id, enterprise_id, role) VALUES (1, 1, 'victim');"
     "INSERT INTO case_review(id, case_id, at, result, note, reviewer_id)"
     " VALUES (1, 1, '2025-03-03', 'return', '证据不足', 1);"
     "INSERT INTO recovery(id, case_id, date, amount_fen, note)"
     " VALUES (1, 1, '2025-03-04', 10, '返还');"
     "INSERT INTO prereport(id, case_id, kind, status, measure, enterprise_id, object,"
     " amount_fen, reason, impact, requested, requested_by)"
     " VALUES (1, 1, 'property', 'requested', '冻结', 1, '银行账户', 500000, '防止转移',"
     " '不影响生产', '2025-03-05', 1);"
     "INSERT INTO case_event(id, case_id, at, action, actor, status, note, prereport_id)"
     " VALUES (1, 1, '2025-03-05', 'request', '100001', 'filed', NULL, 1);"},
    {8,
     "INSERT INTO report_counter(year, last) VALUES (2025, 3);"
     "INSERT INTO report_number(id, period, kind, year, seq, issued)"
     " VALUES (1, '2025Q1', 'warning', 2025, 3, '2025-04-02');"},
    {7,
     "INSERT INTO form(id, version, name, unit_id, basis, content_hash, yaml, loaded)"
     " VALUES ('lodging', 1, '住宿监管一件事', 1, '旅馆业治安管理办法', 'h', 'id: lodging',"
     " '2025-01-01');"
     "INSERT INTO form_item(form_id, version, item_id, position, text, kind, required, severity,"
     " basis, rectify_days) VALUES ('lodging', 1, 'L01', 1, '实名登记', 'yesno', 1, 'major',"
     " '第六条', 5);"
     "INSERT INTO form_applies(form_id, version, kind, value)"
     " VALUES ('lodging', 1, 'sector', 'lodging');"
     "INSERT INTO inspection_plan(id, name, targeted, ratio, team_size, window_from, window_to,"
     " seed, credit_factors, exclude_recent_days, created, drawn_at)"
     " VALUES (1, '2025 住宿抽查', 0, '0.05', 2, '2025-04-01', '2025-06-30', '20250401',"
     " 'A=0.5,B=1,C=2,D=3', 180, '2025-03-20', '2025-03-21');"
     "INSERT INTO plan_form(plan_id, position, form_id) VALUES (1, 1, 'lodging');"
     "INSERT INTO plan_enterprise(plan_id, enterprise_id) VALUES (1, 1);"
     "INSERT INTO plan_target(plan_id, enterprise_id, rank, team, credit_grade, ticket)"
     " VALUES (1, 1, 1, 1, 'A', 'ab');"
     "INSERT INTO plan_inspector(plan_id, team, officer_id, position) VALUES (1, 1, 1, 1);"
     "INSERT INTO inspection(id, enterprise_id, date, plan_id, conclusion, unit_id, created)"
     " VALUES (1, 1, '2025-04-10', 1, 'corrected', 1, '2025-04-10');"
     "INSERT INTO inspection_officer(inspection_id, officer_id) VALUES (1, 1);"
     "INSERT INTO inspection_form(inspection_id, form_id, form_version, position)"
     " VALUES (1, 'lodging', 1, 1);"
     "INSERT INTO inspection_result(inspection_id, form_id, item_id, result)"
     " VALUES (1, 'lodging', 'L01', 'fail');"
     "INSERT INTO rectification(id, inspection_id, form_id, item_id, due)"
     " VALUES (1, 1, 'lodging', 'L01', '2025-04-17');"},
};

// The user tables of `db` (not SQLite's own, not the FTS shadow tables) with their row counts.
std::map<std::string, std::int64_t> table_counts(SQLite::Database& db) {
    std::map<std::string, std::int64_t> out;
    SQLite::Statement q(db,
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'");
    while (q.executeStep()) {
        const auto name = q.getColumn(0).getString();
        out[name] = db.execAndGet("SELECT count(*) FROM \"" + name + "\"").getInt64();
    }
    return out;
}

} // namespace

TEST_SUITE("hujing::storage::migrate") {
    TEST_CASE("every migration keeps the rows of every table and their constraints hold") {
        for (int start = 1; start < storage::latest_version(); ++start) {
            CAPTURE(start);
            SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA foreign_keys = ON");
            storage::migrate(db, "", start);
            for (const auto& [version, sql] : k_fixture_rows) {
                if (version <= start) {
                    db.exec(sql);
                }
            }
            const auto before = table_counts(db);
            for (const auto& entry : before) {
                // Named copies: clang cannot capture structured bindings in doctest's lambdas.
                const std::string table = entry.first;
                const auto rows = entry.second;
                CAPTURE(table);
                CHECK_MESSAGE(rows > 0, "a table without fixture rows: add them above");
            }
            storage::migrate(db, "");
            REQUIRE(db.execAndGet("PRAGMA user_version").getInt() == storage::latest_version());
            const auto after = table_counts(db);
            for (const auto& entry : before) {
                const std::string table = entry.first;
                const auto rows = entry.second;
                CAPTURE(table);
                REQUIRE(after.count(table) == 1);
                CHECK(after.at(table) == rows);
            }
            SQLite::Statement fk(db, "PRAGMA foreign_key_check");
            CHECK_FALSE(fk.executeStep());
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
            // The rows read back through the reporting views, and the values survive.
            SQLite::Statement views(db, "SELECT name FROM sqlite_master WHERE type = 'view'");
            while (views.executeStep()) {
                const auto view = views.getColumn(0).getString();
                CAPTURE(view);
                CHECK_NOTHROW(db.execAndGet("SELECT count(*) FROM \"" + view + "\""));
            }
            CHECK(db.execAndGet("SELECT badge || role FROM officer JOIN officer_role"
                                " ON officer_id = id")
                      .getString()
                  == "100001项目警官");
            if (start >= 2 && start < 4) { // 0004 derives since from created_at
                CHECK(db.execAndGet("SELECT since FROM project WHERE id = 1").getString()
                      == "2025-03-01");
            }
            if (start >= 2) {
                CHECK(db.execAndGet("SELECT rowid FROM enterprise_fts WHERE enterprise_fts"
                                    " MATCH '\"海亮股份\"'")
                          .getInt64()
                      == 1);
            }
            // The constraints still refuse what they refused before.
            CHECK_THROWS(db.exec("INSERT INTO officer_role(officer_id, role) VALUES (1, '队长')"));
            CHECK_THROWS(
                db.exec("INSERT INTO officer(badge, name, unit_id) VALUES ('12', 'x', 1)"));
            CHECK_THROWS(db.exec("UPDATE audit_log SET actor = 'x' WHERE id = 1"));
            if (start >= 6) {
                CHECK(db.execAndGet("SELECT loss_fen - recovered_fen FROM v_case WHERE id = 1")
                          .getInt64()
                      == 123456779);
                CHECK_THROWS(db.exec("INSERT INTO case_enterprise(case_id, enterprise_id, role)"
                                     " VALUES (1, 1, 'witness')"));
            }
            if (start >= 2) {
                CHECK_THROWS(db.exec("INSERT INTO project(name, officer_id, created_at, since)"
                                     " VALUES ('p2', 1, 'x', 'bad')"));
                CHECK_THROWS(
                    db.exec("INSERT INTO enterprise_tag(enterprise_id, tag) VALUES (99, 't')"));
            }
        }
    }
}
