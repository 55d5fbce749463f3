// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

namespace hujing::cli {

class Context;

// `case detention …` and `case measure …`: the pre-report verbs (case_prereport.cpp).
void add_prereport_verbs(CLI::App& noun, Context& ctx);

} // namespace hujing::cli
