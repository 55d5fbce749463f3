// SPDX-License-Identifier: GPL-3.0-or-later
// The ten built-in inspection forms are compiled into the binary byte for byte, and yaml-cpp
// (the reader the form loader uses) parses each of them.
#include "testutil.hpp"

#include <hujing/embedded.hpp>

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> k_form_ids = {"cybersecurity",
                                             "delivery",
                                             "entertainment",
                                             "hazchem",
                                             "lodging",
                                             "netcafe",
                                             "pawn",
                                             "scrap",
                                             "seal",
                                             "transport"};

std::string read_source(const std::string& relative) {
    std::ifstream in(hujing::test::source_dir() / relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("the ten built-in forms are embedded as they are in schemas/forms") {
    const auto files = hujing::embedded_files("schemas/forms/");
    std::vector<std::string> ids;
    for (const auto& file : files) {
        const std::filesystem::path path(file.path);
        CHECK(path.extension() == ".yaml");
        ids.push_back(path.stem().string());
        CHECK(file.bytes == read_source(std::string(file.path)));
    }
    CHECK(ids == k_form_ids);
    CHECK(hujing::embedded_file("schemas/form.schema.json").has_value());
}

TEST_CASE("yaml-cpp reads every built-in form with its id, unit and items") {
    for (const auto& file : hujing::embedded_files("schemas/forms/")) {
        CAPTURE(file.path);
        const YAML::Node form = YAML::Load(std::string(file.bytes));
        const std::filesystem::path path(file.path);
        CHECK(form["id"].as<std::string>() == path.stem().string());
        CHECK(form["version"].as<int>() >= 1);
        CHECK(!form["unit"].as<std::string>().empty());
        CHECK(form["applies_to"]["sectors"][0].as<std::string>() == path.stem().string());
        const YAML::Node items = form["items"];
        REQUIRE(items.IsSequence());
        CHECK(items.size() >= 6);
        CHECK(items.size() <= 12);
        std::set<std::string> seen;
        for (const auto& item : items) {
            CHECK(seen.insert(item["id"].as<std::string>()).second);
            CHECK(item["rectify_days"].as<int>() >= 1);
            CHECK_NOTHROW(item["required"].as<bool>());
        }
    }
}
