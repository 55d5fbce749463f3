// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace hujing::cli {

// Print the result line of a mutation that has no id (an import's counts) on stdout, flushed;
// call it inside the write step, so that a line that cannot reach stdout (> /dev/full, closed
// stdout) is exit 1 and rolls the change back, as for an id.
void print_result_line(const std::string& line);

} // namespace hujing::cli
