// SPDX-License-Identifier: GPL-3.0-or-later
// The fields of a case and `case list`.
#include <hujing/cases/case.hpp>
#include <hujing/cases/detail.hpp>
#include <hujing/cases/stale.hpp>
#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/util/money.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

std::string status_label(std::string_view code) {
    return k_case_statuses.label(code);
}

std::string origin_label(std::string_view code) {
    return k_case_origins.label(code);
}

std::string review_label(std::string_view code) {
    return k_review_results.label(code);
}

output::Value recovery_rate(const Case& c) {
    if (c.loss_fen == 0) {
        return {};
    }
    return util::format_percent(c.recovered_fen, c.loss_fen);
}

output::View<Case> make_view() {
    using F = output::Field<Case>;
    using output::Kind;
    using output::member;
    return output::View<Case>(
        {F{"id", "编号", Kind::integer, member(&Case::id), "c.id"},
         F{"case_no", "案件编号", Kind::text, member(&Case::case_no), "c.case_no"},
         F{"title", "案件名称", Kind::text, member(&Case::title), "c.title"},
         F{"type", "类型", Kind::text, member(&Case::type), "c.type"},
         F{"status", "状态", Kind::text, member(&Case::status), "c.status", status_label},
         F{"origin", "来源", Kind::text, member(&Case::origin), "c.origin", origin_label},
         F{"agency", "协作办案机关", Kind::text, member(&Case::agency), "c.agency"},
         F{"unit", "主办单位", Kind::text, member(&Case::unit_name), "u.name"},
         F{"created", "受理日期", Kind::text, member(&Case::created), "c.created"},
         F{"filed", "立案日期", Kind::text, member(&Case::filed), "c.filed"},
         F{"closed", "办结日期", Kind::text, member(&Case::closed), "c.closed"},
         F{"loss_yuan", "损失（元）", Kind::money, member(&Case::loss_fen), "c.loss_fen"},
         F{"recovered_yuan", "挽损（元）", Kind::money, member(&Case::recovered_fen)},
         F{"recovery_rate", "挽损率", Kind::text, recovery_rate},
         F{"last_progress",
           "最近进展",
           Kind::text,
           member(&Case::last_progress),
           "c.last_progress"},
         F{"review", "法制审核", Kind::text, member(&Case::review), "c.review", review_label},
         F{"emergency", "紧急执行待补审", Kind::boolean, member(&Case::emergency)},
         F{"unit_id", "单位编号", Kind::integer, member(&Case::unit_id), "c.unit_id"},
         F{"unit_code", "单位代码", Kind::text, member(&Case::unit_code), "u.code"},
         F{"registered_by", "登记民警", Kind::text, member(&Case::registered_by), "o.badge"}},
        {"id",
         "case_no",
         "title",
         "type",
         "status",
         "origin",
         "unit",
         "filed",
         "loss_yuan",
         "recovered_yuan",
         "last_progress",
         "review",
         "emergency"});
}

} // namespace

const output::View<Case>& case_view() {
    static const output::View<Case> view = make_view();
    return view;
}

std::int64_t
list_cases(storage::Database& db, const CaseQuery& query, util::Date today, const RowSink& sink) {
    const auto& view = case_view();
    ListQuery filter(cases::k_case_select, storage::sort_keys(view), "c.id");
    if (query.status) {
        filter.add("c.status = ?",
                   {cases::normalize_code(k_case_statuses, *query.status, "案件状态")});
    }
    if (query.type) {
        cases::check_in(k_case_types, *query.type, "案件类型");
        filter.add("c.type = ?", {*query.type});
    }
    if (query.origin) {
        cases::check_in(k_case_origins, *query.origin, "案件来源");
        filter.add("c.origin = ?", {*query.origin});
    }
    filter.add_date_range("c.created", query.since, query.until, today);
    if (query.unit) {
        filter.add("c.unit_id = ?", {get_unit(db, *query.unit).id});
    }
    if (query.enterprise) {
        filter.add("c.id IN (SELECT case_id FROM case_enterprise WHERE enterprise_id = ?)",
                   {get_enterprise_ref(db, *query.enterprise).id});
    }
    if (query.stale) {
        add_stale_filter(filter, today, stale_thresholds(db));
    }
    if (query.emergency) {
        filter.add("c.id IN (SELECT case_id FROM prereport WHERE emergency = 1"
                   " AND reviewed IS NULL)");
    }
    return filter.run(
        db, query.paging, [&](SQLite::Statement& q) { sink(view.row(cases::read_case(q))); });
}

} // namespace hujing::domain
