// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/error.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hujing::cli {

// Install the Chinese help formatter on `app` (inherited by every subcommand added later):
// Chinese headings and type names, "hujing" in the usage line whatever path ran the binary,
// and, in a leaf command's help, the global options that apply to it.
void install_help_formatter(CLI::App& app);

// Put the options CLI11 added to each subcommand by itself (--help) in the Chinese group; call
// once every command is registered.
void name_option_groups(CLI::App& app);

class Context;

// Add `hujing help [NOUN [VERB]]`, which prints the help of the command named.
void register_help(CLI::App& app, Context& ctx);

// Print the help of the command `words` name under `app`; a word that names no command is
// Exit::usage with the commands to choose from.
void print_help_of(CLI::App& app, const Context& ctx, const std::vector<std::string>& words);

// For a command line asking for --help: the usage error when a word before it names no command
// (`hujing nosuchnoun --help` is exit 2 with a suggestion, not the top-level help).
std::optional<Error> help_target_error(CLI::App& app, const std::vector<std::string>& args);

} // namespace hujing::cli
