// SPDX-License-Identifier: GPL-3.0-or-later
// What the documents say, read from the snapshot: the prompts, the advice and the chart series.
#include <hujing/reports/quarterly.hpp>
#include <hujing/reports/sql.hpp>
#include <hujing/util/money.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <map>

namespace hujing::reports {

namespace {

void case_prompts(storage::Database& db, const Scope& scope, nlohmann::json& out) {
    if (!has_relation(db, "v_case") || !has_relation(db, "v_case_enterprise")) {
        return;
    }
    SQLite::Statement q(db.sql(),
                        "SELECT c.type, coalesce(e.industry, '未分类'), count(DISTINCT c.id),"
                        " sum(c.loss_fen) FROM v_case c JOIN v_case_enterprise ce ON ce.case_id ="
                        " c.id AND ce.role = 'victim' JOIN enterprise e ON e.id = ce.enterprise_id"
                        " WHERE c.filed BETWEEN :from AND :to GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
    bind_scope(q, scope);
    while (q.executeStep()) {
        out.push_back({{"source", "cases"},
                       {"type", q.getColumn(0).getString()},
                       {"industry", q.getColumn(1).getString()},
                       {"count", q.getColumn(2).getInt64()},
                       {"loss_yuan", util::format_yuan(q.getColumn(3).getInt64())}});
    }
}

void inspection_prompts(storage::Database& db, const Scope& scope, nlohmann::json& out) {
    if (!has_relation(db, "v_inspection") || !has_relation(db, "v_inspection_result")) {
        return;
    }
    SQLite::Statement q(db.sql(),
                        "SELECT r.form_id, r.item_id, count(DISTINCT r.inspection_id)"
                        " FROM v_inspection_result r JOIN v_inspection i ON i.id = r.inspection_id"
                        " WHERE i.date BETWEEN :from AND :to AND r.result = 'fail'"
                        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10");
    bind_scope(q, scope);
    while (q.executeStep()) {
        const auto form = q.getColumn(0).getString();
        out.push_back({{"source", "inspections"},
                       {"form_id", form},
                       {"form", form_name(db, form)},
                       {"item_id", q.getColumn(1).getString()},
                       {"count", q.getColumn(2).getInt64()}});
    }
}

void risk_prompts(storage::Database& db, const Scope& scope, nlohmann::json& out) {
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT o.id, e.name, e.industry, o.level, o.description"
                                    " FROM ({}) o JOIN enterprise e ON e.id = o.enterprise_id"
                                    " ORDER BY o.id",
                                    sql::k_open_risks));
    bind_scope(q, scope);
    while (q.executeStep()) {
        out.push_back({{"source", "risks"},
                       {"risk_id", q.getColumn(0).getInt64()},
                       {"enterprise", q.getColumn(1).getString()},
                       {"industry", storage::optional_text(q, 2).value_or("")},
                       {"level", q.getColumn(3).getString()},
                       {"description", q.getColumn(4).getString()}});
    }
}

// Per category: received and resolved in the period, open and overdue at :as_of.
std::map<std::string, nlohmann::json> demand_categories(storage::Database& db, const Scope& scope) {
    std::map<std::string, nlohmann::json> by;
    const auto count_into = [&](const std::string& key, const std::string& query) {
        SQLite::Statement q(db.sql(), query);
        bind_scope(q, scope);
        while (q.executeStep()) {
            by[q.getColumn(0).getString()][key] = q.getColumn(1).getInt64();
        }
    };
    count_into(
        "received",
        "SELECT category, count(*) FROM demand WHERE created BETWEEN :from AND :to GROUP BY 1");
    count_into(
        "resolved",
        "SELECT category, count(*) FROM demand WHERE resolved BETWEEN :from AND :to GROUP BY 1");
    count_into("open_at_end",
               fmt::format("SELECT category, count(*) FROM ({}) GROUP BY 1", sql::k_open_at));
    count_into("overdue_at_end",
               fmt::format("SELECT d.category, count(*) FROM ({}) o JOIN demand d ON d.id = o.id"
                           " GROUP BY 1",
                           sql::k_overdue_at));
    return by;
}

} // namespace

nlohmann::json collect_prompts(storage::Database& db, const Scope& scope) {
    auto out = nlohmann::json::array();
    case_prompts(db, scope, out);
    inspection_prompts(db, scope, out);
    risk_prompts(db, scope, out);
    return out;
}

nlohmann::json collect_advice(storage::Database& db, const Scope& scope) {
    auto by = demand_categories(db, scope);
    auto out = nlohmann::json::array();
    for (const auto& category : domain::k_demand_categories.codes()) {
        const auto it = by.find(category);
        if (it == by.end()) {
            continue;
        }
        nlohmann::json item = {{"category", category}};
        for (const auto* key : {"received", "resolved", "open_at_end", "overdue_at_end"}) {
            item[key] = it->second.value(key, 0);
        }
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace hujing::reports
