// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace hujing {

// Print "hujing: 注意: <text>" on stderr unless notices are silenced (-q).
void notice(std::string_view text);

// Silence or enable notices for the rest of the process.
void set_quiet(bool quiet);

// Whether notices and progress bars are silenced (-q).
bool quiet();

} // namespace hujing
