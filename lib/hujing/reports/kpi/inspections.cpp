// SPDX-License-Identifier: GPL-3.0-or-later
// Inspections, through v_inspection_plan, v_plan_target, v_inspection, v_inspection_result and
// v_rectification (left out while the schema has none): drawn, done, pass rate per form,
// rectification on time, publication on time.
#include <hujing/reports/kpi/kpi.hpp>

namespace hujing::reports {

namespace {

void pass_rates(storage::Database& db, const Scope& scope, std::vector<Kpi>& out) {
    SQLite::Statement q(
        db.sql(),
        "SELECT r.form_id, count(DISTINCT r.inspection_id),"
        " count(DISTINCT CASE WHEN r.result = 'fail' THEN r.inspection_id END)"
        " FROM v_inspection_result r JOIN v_inspection i ON i.id = r.inspection_id"
        " WHERE i.date BETWEEN :from AND :to GROUP BY r.form_id ORDER BY r.form_id");
    bind_scope(q, scope);
    while (q.executeStep()) {
        const auto form = q.getColumn(0).getString();
        const auto total = q.getColumn(1).getInt64();
        const auto failed = q.getColumn(2).getInt64();
        out.push_back(rate_kpi(
            "pass_rate." + form, "检查", "合格率: " + form_name(db, form), total - failed, total));
    }
}

} // namespace

std::vector<Kpi> inspection_kpis(storage::Database& db, const Scope& scope) {
    if (!has_relation(db, "v_inspection")) {
        return {};
    }
    const char* g = "检查";
    std::vector<Kpi> out;
    if (has_relation(db, "v_inspection_plan") && has_relation(db, "v_plan_target")) {
        out.push_back(count_kpi("inspections_drawn",
                                g,
                                "双随机抽取企业",
                                scalar(db,
                                       "SELECT count(*) FROM v_plan_target t JOIN v_inspection_plan"
                                       " p ON p.id = t.plan_id WHERE substr(p.drawn_at, 1, 10)"
                                       " BETWEEN :from AND :to",
                                       scope)));
    }
    const auto done =
        scalar(db, "SELECT count(*) FROM v_inspection WHERE date BETWEEN :from AND :to", scope);
    out.push_back(count_kpi("inspections_done", g, "完成检查", done));
    if (has_relation(db, "v_inspection_result")) {
        pass_rates(db, scope, out);
    }
    if (has_relation(db, "v_rectification")) {
        const auto pending =
            scalar(db,
                   "SELECT count(*) FROM v_rectification WHERE due BETWEEN :from"
                   " AND :to AND due >= :as_of AND (done IS NULL OR done > :as_of)",
                   scope);
        const auto due = scalar(
            db, "SELECT count(*) FROM v_rectification WHERE due BETWEEN :from AND :to", scope);
        const auto on_time = scalar(db,
                                    "SELECT count(*) FROM v_rectification WHERE due BETWEEN :from"
                                    " AND :to AND done <= due AND done <= :as_of",
                                    scope);
        out.push_back(rate_kpi("rectification_rate", g, "按期整改率", on_time, due - pending));
    }
    const auto published = scalar(db,
                                  "SELECT count(*) FROM v_inspection WHERE date BETWEEN :from AND"
                                  " :to AND published <= :as_of AND published_late = 0",
                                  scope);
    out.push_back(rate_kpi("publication_on_time", g, "检查结果按时公示率", published, done));
    return out;
}

} // namespace hujing::reports
