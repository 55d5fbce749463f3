// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

namespace hujing::cli {

class Context;

// One registration function per noun (STYLE 2); cmd/app.cpp holds the only list of them.
void register_init(CLI::App& root, Context& ctx);
void register_db(CLI::App& root, Context& ctx);
void register_config(CLI::App& root, Context& ctx);
void register_audit(CLI::App& root, Context& ctx);
void register_unit(CLI::App& root, Context& ctx);
void register_officer(CLI::App& root, Context& ctx);
void register_enterprise(CLI::App& root, Context& ctx);
void register_project(CLI::App& root, Context& ctx);
void register_visit(CLI::App& root, Context& ctx);
void register_demand(CLI::App& root, Context& ctx);
void register_case(CLI::App& root, Context& ctx);
void register_inspect(CLI::App& root, Context& ctx);
void register_report(CLI::App& root, Context& ctx);
void register_completion(CLI::App& root, Context& ctx);

} // namespace hujing::cli
