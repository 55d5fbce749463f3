// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/util/json.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

namespace hujing::domain {

namespace {

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
    if (k_unit_kinds.contains(kind)) {
        return;
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

// The code points of UTF-8 `text`, one string each.
std::vector<std::string> code_points(std::string_view text) {
    std::vector<std::string> out;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U || out.empty()) {
            out.emplace_back(1, c);
        } else {
            out.back() += c;
        }
    }
    return out;
}

// Whether every character of `typed` appears in `name` in order ("店口所" in "店口派出所").
bool abbreviates(std::string_view typed, std::string_view name) {
    const auto want = code_points(typed);
    const auto have = code_points(name);
    std::size_t i = 0;
    for (const auto& c : have) {
        if (i < want.size() && c == want[i]) {
            ++i;
        }
    }
    return !want.empty() && i == want.size();
}

// Alias → unit code, from the `aliases` of the built-in units (units.yaml, overridable under
// $HUJING_DATA_DIR): the short names the plan itself uses, such as 出入境大队.
const std::map<std::string, std::string>& unit_aliases() {
    static const std::map<std::string, std::string> aliases = [] {
        std::map<std::string, std::string> out;
        try {
            const auto root = YAML::Load(std::string(data_file("schemas/units.yaml").bytes));
            for (const auto& node : root["units"]) {
                if (node.IsMap() && node["aliases"] && node["aliases"].IsSequence()) {
                    for (const auto& alias : node["aliases"]) {
                        out.emplace(alias.as<std::string>(), node["code"].as<std::string>());
                    }
                }
            }
        } catch (const YAML::Exception&) {
            // A broken file is reported with its line by `hujing init`; no aliases meanwhile.
        }
        return out;
    }();
    return aliases;
}

// "是否要用 X？" for a name the user abbreviated ("店口所"), else the general hint.
std::string unit_hint(storage::Database& db, std::string_view key) {
    std::vector<std::string> matches;
    SQLite::Statement q(db.sql(), "SELECT name FROM unit ORDER BY id");
    while (q.executeStep()) {
        const auto name = q.getColumn(0).getString();
        if (abbreviates(util::trim(key), name)) {
            matches.push_back(name);
        }
    }
    if (!matches.empty() && matches.size() <= 3) {
        return fmt::format("是否要用 {}？", util::join(matches, "、"));
    }
    return "用 hujing unit list 查看单位";
}

} // namespace

std::vector<std::string> unit_alias_names() {
    std::vector<std::string> out;
    for (const auto& [alias, code] : unit_aliases()) {
        out.push_back(alias);
    }
    return out;
}

const std::vector<std::string>& unit_kinds() {
    static const std::vector<std::string> kinds = k_unit_kinds.codes();
    return kinds;
}

std::string unit_kind_label(std::string_view kind) {
    return k_unit_kinds.label(kind);
}

std::optional<Unit> find_unit(storage::Database& db, std::string_view key) {
    const auto id = util::to_int64(key);
    SQLite::Statement q(db.sql(),
                        std::string(k_select)
                            + " WHERE u.code = ?1 OR u.name = ?1 OR (?2 = 1 AND u.id = ?3)"
                              " ORDER BY (u.code = ?1) DESC LIMIT 1");
    q.bind(1, std::string(key));
    q.bind(2, id ? 1 : 0);
    q.bind(3, id.value_or(0));
    if (q.executeStep()) {
        return read_unit(q);
    }
    if (const auto alias = unit_aliases().find(std::string(util::trim(key)));
        alias != unit_aliases().end() && alias->second != key) {
        return find_unit(db, alias->second);
    }
    return std::nullopt;
}

Unit get_unit(storage::Database& db, std::string_view key) {
    if (auto unit = find_unit(db, key)) {
        return *unit;
    }
    throw_not_found("单位", key, unit_hint(db, key));
}

output::View<Unit> unit_view() {
    using F = output::Field<Unit>;
    using output::Kind;
    using U = const Unit&;
    return output::View<Unit>({
        F{"id", "编号", Kind::integer, [](U u) { return u.id; }, "u.id"},
        F{"code", "代码", Kind::text, [](U u) { return u.code; }, "u.code"},
        F{"name", "名称", Kind::text, [](U u) { return u.name; }, "u.name"},
        F{"kind",
          "类型",
          Kind::text,
          [](U u) { return u.kind; },
          "u.kind",
          [](std::string_view k) { return unit_kind_label(k); }},
        F{"parent",
          "上级",
          Kind::text,
          [](U u) { return output::nullable(u.parent_code); },
          "p.code"},
    });
}

std::vector<output::Column> unit_columns() {
    return unit_view().columns();
}

std::int64_t list_units(storage::Database& db,
                        const UnitQuery& query,
                        const ListPaging& paging,
                        const RowSink& sink) {
    const auto view = unit_view();
    ListQuery list(k_select, storage::sort_keys(view), "u.id");
    if (query.kind) {
        list.add("u.kind = ?", {*query.kind});
    }
    return list.run(db, paging, [&](SQLite::Statement& q) { sink(view.row(read_unit(q))); });
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
    // Every mistake in the file, syntax or a value of the wrong shape, is invalid input at its
    // line (yaml-cpp marks are 0-based; a missing key has no mark, so its entry's is used).
    const auto fail = [&file](const std::string& message, const YAML::Mark& mark) {
        throw Error(Exit::invalid,
                    "单位文件格式错误: " + message,
                    {},
                    SourceLocation{file.path, mark.line + 1, mark.column + 1});
    };
    YAML::Node root;
    try {
        root = YAML::Load(file.bytes);
    } catch (const YAML::Exception& e) {
        fail(e.msg, e.mark);
    }
    const auto units = root["units"];
    if (!units.IsSequence()) {
        fail("缺少 units 列表", root.Mark());
    }
    int added = 0;
    for (const auto& node : units) {
        const auto text = [&](const char* key) {
            const auto value = node[key];
            if (!value.IsDefined() || !value.IsScalar()) {
                fail(fmt::format("{} 应为文字", key),
                     value.IsDefined() ? value.Mark() : node.Mark());
            }
            return value.as<std::string>();
        };
        if (!node.IsMap()) {
            fail("每个单位应为 {code, name, kind} 映射", node.Mark());
        }
        const auto code = text("code");
        NewUnit unit{code, text("name"), text("kind"), std::nullopt};
        if (node["parent"]) {
            unit.parent = text("parent");
        }
        SQLite::Statement exists(db.sql(), "SELECT 1 FROM unit WHERE code = ?");
        exists.bind(1, code);
        if (exists.executeStep()) {
            continue;
        }
        try {
            add_unit(tx, db, unit);
        } catch (const Error& e) {
            if (e.code() != Exit::invalid || e.where()) {
                throw;
            }
            throw Error(e.code(),
                        e.what(),
                        e.hint(),
                        SourceLocation{file.path, node.Mark().line + 1, node.Mark().column + 1});
        }
        ++added;
    }
    return added;
}

} // namespace hujing::domain
