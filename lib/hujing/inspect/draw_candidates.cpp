// SPDX-License-Identifier: GPL-3.0-or-later
// Step 1 of the draw. The registry is read by its indexes, one sector or tag at a time, and
// exemptions and past inspections (few, beside a registry) are held in sets: one query joining it
// all made SQLite build three temporary B-trees of a million rows.
#include <hujing/inspect/draw.hpp>
#include <hujing/inspect/draw_candidates.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/storage/cursor.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <unordered_set>

namespace hujing::domain {

namespace {

// What the forms of plan ?1 apply to, in their latest versions.
constexpr const char* k_rules =
    "SELECT a.form_id, a.kind, a.value FROM plan_form pf JOIN form_applies a"
    " ON a.form_id = pf.form_id AND a.version = (SELECT max(version) FROM form g"
    " WHERE g.id = pf.form_id) WHERE pf.plan_id = ?";

constexpr const char* k_sector_members =
    "SELECT e.id, e.uscc, coalesce(e.credit_grade, 'B') FROM enterprise_sector s"
    " JOIN enterprise e ON e.id = s.enterprise_id WHERE s.sector = ?";

constexpr const char* k_tag_members =
    "SELECT e.id, e.uscc, coalesce(e.credit_grade, 'B') FROM enterprise_tag t"
    " JOIN enterprise e ON e.id = t.enterprise_id WHERE t.tag = ?";

constexpr const char* k_targeted =
    "SELECT e.id, e.uscc, coalesce(e.credit_grade, 'B') FROM plan_enterprise pe"
    " JOIN enterprise e ON e.id = pe.enterprise_id WHERE pe.plan_id = ?";

constexpr const char* k_exempt =
    "SELECT enterprise_id FROM exemption WHERE form_id = ? AND until >= ?";

// ?1 recent-exclusion start, ?2 window from, ?3 the plan's unit, ?4 the first day of the window's
// year, ?5 inspect.max_per_year. Only inspections dated before the window count, so a later
// inspection never changes what --verify recomputes.
constexpr const char* k_excluded =
    "SELECT enterprise_id FROM inspection WHERE date >= ?1 AND date < ?2"
    " UNION SELECT enterprise_id FROM inspection WHERE unit_id = ?3 AND date >= ?4 AND date < ?2"
    " GROUP BY enterprise_id HAVING count(*) >= ?5";

using IdSet = std::unordered_set<std::int64_t>;

std::int64_t plan_unit(storage::Database& db, const Plan& plan) {
    SQLite::Statement q(db.sql(),
                        "SELECT unit_id FROM form WHERE id = ? ORDER BY version DESC LIMIT 1");
    q.bind(1, plan.forms.at(0));
    q.executeStep();
    return q.getColumn(0).getInt64();
}

IdSet read_ids(SQLite::Statement& q) {
    IdSet out;
    while (q.executeStep()) {
        out.insert(q.getColumn(0).getInt64());
    }
    return out;
}

IdSet excluded(storage::Database& db, const Plan& plan) {
    const auto from = *util::parse_iso_date(plan.window_from);
    SQLite::Statement q(db.sql(), k_excluded);
    q.bind(1, util::format_date(util::add_days(from, -static_cast<int>(plan.exclude_recent_days))));
    q.bind(2, plan.window_from);
    q.bind(3, plan_unit(db, plan));
    q.bind(4, plan.window_from.substr(0, 4) + "-01-01");
    q.bind(5, get_int_setting(db, "inspect.max_per_year"));
    return read_ids(q);
}

// Add the rows of `q` (id, uscc, grade) not in `skip` to `out`.
void add_members(storage::Cursor& q, const IdSet& skip, DrawCandidates& out) {
    while (q.step()) {
        const auto id = q.int64(0);
        if (!skip.contains(id)) {
            const auto grade = q.text(2);
            out.add(id, q.text(1), grade_index(grade.size() == 1 ? grade[0] : '?'));
        }
    }
}

} // namespace

DrawCandidates read_candidates(storage::Database& db, const Plan& plan) {
    DrawCandidates out;
    if (plan.targeted) {
        storage::Cursor q(db, k_targeted);
        q.bind(1, plan.id);
        add_members(q, {}, out);
        out.sort_unique();
        return out;
    }
    const auto skip = excluded(db, plan);
    SQLite::Statement rules(db.sql(), k_rules);
    rules.bind(1, plan.id);
    SQLite::Statement exempt(db.sql(), k_exempt);
    storage::Cursor sector(db, k_sector_members);
    storage::Cursor tag(db, k_tag_members);
    while (rules.executeStep()) {
        exempt.bind(1, rules.getColumn(0).getString());
        exempt.bind(2, plan.window_from);
        auto skip_here = read_ids(exempt);
        exempt.reset();
        skip_here.insert(skip.begin(), skip.end());
        auto& members = rules.getColumn(1).getString() == "sector" ? sector : tag;
        members.bind(1, rules.getColumn(2).getString());
        add_members(members, skip_here, out);
        members.reset();
    }
    out.sort_unique();
    return out;
}

} // namespace hujing::domain
