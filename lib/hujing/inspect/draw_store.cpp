// SPDX-License-Identifier: GPL-3.0-or-later
// The draw over the database: candidates (step 1), the stored result and --verify.
#include <hujing/inspect/draw.hpp>
#include <hujing/inspect/draw_candidates.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/util/sha256.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

// Everything a draw computes, before it is stored.
struct DrawResult {
    GradeCounts counts{};
    std::int64_t candidates = 0;
    std::string candidate_digest;
    std::string pool_digest;
    std::vector<PlanTarget> targets; // ticket order; team = badges
    std::vector<std::vector<std::int64_t>> team_ids;
};

std::vector<PoolInspector> read_pool(storage::Database& db, DrawResult& out) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, badge FROM officer WHERE active = 1 AND inspector = 1"
                        " ORDER BY badge");
    std::vector<PoolInspector> pool;
    std::string lines;
    while (q.executeStep()) {
        pool.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
        lines += pool.back().badge + "\n";
    }
    out.pool_digest = util::sha256_hex(lines);
    return pool;
}

std::set<std::pair<std::int64_t, std::int64_t>>
read_conflicts(storage::Database& db, const std::vector<TeamTarget>& targets) {
    SQLite::Statement q(
        db.sql(), "SELECT DISTINCT officer_id FROM enterprise_officer WHERE enterprise_id = ?");
    std::set<std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& t : targets) {
        q.bind(1, t.enterprise_id);
        while (q.executeStep()) {
            out.insert({t.enterprise_id, q.getColumn(0).getInt64()});
        }
        q.reset();
    }
    return out;
}

GradeCounts plan_quotas(const Plan& plan, const GradeCounts& counts) {
    if (plan.targeted) {
        return counts;
    }
    const auto factors = parse_factors(plan.credit_factors);
    if (plan.ratio) {
        return ratio_quotas(counts, parse_decimal(*plan.ratio, "抽查比例"), factors);
    }
    return count_quotas(counts, plan.count.value_or(0), factors);
}

std::vector<PlanTarget> describe(storage::Database& db, const std::vector<DrawCandidate>& drawn) {
    SQLite::Statement q(
        db.sql(), "SELECT uscc, name, coalesce(credit_grade, 'B') FROM enterprise WHERE id = ?");
    std::vector<PlanTarget> out;
    std::int64_t rank = 0;
    for (const auto& c : drawn) {
        q.bind(1, c.enterprise_id);
        q.executeStep();
        PlanTarget t;
        t.rank = ++rank;
        t.enterprise_id = c.enterprise_id;
        t.uscc = q.getColumn(0).getString();
        t.name = q.getColumn(1).getString();
        t.credit_grade = q.getColumn(2).getString();
        t.ticket = ticket_hex(c);
        out.push_back(std::move(t));
        q.reset();
    }
    return out;
}

// Steps 1 to 4, and the candidate digest taken on the way.
std::vector<DrawCandidate>
draw_candidates(storage::Database& db, const Plan& plan, DrawResult& out) {
    const auto candidates = read_candidates(db, plan);
    out.counts = candidates.counts();
    out.candidates = static_cast<std::int64_t>(candidates.rows().size());
    out.candidate_digest = candidate_digest(candidates);
    return draw_targets(plan.seed, candidates, plan_quotas(plan, out.counts));
}

DrawResult compute_draw(storage::Database& db, const Plan& plan) {
    DrawResult out;
    out.targets = describe(db, draw_candidates(db, plan, out));
    const auto pool = read_pool(db, out);
    std::vector<TeamTarget> team_targets;
    for (const auto& t : out.targets) {
        team_targets.push_back({t.enterprise_id, t.uscc, t.name});
    }
    const auto teams =
        form_teams(plan.seed, team_targets, pool, read_conflicts(db, team_targets), plan.team_size);
    for (std::size_t i = 0; i < teams.size(); ++i) {
        std::vector<std::int64_t> ids;
        for (const auto k : teams[i]) {
            out.targets[i].team.push_back(pool[k].badge);
            ids.push_back(pool[k].officer_id);
        }
        out.team_ids.push_back(std::move(ids));
    }
    return out;
}

