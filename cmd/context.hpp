// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
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
    bool no_pager = false;
    std::string today;
};

// What a command needs at run time: the parsed globals, the action chosen by the parse, and
// lazily the database. Verb callbacks only set `action`; main runs it after parsing (STYLE 3).
class Context {
public:
    GlobalOptions globals;
    std::function<void()> action;
    std::string command_line; // the argv as typed, recorded in the audit log
    // The command changes casework (enterprises, projects, visits, demands, cases,
    // inspections): its writes need --as to name a registered, active officer.
    bool casework = false;

    // Open the database (must exist; created only by `init`) with migrations applied.
    storage::Database& db();

    // Create the database if missing (only `init` does this) and open it.
    storage::Database& create_db();

    // The operating-system user and command line for the audit log; the officer is added when
    // the first write checks --as against the register.
    [[nodiscard]] storage::Actor actor() const;

    // "Today" per --today / $HUJING_TODAY / the system date.
    [[nodiscard]] util::Date today() const;

    // The output options from -f, --fields, --no-header, --bom.
    [[nodiscard]] output::OutputOptions output() const;

    // Whether to show PII (--reveal). The first use by a command is itself audited, in the
    // command's own write transaction: a read-only command that reveals runs in one opened here,
    // committed by finish() only when the command succeeds.
    bool reveal();

    // The one write path of a mutating command (STYLE 8): run `step(tx, db)` in the command's
    // write transaction (BEGIN IMMEDIATE), commit, and return what `step` returns. Leaving by an
    // exception rolls everything back, the --reveal audit row included.
    template <typename Step>
    auto write(Step&& step) {
        auto& tx = transaction();
        if constexpr (std::is_void_v<decltype(step(tx, *m_db))>) {
            std::forward<Step>(step)(tx, *m_db);
            commit();
        } else {
            auto result = std::forward<Step>(step)(tx, *m_db);
            commit();
            return result;
        }
    }

    // As write(), for a step that returns the record id: print it (DESIGN §2) before the
    // commit, so an id that cannot reach stdout rolls the change back (print_id throws).
    template <typename Step>
    void write_id(Step&& step) {
        write([&](storage::WriteTransaction& tx, storage::Database& db) {
            const auto id = step(tx, db);
            print_id(id);
            return id;
        });
    }

    // Commit the transaction a successful command still holds (main calls this after the
    // action).
    void finish();

    // Print a mutation's record id on stdout, one line, flushed; call it inside the write step.
    // An id that cannot be written (stdout closed, full disk) is Exit::internal: the caller's
    // transaction rolls back, since a script that lost the id cannot refer to the record.
    static void print_id(std::int64_t id);

private:
    // The command's write transaction, begun on first use.
    storage::WriteTransaction& transaction();
    void commit();
    // Check --as against the register inside the write transaction: casework needs a registered,
    // active officer (Exit::not_found otherwise); set-up records one when --as names one, else
    // the operating-system user.
    void identify_officer();

    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::WriteTransaction> m_tx; // after m_db: rolled back before it closes
    bool m_reveal_audited = false;
};

} // namespace hujing::cli
