// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/util/pii.hpp>

#include <doctest/doctest.h>

using hujing::util::mask_arguments;
using V = std::vector<std::string>;

TEST_CASE("mask_arguments masks the values of phone and ID-number options") {
    CHECK(mask_arguments(V{"officer", "add", "1", "--phone", "13911112222"})
          == V{"officer", "add", "1", "--phone", "139****2222"});
    CHECK(mask_arguments(V{"--phone=13911112222"}) == V{"--phone=139****2222"});
    CHECK(mask_arguments(V{"--contact-phone", "0575-87001234"})
          == V{"--contact-phone", "****-****1234"});
    CHECK(mask_arguments(V{"--id-no", "11010519491231002X"}) == V{"--id-no", "110105********002X"});
}

TEST_CASE("mask_arguments masks a bare mobile or valid ID number wherever it stands") {
    CHECK(mask_arguments(V{"enterprise", "list", "--search", "13911112222"})
          == V{"enterprise", "list", "--search", "139****2222"});
    CHECK(mask_arguments(V{"11010519491231002X"}) == V{"110105********002X"});
}

TEST_CASE("mask_arguments leaves everything else alone") {
    // A USCC, a badge, a date, an 18-digit number with a wrong check digit, and an option
    // following --phone (no value was given).
    const V plain{"91330681MA2D86XM28",
                  "330276",
                  "2025-10-15",
                  "110105194912310021",
                  "--phone",
                  "--name",
                  "张三"};
    CHECK(mask_arguments(plain) == plain);
    CHECK(mask_arguments(V{"12345678901"}) == V{"12345678901"}); // not a mobile prefix
}
