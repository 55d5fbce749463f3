// SPDX-License-Identifier: GPL-3.0-or-later
#define DOCTEST_CONFIG_IMPLEMENT
#include "testutil.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace hujing::test {

namespace {
std::filesystem::path g_run_dir; // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
}

std::filesystem::path run_dir() {
    return g_run_dir;
}

} // namespace hujing::test

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::string templ = (fs::temp_directory_path() / "hujing-unit-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    hujing::test::g_run_dir = templ;
    ::setenv("TZ", "UTC", 1);

    doctest::Context context;
    context.applyCommandLine(argc, argv);
    const int result = context.run();
    if (result == 0) {
        fs::remove_all(templ);
    } else {
        std::fprintf(stderr, "hujing_unit: kept the run directory %s\n", templ.c_str());
    }
    return result;
}
