// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/util/date.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hujing::cli {

// Options every command understands (DESIGN.md §2), bound on the root command.
struct GlobalOptions {
    std::string db_path;
    std::string actor;
    std::string format;
    std::string fields;
    bool no_header = false;
    bool bom = false;
    bool quiet = false;
    bool reveal = false;
    std::string today;
};

// What a command needs at run time: the parsed globals, the action chosen by the parse, and
// lazily the database. Verb callbacks only set `action`; main runs it after parsing (STYLE 3).
class Context {
public:
    GlobalOptions globals;
    std::function<void()> action;
    std::string command_line; // the argv as typed, recorded in the audit log

    // Open the database (must exist; created only by `init`) with migrations applied.
    storage::Database& db();

    // Create the database if missing (only `init` does this) and open it.
    storage::Database& create_db();

    // The acting officer and command line for the audit log.
    [[nodiscard]] storage::Actor actor() const;

    // "Today" per --today / $HUJING_TODAY / the system date.
    [[nodiscard]] util::Date today() const;

    // The output options from -f, --fields, --no-header, --bom.
    [[nodiscard]] output::OutputOptions output() const;

    // Whether to show PII (--reveal); the first use by a command is itself audited.
    bool reveal();

    // Print a mutation's record id on stdout, one line.
    static void print_id(std::int64_t id);

private:
    std::unique_ptr<storage::Database> m_db;
    bool m_reveal_audited = false;
};

} // namespace hujing::cli
