// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <array>

namespace hujing::domain {

namespace {

// Most severe first.
constexpr const char* k_level_order =
    "CASE r.level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 ELSE 3 END";

constexpr const char* k_select =
    "SELECT r.id, r.enterprise_id, e.uscc, e.name, r.level, r.description, u.name, r.leader,"
    " r.opened, r.closed FROM risk r JOIN enterprise e ON e.id = r.enterprise_id"
    " LEFT JOIN unit u ON u.id = r.unit_id";

Risk read_risk(SQLite::Statement& q) {
    Risk r;
    storage::read_columns(q,
                          r.id,
                          r.enterprise_id,
                          r.uscc,
                          r.name,
                          r.level,
                          r.description,
                          r.unit,
                          r.leader,
                          r.opened,
                          r.closed);
    return r;
}

nlohmann::json risk_json(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT r.id, r.enterprise_id, r.level, r.description, u.code, r.leader,"
                        " r.opened, r.closed FROM risk r LEFT JOIN unit u ON u.id = r.unit_id"
                        " WHERE r.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        throw_not_found("风险", std::to_string(id), "用 hujing enterprise risk list 查看");
    }
    auto text = [&](int i) {
        return q.isColumnNull(i) ? nlohmann::json(nullptr)
                                 : nlohmann::json(q.getColumn(i).getString());
    };
    return {{"id", q.getColumn(0).getInt64()},
            {"enterprise_id", q.getColumn(1).getInt64()},
            {"level", text(2)},
            {"description", text(3)},
            {"unit", text(4)},
            {"leader", text(5)},
            {"opened", text(6)},
            {"closed", text(7)}};
}

} // namespace

const std::vector<std::string>& risk_levels() {
    static const std::vector<std::string> levels = k_risk_levels.codes();
    return levels;
}

std::string parse_risk_level(std::string_view text) {
    const auto t = util::trim(text);
    for (const auto& level : k_risk_levels.terms()) {
        const std::string label(level.label);
        if (t == level.code || t == label || t == label + "色") {
            return std::string(level.code);
        }
    }
    throw_invalid(fmt::format("风险等级无效: {}", text),
                  "可用: 红、橙、黄、蓝 (red、orange、yellow、blue)");
}

std::string risk_level_label(std::string_view code) {
    return k_risk_levels.label(code);
}

std::int64_t add_risk(storage::WriteTransaction& tx, storage::Database& db, const NewRisk& risk) {
    const auto level = parse_risk_level(risk.level);
    const auto description = util::trim(risk.description);
    if (description.empty()) {
        throw_invalid("风险描述不能为空");
    }
    const auto leader = util::trim(risk.leader);
    if (leader.empty()) {
        throw_invalid("责任领导不能为空");
    }
    const auto enterprise = get_enterprise_ref(db, risk.enterprise);
    const auto unit = get_unit(db, risk.unit);
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO risk(enterprise_id, level, description, unit_id, leader,"
                             " opened) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, enterprise.id);
    insert.bind(2, level);
    insert.bind(3, std::string(description));
    insert.bind(4, unit.id);
    insert.bind(5, std::string(leader));
    insert.bind(6, util::format_date(risk.opened));
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    tx.audit("risk", id, "add", nullptr, risk_json(db, id));
    return id;
}

std::int64_t
close_risk(storage::WriteTransaction& tx, storage::Database& db, std::int64_t id, util::Date date) {
    const auto before = risk_json(db, id);
    if (!before["closed"].is_null()) {
        throw_conflict(
            fmt::format("风险 {} 已于 {} 关闭", id, before["closed"].get<std::string>()));
    }
    const auto closed = util::format_date(date);
    if (closed < before["opened"].get<std::string>()) {
        throw_invalid(fmt::format(
            "关闭日期 {} 早于登记日期 {}", closed, before["opened"].get<std::string>()));
    }
    SQLite::Statement update(db.sql(), "UPDATE risk SET closed = ? WHERE id = ?");
    update.bind(1, closed);
    update.bind(2, id);
    update.exec();
    tx.audit("risk", id, "close", before, risk_json(db, id));
    return id;
}

output::View<Risk> risk_view() {
    using F = output::Field<Risk>;
    using output::Kind;
    using output::nullable;
    using R = const Risk&;
    return output::View<Risk>({
        F{"id", "编号", Kind::integer, [](R r) { return r.id; }, "r.id"},
        F{"enterprise_id",
          "企业编号",
          Kind::integer,
          [](R r) { return r.enterprise_id; },
          "r.enterprise_id"},
        F{"uscc", "统一社会信用代码", Kind::text, [](R r) { return r.uscc; }, "e.uscc"},
        F{"name", "企业名称", Kind::text, [](R r) { return r.name; }, "e.name"},
        F{"level",
          "等级",
          Kind::text,
          [](R r) { return r.level; },
          k_level_order,
          [](std::string_view code) { return risk_level_label(code); },
          [](const output::Value& level) {
              const auto* code = std::get_if<std::string>(&level);
              if (code != nullptr && *code == "red") {
                  return output::Tone::red;
              }
              return code != nullptr && *code == "orange" ? output::Tone::orange
                                                          : output::Tone::plain;
          }},
        F{"description", "描述", Kind::text, [](R r) { return r.description; }, "r.description"},
        F{"unit", "责任单位", Kind::text, [](R r) { return nullable(r.unit); }, "u.name"},
        F{"leader", "责任领导", Kind::text, [](R r) { return nullable(r.leader); }, "r.leader"},
        F{"opened", "登记日期", Kind::text, [](R r) { return r.opened; }, "r.opened"},
        F{"closed", "关闭日期", Kind::text, [](R r) { return nullable(r.closed); }, "r.closed"},
    });
}

std::vector<output::Column> risk_columns() {
    return risk_view().columns();
}

std::vector<Risk> open_risks(storage::Database& db, std::int64_t enterprise_id) {
    SQLite::Statement q(db.sql(),
                        std::string(k_select)
                            + " WHERE r.enterprise_id = ? AND r.closed IS NULL ORDER BY r.id");
    q.bind(1, enterprise_id);
    std::vector<Risk> out;
    while (q.executeStep()) {
        out.push_back(read_risk(q));
    }
    return out;
}

std::int64_t list_risks(storage::Database& db,
                        const RiskQuery& query,
                        const ListPaging& paging,
                        const RowSink& sink) {
    const auto view = risk_view();
    ListQuery list(k_select, storage::sort_keys(view), std::string(k_level_order) + ", r.id");
    if (query.open_only) {
        list.add("r.closed IS NULL");
    }
    if (query.enterprise) {
        list.add("r.enterprise_id = ?", {get_enterprise_ref(db, *query.enterprise).id});
    }
    if (query.level) {
        list.add("r.level = ?", {parse_risk_level(*query.level)});
    }
    if (query.unit) {
        list.add("r.unit_id = ?", {get_unit(db, *query.unit).id});
    }
    return list.run(db, paging, [&](SQLite::Statement& q) { sink(view.row(read_risk(q))); });
}

} // namespace hujing::domain
