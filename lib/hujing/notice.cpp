// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/notice.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace hujing {

namespace {
bool g_quiet = false; // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
}

void notice(std::string_view text) {
    if (!g_quiet) {
        fmt::print(stderr, "hujing: 注意: {}\n", text);
    }
}

void set_quiet(bool quiet) {
    g_quiet = quiet;
}

bool quiet() {
    return g_quiet;
}

} // namespace hujing