void store_draw(storage::Database& db, const Plan& plan, const DrawResult& r, util::Date today) {
    SQLite::Statement t(db.sql(), "INSERT INTO plan_target VALUES (?,?,?,?,?,?)");
    SQLite::Statement m(db.sql(), "INSERT INTO plan_inspector VALUES (?,?,?,?)");
    for (std::size_t i = 0; i < r.targets.size(); ++i) {
        const auto& x = r.targets[i];
        t.bind(1, plan.id);
        t.bind(2, x.enterprise_id);
        t.bind(3, x.rank);
        t.bind(4, x.rank);
        t.bind(5, x.credit_grade);
        t.bind(6, x.ticket);
        t.exec();
        t.reset();
        int position = 0;
        for (const auto officer : r.team_ids[i]) {
            m.bind(1, plan.id);
            m.bind(2, x.rank);
            m.bind(3, officer);
            m.bind(4, ++position);
            m.exec();
            m.reset();
        }
    }
    SQLite::Statement p(db.sql(),
                        "UPDATE inspection_plan SET drawn_at = ?, candidates = ?, grade_counts = ?,"
                        " candidate_digest = ?, pool_digest = ? WHERE id = ?");
    p.bind(1, util::format_date(today));
    p.bind(2, r.candidates);
    p.bind(3, format_counts(r.counts));
    p.bind(4, r.candidate_digest);
    p.bind(5, r.pool_digest);
    p.bind(6, plan.id);
    p.exec();
}

std::string first_target_difference(const std::vector<PlanTarget>& stored,
                                    const std::vector<PlanTarget>& again) {
    for (std::size_t i = 0; i < std::max(stored.size(), again.size()); ++i) {
        const auto name = [](const std::vector<PlanTarget>& v, std::size_t k) {
            return k < v.size() ? v[k].uscc : std::string("（无）");
        };
        if (name(stored, i) != name(again, i)) {
            return fmt::format(
                "第 {} 名不同: 抽取时为 {}，重算为 {}", i + 1, name(stored, i), name(again, i));
        }
        if (stored[i].team != again[i].team) {
            return fmt::format("第 {} 名 {} 的检查组不同: 抽取时为 {}，重算为 {}",
                               i + 1,
                               stored[i].uscc,
                               util::join(stored[i].team, ","),
                               util::join(again[i].team, ","));
        }
    }
    return {};
}

} // namespace

std::vector<PlanTarget> draw_plan(storage::WriteTransaction& tx,
                                  storage::Database& db,
                                  std::string_view key,
                                  util::Date today) {
    const auto plan = get_plan(db, key);
    if (plan.drawn_at) {
        throw_conflict(fmt::format("抽查计划 {} 已于 {} 抽取，不能重抽", plan.id, *plan.drawn_at),
                       fmt::format("用 hujing inspect draw {} --verify 复核", plan.id));
    }
    const auto result = compute_draw(db, plan);
    store_draw(db, plan, result, today);
    const auto after = get_plan(db, std::to_string(plan.id));
    auto json = plan_view().json(after);
    json["targets"] =
        target_view().only({"rank", "uscc", "ticket", "team"}).json_array(result.targets);
    tx.audit("inspection_plan", plan.id, "draw", plan_view().json(plan), json);
    return result.targets;
}

std::vector<PlanTarget> verify_plan(storage::Database& db, std::string_view key) {
    const auto plan = get_plan(db, key);
    if (!plan.drawn_at) {
        throw_conflict(fmt::format("抽查计划 {} 尚未抽取，无可复核", plan.id),
                       fmt::format("先用 hujing inspect draw {} 抽取", plan.id));
    }
    auto stored = plan_targets(db, plan.id);
    const auto again = compute_draw(db, plan);
    std::string diff;
    if (again.candidate_digest != plan.candidate_digest) {
        diff = fmt::format("候选企业与抽取时不同: 抽取时 {} 家（{}），现在 {} 家（{}）",
                           plan.candidates.value_or(0),
                           plan.grade_counts.value_or(""),
                           again.candidates,
                           format_counts(again.counts));
    } else if (again.pool_digest != plan.pool_digest) {
        diff = "检查人员名录与抽取时不同（人员摘要不符）";
    } else {
        diff = first_target_difference(stored, again.targets);
    }
    if (!diff.empty()) {
        throw_conflict(fmt::format("抽查计划 {} 复核不符: {}", plan.id, diff),
                       "抽取后数据有变化，或抽取结果被改动");
    }
    return stored;
}

} // namespace hujing::domain
