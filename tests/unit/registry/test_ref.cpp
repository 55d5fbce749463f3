// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry_testutil.hpp"

#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/ref.hpp>

#include <doctest/doctest.h>

using namespace hujing;

TEST_SUITE("hujing::registry::ref") {
    TEST_CASE("find_enterprise and find_enterprise_ref read a key the same way, both trimmed") {
        auto db = test::registry_db();
        domain::EnterpriseData d;
        d.uscc = test::uscc(7);
        d.name = "诸暨市测试七有限公司";
        storage::WriteTransaction tx(*db);
        const auto id = domain::add_enterprise(tx, *db, d);
        tx.commit();
        std::string lower = d.uscc;
        for (auto& c : lower) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        for (const std::string& key : std::vector<std::string>{std::to_string(id),
                                                               " " + std::to_string(id) + " ",
                                                               d.uscc,
                                                               "  " + d.uscc + "\t",
                                                               lower}) {
            CAPTURE(key);
            const auto full = domain::find_enterprise(*db, key);
            const auto ref = domain::find_enterprise_ref(*db, key);
            REQUIRE(full.has_value());
            REQUIRE(ref.has_value());
            CHECK(ref->id == id);
            CHECK(full->id == id);
        }
        for (const std::string& key : std::vector<std::string>{"0", "-1", "99", "", " ", "abc"}) {
            CAPTURE(key);
            CHECK_FALSE(domain::find_enterprise(*db, key).has_value());
            CHECK_FALSE(domain::find_enterprise_ref(*db, key).has_value());
        }
    }
}
