// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace hujing::cli {

// Return CLI11's English parse-error message in Chinese (the phrases CLI11 2.1 uses), so the
// one-line error reads like every other hujing error.
std::string usage_message(const CLI::ParseError& e);

} // namespace hujing::cli
