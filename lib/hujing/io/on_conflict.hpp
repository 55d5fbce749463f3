// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace hujing::io {

// What an import does with a row whose key (USCC, badge) is already registered: fail (the
// default, exit 5 when every bad row is such a row), skip it, or update the record from it
// (a row equal to the record changes nothing and is counted as skipped).
enum class OnConflict { fail, skip, update };

// Parse "fail", "skip" or "update"; throws Exit::invalid otherwise.
OnConflict parse_on_conflict(std::string_view text);

} // namespace hujing::io
