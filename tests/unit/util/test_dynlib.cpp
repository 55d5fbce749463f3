// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.hpp"

#include <hujing/error.hpp>
#include <hujing/util/dynlib.hpp>
#include <hujing/util/sha256.hpp>

#include <doctest/doctest.h>

using namespace hujing;

TEST_SUITE("hujing::util::dynlib") {
    TEST_CASE("a library opens on first use and yields its symbols") {
        util::LazyLibrary libm("libm.so.6", "libc6");
        using Fn = double (*)(double);
        CHECK(libm.function<Fn>("sqrt")(16.0) == doctest::Approx(4.0));
    }

    TEST_CASE("a missing library or symbol is an internal error naming the package") {
        util::LazyLibrary missing("libhujing-no-such-library.so.9", "hujing-no-such-package");
        try {
            missing.symbol("f");
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::internal);
            CHECK(e.hint().find("hujing-no-such-package") != std::string::npos);
        }
        util::LazyLibrary libm("libm.so.6", "libc6");
        try {
            libm.symbol("hujing_no_such_symbol");
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::internal);
        }
    }

    TEST_CASE("SHA-256 through the lazily opened libcrypto matches the FIPS 180-2 vectors") {
        CHECK(util::sha256_hex("")
              == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(util::sha256_hex("abc")
              == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
