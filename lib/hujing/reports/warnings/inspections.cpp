// SPDX-License-Identifier: GPL-3.0-or-later
// inspection_failures: a form failed in at least `threshold` of at least `min_count` inspections
// of the period, read through v_inspection and v_inspection_result.
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/reports/warnings/warning.hpp>

namespace hujing::reports {

namespace {

constexpr const char* k_per_form =
    "SELECT r.form_id, count(DISTINCT r.inspection_id),"
    " count(DISTINCT CASE WHEN r.result = 'fail' THEN r.inspection_id END)"
    " FROM v_inspection_result r JOIN v_inspection i ON i.id = r.inspection_id"
    " WHERE i.date BETWEEN :from AND :to GROUP BY r.form_id ORDER BY r.form_id";

// The failed inspections of `form` in the scope and their units.
void failed_of(storage::Database& db,
               const Scope& scope,
               const std::string& form,
               nlohmann::json& ids,
               std::vector<std::optional<std::int64_t>>& units) {
    SQLite::Statement q(db.sql(),
                        "SELECT DISTINCT i.id, i.unit_id FROM v_inspection_result r"
                        " JOIN v_inspection i ON i.id = r.inspection_id"
                        " WHERE i.date BETWEEN :from AND :to AND r.form_id = :form"
                        " AND r.result = 'fail' ORDER BY i.id");
    bind_scope(q, scope);
    q.bind(":form", form);
    while (q.executeStep()) {
        ids.push_back(q.getColumn(0).getInt64());
        units.push_back(storage::optional_int(q, 1));
    }
}

} // namespace

std::vector<Warning>
rule_inspection_failures(storage::Database& db, const Scope& scope, const RuleConfig& rule) {
    if (!has_relation(db, "v_inspection") || !has_relation(db, "v_inspection_result")) {
        return {};
    }
    SQLite::Statement q(db.sql(), k_per_form);
    bind_scope(q, scope);
    std::vector<Warning> out;
    while (q.executeStep()) {
        const auto form = q.getColumn(0).getString();
        const auto total = q.getColumn(1).getInt64();
        const auto failed = q.getColumn(2).getInt64();
        // failed / total ≥ threshold, in integers
        if (total < rule.min_count || failed * 1000 < rule.threshold_milli * total) {
            continue;
        }
        auto ids = nlohmann::json::array();
        std::vector<std::optional<std::int64_t>> units;
        failed_of(db, scope, form, ids, units);
        nlohmann::json evidence = {{"form_id", form},
                                   {"form", form_name(db, form)},
                                   {"total", total},
                                   {"failed", failed},
                                   {"rate", rate_text(failed, total)},
                                   {"failed_inspection_ids", ids}};
        out.push_back(make_warning(db, rule, rule.level, main_unit(units), std::move(evidence)));
    }
    return out;
}

} // namespace hujing::reports
