// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/org/officer.hpp>
#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/util/id_number.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <variant>

using namespace hujing;
using hujing::test::with_format;

namespace {

domain::Officer sample_officer() {
    domain::Officer o;
    o.id = 3;
    o.badge = "330102";
    o.name = "张三";
    o.unit_id = 1;
    o.unit_name = "店口派出所";
    o.phone = "13800000000";
    o.roles = {"企业警官"};
    o.inspector = true;
    o.active = true;
    return o;
}

// Write `officer` as a one-row listing of officer_view(false).
std::string listing(const output::OutputOptions& options) {
    const auto view = domain::officer_view(false);
    return test::write_rows(view.columns(), {view.row(sample_officer())}, options, view.defaults());
}

} // namespace

TEST_SUITE("hujing::output::view") {
    TEST_CASE("one declaration gives the columns, the json keys and the --fields names") {
        const auto view = domain::officer_view(false);
        std::vector<std::string> column_keys;
        for (const auto& c : view.columns()) {
            column_keys.push_back(c.key);
        }
        CHECK(column_keys == view.keys());
        const auto doc = view.json(sample_officer());
        std::vector<std::string> json_keys;
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            json_keys.push_back(it.key());
        }
        std::sort(column_keys.begin(), column_keys.end());
        CHECK(json_keys == column_keys); // nlohmann::json orders object keys
        for (const auto& key : view.keys()) {
            auto options = with_format(output::Format::csv);
            options.fields = {key};
            CHECK(listing(options).starts_with(key + "\n"));
        }
    }

    TEST_CASE("json of a list has every field; csv shows the default columns") {
        const auto view = domain::officer_view(false);
        const auto doc = nlohmann::json::parse(listing(with_format(output::Format::json)));
        REQUIRE(doc.size() == 1);
        CHECK(doc[0].size() == view.keys().size());
        CHECK(doc[0]["phone"] == util::mask_phone("13800000000"));
        const auto csv = listing(with_format(output::Format::csv));
        CHECK(csv.substr(0, csv.find('\n')) == "id,badge,name,unit,roles,inspector,active");
    }

    TEST_CASE("--fields narrows json too") {
        auto options = with_format(output::Format::jsonl);
        options.fields = {"badge", "phone"};
        CHECK(listing(options)
              == "{\"badge\":\"330102\",\"phone\":\"" + util::mask_phone("13800000000") + "\"}\n");
    }

    TEST_CASE("the json of a record and its row hold the same values") {
        const auto view = domain::officer_view(true);
        const auto officer = sample_officer();
        const auto row = view.row(officer);
        const auto doc = view.json(officer);
        for (std::size_t i = 0; i < view.fields().size(); ++i) {
            const auto& f = view.fields()[i];
            CHECK(doc[f.key] == output::to_json(row[i], f.kind));
        }
        CHECK(doc["phone"] == "13800000000");
    }

    TEST_CASE(
        "only() keeps the named fields in the order given; member() reads optionals as null") {
        const auto view = domain::officer_view(false).only({"name", "badge"});
        CHECK(view.keys() == std::vector<std::string>{"name", "badge"});
        CHECK(view.row(sample_officer())
              == output::Row{std::string("张三"), std::string("330102")});
        CHECK_THROWS_AS(domain::officer_view(false).only({"nope"}), hujing::Error);

        struct Sample {
            std::optional<std::int64_t> n;
        };

        const auto get = output::member(&Sample::n);
        CHECK(std::holds_alternative<std::monostate>(get(Sample{})));
        CHECK(get(Sample{7}) == output::Value(std::int64_t{7}));
    }
}
