// SPDX-License-Identifier: GPL-3.0-or-later
// Enterprise-related cases (涉企案件, DESIGN.md §4.3): register, status machine, legal review,
// recoveries. Pre-reports are in prereport.hpp, hanging cases in stale.hpp.
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// The statuses a case is still with the police in (受理, 立案, 侦查).
bool case_is_open(std::string_view status);

// Parse a case id argument (a positive integer); throws Exit::invalid otherwise.
std::int64_t parse_case_id(std::string_view text);

// An enterprise named in a case, with its role (victim, suspect, other).
struct CaseParty {
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string name;
    std::string role;
};

struct Case {
    std::int64_t id = 0;
    std::string case_no;
    std::string title;
    std::string type;
    std::string status;
    std::string origin;
    std::optional<std::string> agency;
    std::int64_t unit_id = 0;
    std::string unit_code;
    std::string unit_name;
    std::string created;
    std::optional<std::string> filed;
    std::optional<std::string> closed;
    std::int64_t loss_fen = 0;
    std::int64_t recovered_fen = 0;
    std::string last_progress;
    std::optional<std::string> review; // the latest review result: pass, return
    std::string registered_by;         // badge
    bool emergency = false;            // an emergency pre-report awaits its review
};

// Find case `id`; throws Exit::not_found.
Case get_case(storage::Database& db, std::int64_t id);

// The enterprises of case `id` in the order they were named.
std::vector<CaseParty> case_parties(storage::Database& db, std::int64_t id);

// One enterprise given to add or update: a key (id, USCC or name) and its role.
struct PartyArg {
    std::string enterprise;
    std::string role;
};

struct NewCase {
    std::string case_no;
    std::string title;
    std::string type;
    std::vector<PartyArg> parties;
    std::string unit;
    std::optional<std::string> filed; // YYYY-MM-DD: opened as filed on that day
    std::optional<std::string> loss;  // yuan
    std::string origin = "local";
    std::optional<std::string> agency;
};

// Register a case on `today`; returns its id. Accepted today, or filed on `filed`. A duplicate
// case number → Exit::conflict; a bad type, role, amount or date, no enterprise, an external
// case without an agency (or filed already) → Exit::invalid; unknown unit or enterprise →
// Exit::not_found.
std::int64_t
add_case(storage::WriteTransaction& tx, storage::Database& db, const NewCase& c, util::Date today);

struct CaseChange {
    std::optional<std::string> title;
    std::optional<std::string> type;
    std::optional<std::string> unit;
    std::optional<std::string> loss; // yuan
    std::optional<std::string> agency;
    std::vector<PartyArg> parties; // added, or their role changed
};

// Change the registered fields of case `id` (not a movement). Nothing to change →
// Exit::usage; the same checks as add_case.
Case update_case(storage::WriteTransaction& tx,
                 storage::Database& db,
                 std::int64_t id,
                 const CaseChange& change,
                 util::Date today);

// Record progress on case `id` on `date` (default today; not after today): with `to`, a move
// of the status machine (illegal moves → Exit::conflict naming the state and the moves
// allowed; prosecuted needs a passing review; an external case cannot leave accepted without
// one); without, a note. An empty note → Exit::invalid.
Case progress_case(storage::WriteTransaction& tx,
                   storage::Database& db,
                   std::int64_t id,
                   const std::optional<std::string>& to,
                   const std::string& note,
                   const std::optional<std::string>& date,
                   util::Date today);

// The legal unit's review of case `id`: `result` pass or return. The reviewer (the acting
// officer) may not be the officer who registered the case (Exit::conflict); a case no longer
// with the police → Exit::conflict.
Case review_case(storage::WriteTransaction& tx,
                 storage::Database& db,
                 std::int64_t id,
                 const std::string& result,
                 const std::string& note,
                 util::Date today);

// Record a recovered amount (yuan) on `date` for case `id`; returns the recovery id.
std::int64_t recover_case(storage::WriteTransaction& tx,
                          storage::Database& db,
                          std::int64_t id,
                          const std::string& amount,
                          const std::string& date,
                          const std::optional<std::string>& note,
                          util::Date today);

struct CaseQuery {
    std::optional<std::string> status; // code or Chinese label
    std::optional<std::string> type;
    std::optional<std::string> unit;
    std::optional<std::string> enterprise;
    std::optional<std::string> origin;
    std::optional<std::string> since; // registered on or after
    std::optional<std::string> until;
    bool stale = false;     // hanging as of today (stale.hpp)
    bool emergency = false; // an emergency pre-report awaits review
    ListPaging paging;
};

// The fields of a case: listing columns, json keys, `show` rows.
const output::View<Case>& case_view();

// Stream the cases matching `query`, by id unless --sort; returns the row count.
std::int64_t
list_cases(storage::Database& db, const CaseQuery& query, util::Date today, const RowSink& sink);

// One entry of a case's timeline.
struct CaseEvent {
    std::int64_t id = 0;
    std::string at;
    std::string action;
    std::string actor;
    std::optional<std::string> status;
    std::optional<std::string> note;
    std::optional<std::int64_t> prereport_id;
};

struct Recovery {
    std::int64_t id = 0;
    std::string date;
    std::int64_t amount_fen = 0;
    std::optional<std::string> note;
};

} // namespace hujing::domain
