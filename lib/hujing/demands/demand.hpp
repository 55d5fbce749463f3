// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/calendar/calendar.hpp>
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

// The demand categories (stored as these Chinese words; setting `demand.sla.<category>`).
const std::vector<std::string>& demand_categories();

// Where a demand came from: 走访 联络站 12345 窗口 其他.
const std::vector<std::string>& demand_sources();

// The status codes in loop order: collected routed resolved fed_back rated.
const std::vector<std::string>& demand_statuses();

// The Chinese label of status `code` (已收集 …), or `code` itself when unknown.
std::string demand_status_label(std::string_view code);

// The Chinese label of timeline action `code` (流转, 转办 …), or `code` itself when unknown.
std::string demand_action_label(std::string_view code);

// Throw Exit::invalid unless `category` is one of demand_categories().
void check_category(std::string_view category);

// Parse a demand id argument (a positive integer); throws Exit::invalid otherwise.
std::int64_t parse_demand_id(std::string_view text);

struct Demand {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string enterprise_name;
    std::optional<std::int64_t> visit_id;
    std::string category;
    std::string text;
    std::string source;
    std::string status;
    std::optional<std::int64_t> unit_id;
    std::optional<std::string> unit_code;
    std::optional<std::string> unit_name;
    std::optional<std::string> due;
    std::optional<std::int64_t> sla_days;
    std::string created;
    std::optional<std::string> resolved;
    std::optional<bool> on_time;
    std::optional<std::string> closed;
    std::int64_t reopens = 0;
    std::int64_t escalations = 0;
    std::optional<std::int64_t> score;
    std::optional<std::string> comment;

    // Whether `today` is past the deadline while the demand is still with a unit (routed).
    [[nodiscard]] bool overdue(util::Date today) const;
};

// One entry of a demand's timeline.
struct DemandEvent {
    std::int64_t id = 0;
    std::string at;
    std::string action;
    std::string actor;
    std::optional<std::string> note;
    std::optional<std::string> unit_name;
    std::optional<std::string> due;
    std::optional<std::int64_t> score;
};

// Find demand `id`; throws Exit::not_found.
Demand get_demand(storage::Database& db, std::int64_t id);

// The demands collected on visit `visit_id`, by id (one query).
std::vector<Demand> visit_demands(storage::Database& db, std::int64_t visit_id);

// The timeline of demand `id`, oldest first.
std::vector<DemandEvent> demand_events(storage::Database& db, std::int64_t id);

// Return the deadline of a demand routed on `routed_on` with `working_days`: the
// `working_days`-th working day after it on `calendar` (the routing day not counted).
util::Date compute_due(const calendar::Calendar& calendar, util::Date routed_on, int working_days);

struct NewDemand {
    std::string enterprise; // id or USCC
    std::string text;
    std::string category = "其他";
    std::string source = "其他";
    std::optional<std::int64_t> visit_id;
};

// Open a demand (status collected) on `today`; returns its id. Unknown enterprise or visit →
// Exit::not_found; empty text, bad category/source, a visit of another enterprise →
// Exit::invalid.
std::int64_t add_demand(storage::WriteTransaction& tx,
                        storage::Database& db,
                        const NewDemand& demand,
                        util::Date today);

// Open a demand for the enterprise with id `enterprise_id` (already resolved) — the shared step
// of add_demand and `visit log --demand`; records its `add` event and audit row.
std::int64_t open_demand(storage::WriteTransaction& tx,
                         storage::Database& db,
                         std::int64_t enterprise_id,
                         std::optional<std::int64_t> visit_id,
                         const std::string& category,
                         const std::string& source,
                         const std::string& text,
                         util::Date today);

// A deadline given to route or escalate: an explicit date, N working days, or neither (the
// category's SLA for route; the deadline unchanged for escalate).
struct Deadline {
    std::optional<std::string> due;     // YYYY-MM-DD, today, yesterday
    std::optional<std::int64_t> within; // working days, 1..15
};

