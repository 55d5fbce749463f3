// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
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

// The kinds of visit: 走访 座谈 恳谈会 联席会商 上门帮办 宣传.
const std::vector<std::string>& visit_kinds();

// Throw Exit::invalid unless `kind` is one of visit_kinds().
void check_visit_kind(std::string_view kind);

// Parse a visit id argument (a positive integer); throws Exit::invalid otherwise.
std::int64_t parse_visit_id(std::string_view text);

struct VisitOfficer {
    std::string badge;
    std::string name;
};

struct Visit {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string enterprise_name;
    std::optional<std::string> town;
    std::string date;
    std::string kind;
    std::string summary;
    std::optional<std::int64_t> project_id;
    std::optional<std::string> project_name;
    std::string created_at;
    std::vector<VisitOfficer> officers;
};

// Find visit `id`; throws Exit::not_found.
Visit get_visit(storage::Database& db, std::int64_t id);

struct NewVisit {
    std::string enterprise;            // id or USCC
    std::vector<std::string> officers; // badges
    std::optional<std::string> date;   // YYYY-MM-DD, today, yesterday; default today
    std::string kind = "走访";
    std::string summary;
    std::optional<std::string> project; // id or name
    std::vector<std::string> demands;   // each opens a demand (source 走访)
    std::string category = "其他";      // the category of those demands
};

// What `visit log` created.
struct LoggedVisit {
    std::int64_t id = 0;
    std::vector<std::int64_t> demand_ids;
};

// Record a visit and open its demands. Unknown enterprise, officer or project →
// Exit::not_found; no officer, a bad kind, category or date, a date after `today`, an empty
// summary, or a project of another enterprise → Exit::invalid.
LoggedVisit log_visit(storage::WriteTransaction& tx,
                      storage::Database& db,
                      const NewVisit& visit,
                      util::Date today);

struct VisitQuery {
    std::optional<std::string> enterprise; // id or USCC
    std::optional<std::string> officer;    // badge
    std::optional<std::string> town;
    std::optional<std::string> since;
    std::optional<std::string> until;
    std::optional<std::string> kind;
    std::optional<std::string> project; // id or name
    ListPaging paging;
};

// The columns of a visit listing, and those shown without --fields.
std::vector<output::Column> visit_columns();
std::vector<std::string> visit_default_fields();

// Stream the visits matching `query` to `sink`, newest first unless --sort; returns the count.
std::int64_t
list_visits(storage::Database& db, const VisitQuery& query, util::Date today, const RowSink& sink);

// The visit as JSON with `officers: [{badge, name}]` and `demands: [{id, category, status,
// text, unit, due}]`.
nlohmann::json visit_show_json(storage::Database& db, const Visit& visit);

// The `show` page of a visit.
std::vector<output::Section> visit_sections(storage::Database& db, const Visit& visit);

struct VisitDueQuery {
    std::optional<std::string> as_of;   // default today
    std::optional<std::string> officer; // badge
    std::optional<std::string> town;
    std::optional<std::string> role;
    ListPaging paging;
};

// The columns of `visit due`.
std::vector<output::Column> visit_due_columns();

// Stream the assignments (enterprise_officer) and projects whose last visit by the officer —
// or, never visited, the assignment's since-date / the project's creation — is more than the
// interval (a project's visit_interval_days, else setting visit.interval.<role>) before
// `as_of`; most overdue first. A project counts visits logged with --project by its officer.
// Returns the count.
std::int64_t list_visits_due(storage::Database& db,
                             const VisitDueQuery& query,
                             util::Date today,
                             const RowSink& sink);

// The enterprise file part: the enterprise's most recent visits.
FilePart
visit_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

} // namespace hujing::domain
