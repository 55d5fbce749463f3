// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/demands/demand.hpp>
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
    std::vector<VisitOfficer> officers; // by badge
    std::int64_t demand_count = 0;      // demands collected on the visit
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

// The fields of a visit — listing columns, json keys, `show` rows — and the listing's default
// columns.
const output::View<Visit>& visit_view();

// Stream the visits matching `query` to `sink`, newest first unless --sort; returns the count.
std::int64_t
list_visits(storage::Database& db, const VisitQuery& query, util::Date today, const RowSink& sink);

// Everything `visit show` prints, read once.
struct VisitPage {
    Visit visit;
    std::vector<Demand> demands; // collected on the visit, by id
};

// Read visit `id`, its officers and its demands in one snapshot (one read transaction, one
// query for all the demands); throws Exit::not_found.
VisitPage read_visit_page(storage::Database& db, std::int64_t id);

// `page` as json: the visit's fields, `officers: [{badge, name}]` and `demands: [...]` with
// every field of demand_view(`today`).
nlohmann::json visit_page_json(const VisitPage& page, util::Date today);

// `page` for people: the same fields, the officers (民警) and the demands (收集的诉求).
std::vector<output::Section> visit_page_sections(const VisitPage& page, util::Date today);

struct VisitDueQuery {
    std::optional<std::string> as_of;   // default today
    std::optional<std::string> officer; // badge
    std::optional<std::string> town;
    std::optional<std::string> role;
    ListPaging paging;
};

// One row of `visit due`: an assignment or a project whose visit is overdue.
struct VisitDue {
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::string> uscc;
    std::optional<std::string> name;
    std::string officer; // badge
    std::string officer_name;
    std::string role;
    std::optional<std::string> last_visit;
    std::string due_date;
    std::int64_t days_overdue = 0;
    std::optional<std::int64_t> project_id;
    std::optional<std::string> project;
    std::optional<std::string> town;
    std::int64_t interval_days = 0;
};

// The fields of `visit due` and the columns it shows without --fields.
const output::View<VisitDue>& visit_due_view();

// Stream the assignments (enterprise_officer) and projects whose last visit by the officer —
// or, never visited, the assignment's since-date / the project's creation — is more than the
// interval (a project's visit_interval_days, else setting visit.interval.<role>) before
// `as_of`, as rows of visit_due_view(); most overdue first. A project counts visits logged
// with --project by its officer. Returns the count.
std::int64_t list_visits_due(storage::Database& db,
                             const VisitDueQuery& query,
                             util::Date today,
                             const RowSink& sink);

// The enterprise file part: the enterprise's most recent visits.
FilePart
visit_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

} // namespace hujing::domain
