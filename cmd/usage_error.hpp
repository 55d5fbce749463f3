// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hujing::cli {

// Return CLI11's English parse-error message in Chinese (the phrases CLI11 2.1 uses), so the
// one-line error reads like every other hujing error.
std::string usage_message(const CLI::ParseError& e);

// Return the deepest subcommand of `app` that the command line selected (`app` itself if none).
CLI::App* selected_command(CLI::App& app);

// Return the names of the visible subcommands of `app`, in the order they were added.
std::vector<std::string> subcommand_names(const CLI::App& app);

// Return the long option names of `app` ("--town", …), in the order they were added.
std::vector<std::string> long_option_names(const CLI::App& app);

// Return the name among `names` that a mistyped `word` most likely meant: the closest within
// one edit (two for words over 4 characters, leading dashes aside), else the only one starting
// with `word`; empty when there is none.
std::string closest_name(std::string_view word, const std::vector<std::string>& names);

// Return the full command path of `app`, e.g. "hujing enterprise risk".
std::string command_path(const CLI::App& app);

// Return `message` about command `app`: "enterprise risk: <message>", or the bare message for
// the top level (the error line already starts with "hujing: ").
std::string in_command(const CLI::App& app, const std::string& message);

} // namespace hujing::cli
