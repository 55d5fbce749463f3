// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace hujing::cli {

// Print the completions for `words` (the words after "hujing", the last being completed),
// one per line: subcommands, options, or option values from the database.
int complete(CLI::App& root, const std::vector<std::string>& words);

// Print every noun, verb and long option, tab-separated, one per line (tests check man pages
// and completions against it).
int dump_cli(CLI::App& root);

// The hidden `__dump-values`: every closed list of vocabulary.hpp as "NAME\tCODE\tLABEL" lines
// (the man pages are built from it).
int dump_values();

} // namespace hujing::cli
