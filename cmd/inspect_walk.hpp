// SPDX-License-Identifier: GPL-3.0-or-later
// `inspect record --interactive`: the items walked at the terminal with readline.
#pragma once

#include <hujing/inspect/inspection.hpp>

#include <vector>

namespace hujing::cli {

// Ask every item of `forms` in order (y/n/-, a number or a choice, then an optional note);
// a bad answer is asked again. Ctrl-D abandons: Exit::invalid, nothing is written.
std::vector<domain::Answer> walk_items(const std::vector<domain::Form>& forms);

} // namespace hujing::cli
