// SPDX-License-Identifier: GPL-3.0-or-later
// One field declaration per record type: the json keys users see are the View's keys and the
// table labels come from the same declaration (enterprises, risks, projects).
#include "registry_testutil.hpp"

#include <hujing/output/view.hpp>
#include <hujing/projects/project.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/risk.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace hujing;

namespace {

std::set<std::string> keys_of(const nlohmann::json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items()) {
        out.insert(key);
    }
    return out;
}

template <typename T>
std::set<std::string> view_keys(const output::View<T>& view) {
    const auto keys = view.keys();
    return {keys.begin(), keys.end()};
}

template <typename T>
std::vector<std::string> view_labels(const output::View<T>& view) {
    std::vector<std::string> out;
    for (const auto& f : view.fields()) {
        out.push_back(f.label);
    }
    return out;
}

std::vector<std::string> labels_of(const std::vector<output::Column>& columns) {
    std::vector<std::string> out;
    out.reserve(columns.size());
    for (const auto& c : columns) {
        out.push_back(c.label);
    }
    return out;
}

// A database with enterprise 1 (assigned officer 100001, one open risk) and a project on it.
std::unique_ptr<storage::Database> filled_db() {
    auto db = test::registry_db();
    storage::WriteTransaction tx(*db);
    domain::EnterpriseData e;
    e.uscc = test::uscc(1);
    e.name = "诸暨市铜材有限公司";
    e.phone = "13812345678";
    e.tags = {"纳税大户"};
    domain::add_enterprise(tx, *db, e);
    const util::Date day{std::chrono::year{2025}, std::chrono::month{6}, std::chrono::day{1}};
    domain::assign_officer(tx, *db, "1", "100001", "企业警官", day);
    domain::add_risk(tx, *db, domain::NewRisk{"1", "橙", "资金链", "经侦大队", "王某", day});
    domain::NewProject p;
    p.name = "铜材扩产";
    p.officer = "100002";
    p.enterprise = "1";
    p.since = day;
    domain::add_project(tx, *db, p);
    tx.commit();
    return db;
}

} // namespace

TEST_SUITE("hujing::domain::views") {
    TEST_CASE("an enterprise's json keys are the keys of its View, and show's labels its labels") {
        auto db = filled_db();
        const auto view = domain::enterprise_view(false);
        const auto top = view.without({"officers"});
        const auto e = domain::get_enterprise(*db, "1");
        CHECK(keys_of(domain::enterprise_json(e, false)) == view_keys(top));
        CHECK(labels_of(domain::enterprise_columns()) == view_labels(view));
        CHECK(domain::enterprise_default_fields() == view.defaults());

        const auto file = domain::load_enterprise_file(*db, "1", {false, {}});
        const auto doc = domain::enterprise_file_json(file, false);
        for (const auto& key : top.keys()) {
            CHECK_MESSAGE(doc.contains(key), key);
        }
        const auto sections = domain::enterprise_file_sections(file, false);
        REQUIRE_FALSE(sections.empty());
        CHECK(labels_of(sections[0].fields) == view_labels(top));
        REQUIRE(sections[0].values.size() == top.fields().size());
        // The same getter feeds both: the masked phone is the same text in json and table.
        for (std::size_t i = 0; i < top.fields().size(); ++i) {
            if (top.fields()[i].key == "phone") {
                CHECK(std::get<std::string>(sections[0].values[i]) == doc["phone"]);
            }
        }
    }

    TEST_CASE("a risk's json keys in the file are the risks View's, labels the same fields'") {
        auto db = filled_db();
        const auto view = domain::risk_view();
        CHECK(labels_of(domain::risk_columns()) == view_labels(view));
        const auto file = domain::load_enterprise_file(*db, "1", {false, {}});
        const auto& part = file.part("risks");
        const auto json = part.json();
        REQUIRE(json.size() == 1);
        const auto table = part.table();
        std::set<std::string> table_keys;
        for (const auto& c : table.columns) {
            table_keys.insert(c.key);
            const auto& fields = view.fields();
            const auto f = std::find_if(
                fields.begin(), fields.end(), [&](const auto& x) { return x.key == c.key; });
            REQUIRE(f != fields.end());
            CHECK(f->label == c.label);
        }
        CHECK(keys_of(json[0]) == table_keys);
        CHECK(json[0]["level"] == "orange");
    }

    TEST_CASE("a project's json keys are the keys of its View, and show's labels its labels") {
        auto db = filled_db();
        const auto view = domain::project_view();
        const auto p = domain::load_project(*db, "铜材扩产");
        CHECK(keys_of(domain::project_json(p)) == view_keys(view));
        CHECK(labels_of(domain::project_columns()) == view_labels(view));
        CHECK(domain::project_default_fields() == view.defaults());
        const auto sections = domain::project_sections(p);
        REQUIRE(sections.size() == 2);
        CHECK(labels_of(sections[0].fields) == view_labels(view.without({"team"})));
        REQUIRE(sections[1].table);
        CHECK(labels_of(sections[1].table->columns) == view_labels(domain::project_member_view()));
    }

    TEST_CASE("the file's parts build json and table from one declaration each") {
        auto db = filled_db();
        const auto file = domain::load_enterprise_file(*db, "1", {false, {}});
        for (const char* key : {"officers", "credit_history", "risks", "exemptions", "projects"}) {
            const auto& part = file.part(key);
            const auto json = part.json();
            const auto table = part.table();
            CHECK_MESSAGE(json.is_array(), key);
            if (!json.empty()) {
                // Every table column is a json key of the same row.
                for (const auto& c : table.columns) {
                    CHECK_MESSAGE(json[0].contains(c.key), key, " ", c.key);
                }
                CHECK(table.rows.size() == json.size());
            }
        }
    }
}
