// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace hujing::test {

// The per-run temporary directory (kept when a test fails).
std::filesystem::path run_dir();

// The source tree and the test fixtures, from the build.
inline std::filesystem::path source_dir() {
    return HUJING_SOURCE_DIR;
}

} // namespace hujing::test
