// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect.hpp"

#include "commands.hpp"

namespace hujing::cli {

void register_inspect(CLI::App& root, Context& ctx) {
    auto* noun = root.add_subcommand(
        "inspect", "综合查一次与双随机、一公开: 表单、抽查计划、抽取、检查记录、整改、公示");
    noun->require_subcommand(1);
    add_inspect_form_verbs(*noun, ctx);
    add_inspect_plan_verbs(*noun, ctx);
    add_inspect_record_verbs(*noun, ctx);
    add_inspect_publish_verb(*noun, ctx);
}

} // namespace hujing::cli
