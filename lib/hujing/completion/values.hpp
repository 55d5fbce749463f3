// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/storage/database.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// Values to offer when completing the argument of `option` of the command `command` (its words
// after "hujing", e.g. "unit add"): "--unit" → unit codes and names, "--officer" → badges,
// "--kind" → the kinds of that noun, "--status" → codes and Chinese labels. `db` may be null
// when no database is reachable; then only static values are offered.
std::vector<std::string>
completion_values(storage::Database* db, std::string_view command, std::string_view option);

// The values offered for the positional argument of the verb at `path` ("case show", "case
// detention approve"): case ids, or pre-report ids of the verb's kind; empty for other verbs or
// without a database.
std::vector<std::string> positional_values(storage::Database* db, std::string_view path);

} // namespace hujing::domain
