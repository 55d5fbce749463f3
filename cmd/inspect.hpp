// SPDX-License-Identifier: GPL-3.0-or-later
// The verbs of `inspect`, registered from one file per group.
#pragma once

#include <CLI/CLI.hpp>

namespace hujing::cli {

class Context;

void add_inspect_form_verbs(CLI::App& noun, Context& ctx);   // forms, form show|validate|load
void add_inspect_plan_verbs(CLI::App& noun, Context& ctx);   // plan add|list|show, draw
void add_inspect_record_verbs(CLI::App& noun, Context& ctx); // record, rectify, list, show
void add_inspect_publish_verb(CLI::App& noun, Context& ctx); // publish

} // namespace hujing::cli
