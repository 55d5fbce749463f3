// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/kpi/kpi.hpp>
#include <hujing/util/money.hpp>

#include <string>
#include <utility>

namespace hujing::reports {

Kpi count_kpi(std::string key, std::string group, std::string label, std::int64_t n) {
    return Kpi{std::move(key), std::move(group), std::move(label), std::to_string(n), {}, {}};
}

Kpi rate_kpi(
    std::string key, std::string group, std::string label, std::int64_t num, std::int64_t den) {
    return Kpi{std::move(key), std::move(group), std::move(label), rate_text(num, den), num, den};
}

Kpi money_kpi(std::string key, std::string group, std::string label, std::int64_t fen) {
    return Kpi{std::move(key), std::move(group), std::move(label), util::format_yuan(fen), {}, {}};
}

void bind_scope(SQLite::Statement& stmt, const Scope& scope) {
    const auto bind = [&](const char* name, const std::string& value) {
        if (stmt.getIndex(name) > 0) {
            stmt.bind(name, value);
        }
    };
    bind(":from", scope.from);
    bind(":to", scope.to);
    bind(":as_of", scope.as_of);
}

std::int64_t scalar(storage::Database& db, const std::string& sql, const Scope& scope) {
    SQLite::Statement q(db.sql(), sql);
    bind_scope(q, scope);
    if (!q.executeStep() || q.getColumn(0).isNull()) {
        return 0;
    }
    return q.getColumn(0).getInt64();
}

std::string form_name(storage::Database& db, const std::string& form_id) {
    if (!has_relation(db, "form")) {
        return form_id;
    }
    SQLite::Statement q(db.sql(),
                        "SELECT name FROM form WHERE id = ? ORDER BY version DESC LIMIT 1");
    q.bind(1, form_id);
    return q.executeStep() ? q.getColumn(0).getString() : form_id;
}

std::vector<Kpi> collect_kpis(storage::Database& db, const Scope& scope) {
    std::vector<Kpi> out;
    for (auto* source : {visit_kpis, demand_kpis, risk_kpis, case_kpis, inspection_kpis}) {
        auto part = source(db, scope);
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

output::View<Kpi> kpi_view() {
    using F = output::Field<Kpi>;
    using output::Kind;
    using output::member;
    return output::View<Kpi>({F{"key", "指标代码", Kind::text, member(&Kpi::key)},
                              F{"group", "类别", Kind::text, member(&Kpi::group)},
                              F{"label", "指标", Kind::text, member(&Kpi::label)},
                              F{"value", "数值", Kind::text, member(&Kpi::value)},
                              F{"numerator", "分子", Kind::integer, member(&Kpi::numerator)},
                              F{"denominator", "分母", Kind::integer, member(&Kpi::denominator)}},
                             {"group", "label", "value", "numerator", "denominator"});
}

} // namespace hujing::reports
