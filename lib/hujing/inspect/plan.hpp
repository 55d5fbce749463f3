// SPDX-License-Identifier: GPL-3.0-or-later
// Inspection plans (抽查计划) and their draw, stored and verifiable.
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hujing::domain {

struct NewPlan {
    std::string name;
    std::vector<std::string> forms;
    std::optional<std::string> ratio;
    std::optional<std::int64_t> count;
    std::vector<std::string> enterprises; // a targeted plan (定向检查) when not empty
    std::int64_t team_size = 2;
    std::string window; // FROM..TO
    std::optional<std::string> seed;
    std::optional<std::int64_t> exclude_recent_days;
    std::string credit_factors = "A=0.5,B=1,C=2,D=3";
};

struct Plan {
    std::int64_t id = 0;
    std::string name;
    bool targeted = false;
    std::vector<std::string> forms;
    std::optional<std::string> ratio;
    std::optional<std::int64_t> count;
    std::int64_t team_size = 2;
    std::string window_from;
    std::string window_to;
    std::string seed;
    std::string credit_factors;
    std::int64_t exclude_recent_days = 0;
    std::string created;
    std::optional<std::string> drawn_at;
    std::optional<std::int64_t> candidates;
    std::optional<std::string> grade_counts;
    std::optional<std::string> candidate_digest;
    std::optional<std::string> pool_digest;
    std::optional<std::string> published;
    std::int64_t targets = 0;
    std::int64_t inspections = 0;
};

// Add a plan; returns its id. Unknown form or enterprise: Exit::not_found; a bad ratio, count,
// window, factors or team size, or not exactly one of ratio/count/enterprises: Exit::invalid;
// a name in use: Exit::conflict.
std::int64_t add_plan(storage::WriteTransaction& tx,
                      storage::Database& db,
                      const NewPlan& plan,
                      util::Date today);

// Plan `key` (id or name); Exit::not_found.
Plan get_plan(storage::Database& db, std::string_view key);

output::View<Plan> plan_view();

std::int64_t list_plans(storage::Database& db, const ListPaging& paging, const RowSink& sink);

// One drawn target.
struct PlanTarget {
    std::int64_t rank = 0;
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string name;
    std::string credit_grade;
    std::string ticket;
    std::vector<std::string> team; // badges
};

output::View<PlanTarget> target_view();

// The targets of plan `plan_id` in rank order.
std::vector<PlanTarget> plan_targets(storage::Database& db, std::int64_t plan_id);

// Draw plan `key` (DESIGN.md §4.4 steps 1–5) on `today`, store targets, teams, seed and
// digests; returns the targets. Already drawn: Exit::conflict.
std::vector<PlanTarget> draw_plan(storage::WriteTransaction& tx,
                                  storage::Database& db,
                                  std::string_view key,
                                  util::Date today);

// Recompute the draw of plan `key` from its seed on the database as it is now; a difference
// with what was stored is Exit::conflict naming the first one. Returns the stored targets.
std::vector<PlanTarget> verify_plan(storage::Database& db, std::string_view key);

nlohmann::json plan_page_json(const Plan& plan, const std::vector<PlanTarget>& targets);
std::vector<output::Section> plan_page_sections(const Plan& plan,
                                                const std::vector<PlanTarget>& targets);

} // namespace hujing::domain
