// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/util/json.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <charconv>

namespace hujing::domain {

namespace {

const std::pair<const char*, const char*> k_kinds[] = {
    {"police_team", "警种/科室"},
    {"station", "派出所"},
    {"agency", "部门"},
    {"centre", "服务中心"},
    {"subcentre", "分中心"},
    {"liaison_room", "警企联络室"},
};

Unit read_unit(SQLite::Statement& q) {
    return Unit{q.getColumn(0).getInt64(),
                q.getColumn(1).getString(),
                q.getColumn(2).getString(),
                q.getColumn(3).getString(),
                storage::optional_int(q, 4),
                storage::optional_text(q, 5)};
}

constexpr const char* k_select = "SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code"
                                 " FROM unit u LEFT JOIN unit p ON p.id = u.parent_id";

void check_kind(const std::string& kind) {
    for (const auto& [code, label] : k_kinds) {
        if (kind == code) {
            return;
        }
    }
    throw Error(Exit::invalid, "单位类型无效: " + kind, "可用: " + util::join(unit_kinds(), ", "));
}

nlohmann::json to_json(const Unit& u) {
    return {{"id", u.id},
            {"code", u.code},
            {"name", u.name},
            {"kind", u.kind},
            {"parent_id", util::json_or_null(u.parent_id)}};
}

} // namespace

const std::vector<std::string>& unit_kinds() {
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> out;
        for (const auto& [code, label] : k_kinds) {
            out.emplace_back(code);
        }
        return out;
    }();
    return kinds;
}

std::string unit_kind_label(std::string_view kind) {
    for (const auto& [code, label] : k_kinds) {
        if (kind == code) {
            return label;
        }
    }
    return std::string(kind);
}

std::optional<Unit> find_unit(storage::Database& db, std::string_view key) {
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    const bool numeric = ec == std::errc{} && ptr == key.data() + key.size();
    SQLite::Statement q(db.sql(),
                        std::string(k_select)
                            + " WHERE u.code = ?1 OR u.name = ?1 OR (?2 = 1 AND u.id = ?3)"
                              " ORDER BY (u.code = ?1) DESC LIMIT 1");
    q.bind(1, std::string(key));
    q.bind(2, numeric ? 1 : 0);
    q.bind(3, id);
    if (q.executeStep()) {
        return read_unit(q);
    }
    return std::nullopt;
}

Unit get_unit(storage::Database& db, std::string_view key) {
    if (auto unit = find_unit(db, key)) {
        return *unit;
    }
    throw_not_found("单位", key, "用 hujing unit list 查看单位");
}

std::vector<output::Column> unit_columns() {
    using output::Column;
    using output::Kind;
    return {
        Column{"id", "编号", Kind::integer},
        Column{"code", "代码", Kind::text},
        Column{"name", "名称", Kind::text},
        Column{"kind", "类型", Kind::text, [](std::string_view k) { return unit_kind_label(k); }},
        Column{"parent", "上级", Kind::text},
    };
}

std::int64_t list_units(storage::Database& db,
                        const UnitQuery& query,
                        const ListPaging& paging,
                        const RowSink& sink) {
    ListQuery list(k_select,
                   {{"id", "u.id"},
                    {"code", "u.code"},
                    {"name", "u.name"},
                    {"kind", "u.kind"},
                    {"parent", "p.code"}},
                   "u.id");
    if (query.kind) {
        list.add("u.kind = ?", {*query.kind});
    }
    return list.run(db, paging, [&](SQLite::Statement& q) {
        const Unit u = read_unit(q);
        sink({u.id, u.code, u.name, u.kind, output::nullable(u.parent_code)});
    });
}

std::int64_t add_unit(storage::WriteTransaction& tx, storage::Database& db, const NewUnit& unit) {
    check_kind(unit.kind);
    if (util::trim(unit.code).empty() || util::trim(unit.name).empty()) {
        throw_invalid("单位代码和名称不能为空");
    }
    std::optional<std::int64_t> parent_id;
    if (unit.parent) {
        parent_id = get_unit(db, *unit.parent).id;
    }
    for (const auto& [what, value] : {std::pair{"代码", unit.code}, std::pair{"名称", unit.name}}) {
        SQLite::Statement dup(db.sql(), "SELECT 1 FROM unit WHERE code = ?1 OR name = ?1");
        dup.bind(1, value);
        if (dup.executeStep()) {
            throw_conflict(fmt::format("单位{}已存在: {}", what, value));
        }
    }
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO unit(code, name, kind, parent_id) VALUES (?,?,?,?)");
    insert.bind(1, unit.code);
    insert.bind(2, unit.name);
    insert.bind(3, unit.kind);
    storage::bind_optional(insert, 4, parent_id);
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    tx.audit("unit", id, "add", nullptr, to_json(get_unit(db, std::to_string(id))));
    return id;
}

int load_builtin_units(storage::WriteTransaction& tx, storage::Database& db) {
    const auto file = data_file("schemas/units.yaml");
    YAML::Node root;
    try {
        root = YAML::Load(file.bytes);
    } catch (const YAML::Exception& e) {
        throw Error(Exit::invalid,
                    "单位文件格式错误: " + e.msg,
                    {},
                    SourceLocation{file.path, e.mark.line + 1, e.mark.column + 1});
    }
    int added = 0;
    for (const auto& node : root["units"]) {
        const auto code = node["code"].as<std::string>();
        SQLite::Statement exists(db.sql(), "SELECT 1 FROM unit WHERE code = ?");
        exists.bind(1, code);
        if (exists.executeStep()) {
            continue;
        }
        NewUnit unit{
            code, node["name"].as<std::string>(), node["kind"].as<std::string>(), std::nullopt};
        if (node["parent"]) {
            unit.parent = node["parent"].as<std::string>();
        }
        add_unit(tx, db, unit);
        ++added;
    }
    return added;
}

} // namespace hujing::domain
