// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry_testutil.hpp"

#include <hujing/visits/demand_arg.hpp>

#include <doctest/doctest.h>

using namespace hujing;

TEST_CASE("a --demand value names its own category before a colon, else takes the visit's") {
    auto arg = [](const std::string& value) { return domain::demand_arg(value, "出入境"); };
    CHECK(arg("签证加急").category == "出入境");
    CHECK(arg("签证加急").text == "签证加急");
    CHECK(arg("治安:夜间照明").category == "治安");
    CHECK(arg("治安:夜间照明").text == "夜间照明");
    CHECK(arg("交通：货车通行证").category == "交通");
    CHECK(arg("交通：货车通行证").text == "货车通行证");
    CHECK(arg("网络安全 : 网站被攻击").category == "网络安全");
    // A long phrase, or one with spaces or punctuation, before the colon is text.
    CHECK(arg("下周二上午的会议时间：请确认").text == "下周二上午的会议时间：请确认");
    CHECK(arg("见 附件: 清单").category == "出入境");
    CHECK(arg(":开头的冒号").text == ":开头的冒号");
    // A short word that is not a category is an error, not text.
    CHECK(test::code_of([&] { arg("用工:招工难"); }) == Exit::invalid);
}
