// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

namespace hujing::cli {

// Build the whole command tree on `app`, binding into `ctx`.
void build_app(CLI::App& app, class Context& ctx);

// Parse `argv`, run the chosen action, map every error to its exit status.
int run(int argc, char** argv);

} // namespace hujing::cli