// Route demand `id` to `unit` (id, code or name) on `today`. From collected: `route`; from
// routed to another unit: a transfer (转办) with a fresh deadline. A `due` before today or
// `within` outside 1..15 is Exit::invalid; any other state, or the same unit, is Exit::conflict.
Demand route_demand(storage::WriteTransaction& tx,
                    storage::Database& db,
                    std::int64_t id,
                    const std::string& unit,
                    const Deadline& deadline,
                    util::Date today);

enum class Resolved { no, yes };

// Record progress on a routed demand (`resolved` no) or its resolution (→ resolved, on time
// when `today` is not past the deadline). An empty `note` is Exit::invalid.
Demand handle_demand(storage::WriteTransaction& tx,
                     storage::Database& db,
                     std::int64_t id,
                     const std::string& note,
                     Resolved resolved,
                     util::Date today);

// Record the reply to the enterprise: resolved → fed_back.
Demand feedback_demand(storage::WriteTransaction& tx,
                       storage::Database& db,
                       std::int64_t id,
                       const std::string& note,
                       util::Date today);

// Record the enterprise's rating `score` (1..5, else Exit::invalid): fed_back → rated (closed);
// 1 or 2 reopens it: routed at the same unit, a new deadline of the same number of working
// days counted from `today`, reopens + 1.
Demand rate_demand(storage::WriteTransaction& tx,
                   storage::Database& db,
                   std::int64_t id,
                   std::int64_t score,
                   const std::optional<std::string>& comment,
                   util::Date today);

// Move a routed demand one tier up: liaison room → its subcentre → the centre; a police team,
// station or agency → the centre. At the centre already: Exit::conflict. The deadline stays
// unless `deadline` gives a new one.
Demand escalate_demand(storage::WriteTransaction& tx,
                       storage::Database& db,
                       std::int64_t id,
                       const std::string& reason,
                       const Deadline& deadline,
                       util::Date today);

struct DemandQuery {
    std::optional<std::string> status; // code or Chinese label
    std::optional<std::string> unit;   // id, code or name
    std::optional<std::string> category;
    std::optional<std::string> enterprise; // id or USCC
    std::optional<std::string> since;      // created on or after
    std::optional<std::string> until;      // created on or before
    bool overdue = false;
    ListPaging paging;
};

// A correction of a demand before it is routed: the fields given replace the recorded ones.
struct DemandCorrection {
    std::optional<std::string> text;
    std::optional<std::string> category;
};

// Correct the text or category of demand `id` while it is 已收集 (Exit::conflict once routed);
// neither given → Exit::usage, empty text or a bad category → Exit::invalid. One audit row
// (action update) records the demand before and after; the timeline is unchanged.
Demand update_demand(storage::WriteTransaction& tx,
                     storage::Database& db,
                     std::int64_t id,
                     const DemandCorrection& correction,
                     util::Date today);

// The fields of a demand — listing columns, json keys, `show` rows — with `overdue` judged on
// `today`, and the listing's default columns.
output::View<Demand> demand_view(util::Date today);

// Stream the demands matching `query` to `sink` as rows of demand_view(), ordered by id
// unless --sort; returns the row count. Unknown unit or enterprise → Exit::not_found; a bad
// status, category or date → Exit::invalid.
std::int64_t list_demands(storage::Database& db,
                          const DemandQuery& query,
                          util::Date today,
                          const RowSink& sink);

// Everything `demand show` prints, read once.
struct DemandPage {
    Demand demand;
    std::vector<DemandEvent> events; // oldest first
};

// Read demand `id` and its timeline in one snapshot (one read transaction); throws
// Exit::not_found.
DemandPage read_demand_page(storage::Database& db, std::int64_t id);

// `page` as json: every field of demand_view(`today`) and `events: [{at, action, actor, note,
// unit, due, score}]`.
nlohmann::json demand_page_json(const DemandPage& page, util::Date today);

// `page` for people: the same fields, then the timeline (办理记录).
std::vector<output::Section> demand_page_sections(const DemandPage& page, util::Date today);

// The enterprise file part: the enterprise's open demands (not yet rated).
FilePart
demand_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

} // namespace hujing::domain
