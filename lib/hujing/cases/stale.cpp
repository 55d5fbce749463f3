// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/cases/stale.hpp>
#include <hujing/error.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

constexpr const char* k_select =
    "SELECT c.id, c.case_no, c.unit_id, c.type, c.last_progress, c.title, c.status, u.name,"
    " coalesce(c.filed, c.created),"
    " (SELECT max(p.lifted) FROM prereport p WHERE p.case_id = c.id),"
    " EXISTS (SELECT 1 FROM prereport p WHERE p.case_id = c.id AND p.status = 'executed')"
    " FROM case_ c JOIN unit u ON u.id = c.unit_id";

std::string cutoff(util::Date as_of, int days) {
    return util::format_date(util::add_days(as_of, -days));
}

// The reason codes `c` meets (the filter already chose it).
std::string
reasons(const StaleCase& c, bool in_force, util::Date as_of, const StaleThresholds& limits) {
    std::vector<std::string> out;
    if (c.last_movement < cutoff(as_of, limits.days)) {
        out.emplace_back("no_movement");
    }
    if (c.opened < cutoff(as_of, limits.open_days)) {
        out.emplace_back("open_too_long");
    }
    if (!in_force && c.last_lifted && *c.last_lifted < cutoff(as_of, limits.lifted_days)) {
        out.emplace_back("lifted_too_long");
    }
    return util::join(out, ";");
}

std::string status_display(std::string_view code) {
    return k_case_statuses.label(code);
}

std::string reason_display(std::string_view codes) {
    return stale_reason_label(codes);
}

output::View<StaleCase> make_view() {
    using F = output::Field<StaleCase>;
    using output::Kind;
    using output::member;
    return output::View<StaleCase>(
        {F{"case_id", "编号", Kind::integer, member(&StaleCase::case_id)},
         F{"case_no", "案件编号", Kind::text, member(&StaleCase::case_no)},
         F{"title", "案件名称", Kind::text, member(&StaleCase::title)},
         F{"type", "类型", Kind::text, member(&StaleCase::type)},
         F{"status", "状态", Kind::text, member(&StaleCase::status), {}, status_display},
         F{"unit", "主办单位", Kind::text, member(&StaleCase::unit_name)},
         F{"last_movement", "最近进展", Kind::text, member(&StaleCase::last_movement)},
         F{"days",
           "无进展天数",
           Kind::integer,
           [](const StaleCase& c) { return static_cast<std::int64_t>(c.days); }},
         F{"reason", "原因", Kind::text, member(&StaleCase::reason), {}, reason_display},
         F{"opened", "立案（受理）日期", Kind::text, member(&StaleCase::opened)},
         F{"last_lifted", "措施解除日期", Kind::text, member(&StaleCase::last_lifted)},
         F{"unit_id", "单位编号", Kind::integer, member(&StaleCase::unit_id)}},
        {"case_id",
         "case_no",
         "title",
         "type",
         "status",
         "unit",
         "last_movement",
         "days",
         "reason"});
}

} // namespace

const output::View<StaleCase>& stale_view() {
    static const output::View<StaleCase> view = make_view();
    return view;
}

StaleThresholds stale_thresholds(storage::Database& db, std::optional<std::int64_t> days) {
    StaleThresholds limits;
    limits.days = static_cast<int>(get_int_setting(db, "case.stale_days"));
    limits.open_days = static_cast<int>(get_int_setting(db, "case.stale.open_days"));
    limits.lifted_days = static_cast<int>(get_int_setting(db, "case.stale.lifted_days"));
    if (days) {
        if (*days < 1 || *days > 3660) {
            throw_invalid(fmt::format("天数无效: {}", *days), "应为 1 到 3660");
        }
        limits.days = static_cast<int>(*days);
    }
    return limits;
}

void add_stale_filter(ListQuery& query, util::Date as_of, const StaleThresholds& limits) {
    query.add("c.status IN ('accepted', 'filed', 'investigating') AND (c.last_progress < ?"
              " OR coalesce(c.filed, c.created) < ?"
              " OR (NOT EXISTS (SELECT 1 FROM prereport p WHERE p.case_id = c.id"
              " AND p.status = 'executed')"
              " AND (SELECT max(p.lifted) FROM prereport p WHERE p.case_id = c.id) < ?))",
              {cutoff(as_of, limits.days),
               cutoff(as_of, limits.open_days),
               cutoff(as_of, limits.lifted_days)});
}

std::string stale_reason_label(std::string_view codes) {
    std::vector<std::string> out;
    for (const auto& code : util::split(codes, ';')) {
        if (code == "no_movement") {
            out.emplace_back("久无进展");
        } else if (code == "open_too_long") {
            out.emplace_back("久侦不结");
        } else if (code == "lifted_too_long") {
            out.emplace_back("措施解除后久未办结");
        } else {
            out.push_back(code);
        }
    }
    return util::join(out, "；");
}

std::int64_t for_each_stale_case(storage::Database& db,
                                 util::Date as_of,
                                 const StaleThresholds& limits,
                                 const ListPaging& paging,
                                 const std::function<void(const StaleCase&)>& each) {
    ListQuery query(k_select,
                    {{"last_movement", "c.last_progress"},
                     {"case_no", "c.case_no"},
                     {"type", "c.type"},
                     {"unit", "u.name"},
                     {"id", "c.id"}},
                    "c.last_progress, c.id");
    add_stale_filter(query, as_of, limits);
    return query.run(db, paging, [&](SQLite::Statement& q) {
        StaleCase c;
        c.case_id = q.getColumn(0).getInt64();
        c.case_no = q.getColumn(1).getString();
        c.unit_id = q.getColumn(2).getInt64();
        c.type = q.getColumn(3).getString();
        c.last_movement = q.getColumn(4).getString();
        c.title = q.getColumn(5).getString();
        c.status = q.getColumn(6).getString();
        c.unit_name = q.getColumn(7).getString();
        c.opened = q.getColumn(8).getString();
        c.last_lifted = storage::optional_text(q, 9);
        const bool in_force = q.getColumn(10).getInt() != 0;
        c.days = util::days_between(*util::parse_iso_date(c.last_movement), as_of);
        c.reason = reasons(c, in_force, as_of, limits);
        each(c);
    });
}

std::vector<StaleCase> find_stale_cases(storage::Database& db, const std::string& as_of) {
    const auto date = util::parse_iso_date(as_of);
    if (!date) {
        throw_invalid(fmt::format("日期无效: {}", as_of), "格式 YYYY-MM-DD");
    }
    std::vector<StaleCase> out;
    for_each_stale_case(
        db, *date, stale_thresholds(db), {}, [&](const StaleCase& c) { out.push_back(c); });
    return out;
}

} // namespace hujing::domain
