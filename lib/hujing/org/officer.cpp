// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/pii.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace hujing::domain {

namespace {

constexpr const char* k_select =
    "SELECT o.id, o.badge, o.name, o.unit_id, u.name, o.phone, o.inspector, o.active,"
    " (SELECT group_concat(role, ';') FROM (SELECT role FROM officer_role r WHERE r.officer_id = "
    "o.id"
    " ORDER BY role)) FROM officer o JOIN unit u ON u.id = o.unit_id";

Officer read_officer(SQLite::Statement& q) {
    Officer o;
    storage::read_columns(q, o.id, o.badge, o.name, o.unit_id, o.unit_name, o.phone);
    o.inspector = q.getColumn(6).getInt() != 0;
    o.active = q.getColumn(7).getInt() != 0;
    if (!q.isColumnNull(8)) {
        o.roles = util::split(q.getColumn(8).getString(), ';');
    }
    return o;
}

// An officer's phone is optional; an empty one is none.
void check_phone(const std::optional<std::string>& phone) {
    if (phone && !phone->empty()) {
        util::check_phone(*phone);
    }
}

std::vector<std::string> normalize_roles(const std::vector<std::string>& roles) {
    std::set<std::string> unique;
    for (const auto& role : roles) {
        check_role(role);
        unique.insert(role);
    }
    return {unique.begin(), unique.end()};
}

void write_roles(storage::Database& db,
                 std::int64_t officer_id,
                 const std::vector<std::string>& roles) {
    SQLite::Statement del(db.sql(), "DELETE FROM officer_role WHERE officer_id = ?");
    del.bind(1, officer_id);
    del.exec();
    SQLite::Statement insert(db.sql(), "INSERT INTO officer_role(officer_id, role) VALUES (?, ?)");
    for (const auto& role : roles) {
        insert.bind(1, officer_id);
        insert.bind(2, role);
        insert.exec();
        insert.reset();
    }
}

std::optional<bool> parse_bool(std::string_view text) {
    const auto t = util::trim(text);
    if (t.empty()) {
        return std::nullopt;
    }
    if (t == "1" || t == "true" || t == "yes" || t == "是" || t == "y") {
        return true;
    }
    if (t == "0" || t == "false" || t == "no" || t == "否" || t == "n") {
        return false;
    }
    throw_invalid(fmt::format("不是是/否值: {}", text), "可用 1/0、true/false、是/否");
}

std::int64_t
insert_officer(storage::Database& db, const NewOfficer& officer, std::int64_t unit_id) {
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO officer(badge, name, unit_id, phone, inspector, active)"
                             " VALUES (?,?,?,?,?,?)");
    insert.bind(1, officer.badge);
    insert.bind(2, officer.name);
    insert.bind(3, unit_id);
    storage::bind_optional(insert, 4, officer.phone);
    insert.bind(5, officer.inspector ? 1 : 0);
    insert.bind(6, officer.active ? 1 : 0);
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    write_roles(db, id, normalize_roles(officer.roles));
    return id;
}

// Validate the fields of `officer` and return its unit id (throws on the first problem).
std::int64_t validate_fields(storage::Database& db, const NewOfficer& officer) {
    check_badge(officer.badge);
    if (util::trim(officer.name).empty()) {
        throw_invalid("姓名不能为空");
    }
    check_phone(officer.phone);
    normalize_roles(officer.roles);
    return get_unit(db, officer.unit).id;
}

// Validate `officer`, a new one, and return its unit id (throws on the first problem).
std::int64_t validate(storage::Database& db, const NewOfficer& officer) {
    const auto unit_id = validate_fields(db, officer);
    if (find_officer(db, officer.badge)) {
        throw_conflict("警号已存在: " + officer.badge, "用 hujing officer update 修改");
    }
    return unit_id;
}

// Write the fields of `after` to officer `id` (and its roles when `roles`).
void store_officer(storage::Database& db, std::int64_t id, const Officer& after, bool roles) {
    SQLite::Statement q(
        db.sql(),
        "UPDATE officer SET name = ?, unit_id = ?, phone = ?, inspector = ?, active = ?"
        " WHERE id = ?");
    q.bind(1, after.name);
    q.bind(2, after.unit_id);
    storage::bind_optional(q, 3, after.phone);
    q.bind(4, after.inspector ? 1 : 0);
    q.bind(5, after.active ? 1 : 0);
    q.bind(6, id);
    q.exec();
    if (roles) {
        write_roles(db, id, after.roles);
    }
}

// The header of an officer CSV: where each column is.
struct ImportColumns {
    std::map<std::string, std::size_t> index;
    std::size_t width = 0;
};

ImportColumns read_header(io::CsvReader& reader, const std::string& display) {
    auto header = reader.next();
    if (!header) {
        throw Error(Exit::invalid,
                    "CSV 文件为空",
                    "首行应为表头: badge,name,unit,phone,roles,inspector,active");
    }
    static const std::vector<std::string> known = {
        "badge", "name", "unit", "phone", "roles", "inspector", "active"};
    ImportColumns columns;
    columns.width = header->fields.size();
    for (std::size_t i = 0; i < header->fields.size(); ++i) {
        const auto column = std::string(util::trim(header->fields[i]));
        const SourceLocation where{display, static_cast<int>(header->line), 0};
        if (std::find(known.begin(), known.end(), column) == known.end()) {
            throw Error(
                Exit::invalid, "未知的列: " + column, "可用列: " + util::join(known, ","), where);
        }
        if (!columns.index.emplace(column, i).second) {
            throw Error(Exit::invalid, "重复的列: " + column, {}, where);
        }
    }
    for (const char* required : {"badge", "name", "unit"}) {
        if (!columns.index.contains(required)) {
            throw Error(Exit::invalid,
                        fmt::format("缺少必需的列: {}", required),
                        "必需列: badge,name,unit");
        }
    }
    return columns;
}

// One row of the file, and which optional columns the file has.
struct ImportRow {
    NewOfficer officer;
    bool has_phone = false;
    bool has_roles = false;
    bool has_inspector = false;
    bool has_active = false;
};

ImportRow parse_row(const ImportColumns& columns, const io::CsvRecord& r) {
    if (r.fields.size() != columns.width) {
        throw_invalid(fmt::format("列数为 {}，表头为 {}", r.fields.size(), columns.width));
    }
    auto field = [&](const char* column) -> std::optional<std::string> {
        const auto it = columns.index.find(column);
        if (it == columns.index.end()) {
            return std::nullopt;
        }
        auto value = std::string(util::trim(r.fields[it->second]));
        return value.empty() ? std::nullopt : std::optional<std::string>(value);
    };
    ImportRow row;
    row.has_phone = columns.index.contains("phone");
    row.has_roles = columns.index.contains("roles");
    row.has_inspector = columns.index.contains("inspector");
    row.has_active = columns.index.contains("active");
    auto& officer = row.officer;
    officer.badge = field("badge").value_or("");
    officer.name = field("name").value_or("");
    officer.unit = field("unit").value_or("");
    officer.phone = field("phone");
    if (auto roles = field("roles")) {
        officer.roles = util::split(*roles, ';');
    }
    officer.inspector = parse_bool(field("inspector").value_or("")).value_or(false);
    officer.active = parse_bool(field("active").value_or("")).value_or(true);
    return row;
}

// Add the officer of `row`, or (already registered) fail, skip, or update the columns the
// file has; a row equal to the officer changes nothing and counts as skipped. Writes only
// when `write` (no row has failed yet: the import will be rolled back anyway).
void import_row(storage::Database& db,
                const ImportRow& row,
                std::int64_t unit_id,
                io::OnConflict on_conflict,
                bool write,
                ImportResult& result) {
    const auto& officer = row.officer;
    const auto existing = find_officer(db, officer.badge);
    if (!existing) {
        if (write) {
            insert_officer(db, officer, unit_id);
        }
        ++result.added;
        return;
    }
    if (on_conflict == io::OnConflict::fail) {
        throw_conflict("警号已存在: " + officer.badge);
    }
    Officer after = *existing;
    after.name = officer.name;
    after.unit_id = unit_id;
    if (row.has_phone) {
        after.phone = officer.phone;
    }
    if (row.has_roles) {
        after.roles = normalize_roles(officer.roles);
    }
    after.inspector = row.has_inspector ? officer.inspector : after.inspector;
    after.active = row.has_active ? officer.active : after.active;
    const bool same = after.name == existing->name && after.unit_id == existing->unit_id
                      && after.phone == existing->phone && after.roles == existing->roles
                      && after.inspector == existing->inspector && after.active == existing->active;
    if (on_conflict == io::OnConflict::skip || same) {
        ++result.skipped;
        return;
    }
    if (write) {
        store_officer(db, existing->id, after, after.roles != existing->roles);
    }
    ++result.updated;
}

} // namespace

const std::vector<std::string>& officer_roles() {
    static const std::vector<std::string> roles = k_officer_roles.codes();
    return roles;
}

void check_role(std::string_view role) {
    const auto& roles = officer_roles();
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
        throw_invalid(fmt::format("警官角色无效: {}", role), "可用: " + util::join(roles, "、"));
    }
}

void check_badge(std::string_view badge) {
    const bool ok = badge.size() == 6 && std::all_of(badge.begin(), badge.end(), [](char c) {
                        return c >= '0' && c <= '9';
                    });
    if (!ok) {
        throw_invalid(fmt::format("警号无效: {}", badge), "警号为 6 位数字");
    }
}

std::optional<Officer> find_officer(storage::Database& db, std::string_view key) {
    SQLite::Statement q(db.sql(), std::string(k_select) + " WHERE o.badge = ?");
    q.bind(1, std::string(key));
    if (q.executeStep()) {
        return read_officer(q);
    }
    return std::nullopt;
}

Officer get_officer(storage::Database& db, std::string_view key) {
    check_badge(key);
    if (auto officer = find_officer(db, key)) {
        return *officer;
    }
    throw_not_found("民警", key, "用 hujing officer list 查看");
}

output::View<Officer> officer_view(bool reveal) {
    using F = output::Field<Officer>;
    using output::Kind;
    return output::View<Officer>(
        {F{"id", "编号", Kind::integer, [](const Officer& o) { return o.id; }, "o.id"},
         F{"badge", "警号", Kind::text, [](const Officer& o) { return o.badge; }, "o.badge"},
         F{"name", "姓名", Kind::text, [](const Officer& o) { return o.name; }, "o.name"},
         F{"unit", "单位", Kind::text, [](const Officer& o) { return o.unit_name; }, "u.name"},
         F{"roles", "角色", Kind::list, [](const Officer& o) { return o.roles; }},
         F{"inspector",
           "检查员",
           Kind::boolean,
           [](const Officer& o) { return o.inspector; },
           "o.inspector"},
         F{"active", "在岗", Kind::boolean, [](const Officer& o) { return o.active; }, "o.active"},
         F{"phone",
           "电话",
           Kind::text,
           [reveal](const Officer& o) -> output::Value {
               if (!o.phone) {
                   return {};
               }
               return reveal ? *o.phone : util::mask_phone(*o.phone);
           },
           "o.phone"}},
        {"id", "badge", "name", "unit", "roles", "inspector", "active"});
}

std::vector<output::Column> officer_columns() {
    return officer_view(false).columns();
}

std::int64_t list_officers(storage::Database& db,
                           const OfficerQuery& query,
                           const ListPaging& paging,
                           bool reveal,
                           const RowSink& sink) {
    const auto view = officer_view(reveal);
    ListQuery list(k_select, storage::sort_keys(view), "o.badge");
    if (query.unit) {
        list.add("o.unit_id = ?", {get_unit(db, *query.unit).id});
    }
    if (query.role) {
        check_role(*query.role);
        list.add("EXISTS (SELECT 1 FROM officer_role r WHERE r.officer_id = o.id AND r.role = ?)",
                 {*query.role});
    }
    if (query.inspector) {
        list.add("o.inspector = ?", {std::int64_t{*query.inspector ? 1 : 0}});
    }
    if (query.active) {
        list.add("o.active = ?", {std::int64_t{*query.active ? 1 : 0}});
    }
    return list.run(db, paging, [&](SQLite::Statement& q) { sink(view.row(read_officer(q))); });
}

nlohmann::json officer_json(const Officer& o, bool reveal) {
    nlohmann::json phone = nullptr;
    if (o.phone) {
        phone = reveal ? *o.phone : util::mask_phone(*o.phone);
    }
    return {{"id", o.id},
            {"badge", o.badge},
            {"name", o.name},
            {"unit_id", o.unit_id},
            {"unit", o.unit_name},
            {"phone", phone},
            {"inspector", o.inspector},
            {"active", o.active},
            {"roles", o.roles}};
}

std::vector<output::Section> officer_sections(const Officer& o, bool reveal) {
    return {officer_view(reveal).section(o)};
}

std::int64_t
add_officer(storage::WriteTransaction& tx, storage::Database& db, const NewOfficer& officer) {
    const auto unit_id = validate(db, officer);
    const auto id = insert_officer(db, officer, unit_id);
    tx.audit("officer", id, "add", nullptr, officer_json(get_officer(db, officer.badge), true));
    return id;
}

std::int64_t update_officer(storage::WriteTransaction& tx,
                            storage::Database& db,
                            std::string_view key,
                            const OfficerUpdate& update) {
    const Officer before = get_officer(db, key);
    Officer after = before;
    if (update.name) {
        if (util::trim(*update.name).empty()) {
            throw_invalid("姓名不能为空");
        }
        after.name = *update.name;
    }
    if (update.unit) {
        const auto unit = get_unit(db, *update.unit);
        after.unit_id = unit.id;
        after.unit_name = unit.name;
    }
    if (update.phone) {
        after.phone = update.phone->empty() ? std::nullopt : update.phone;
        check_phone(after.phone);
    }
    if (update.roles) {
        after.roles = normalize_roles(*update.roles);
    }
    if (update.inspector) {
        after.inspector = *update.inspector;
    }
    if (update.active) {
        after.active = *update.active;
    }
    store_officer(db, before.id, after, update.roles.has_value());
    tx.audit("officer", before.id, "update", officer_json(before, true), officer_json(after, true));
    return before.id;
}

ImportResult import_officers(storage::WriteTransaction& tx,
                             storage::Database& db,
                             std::istream& in,
                             const std::string& name,
                             io::OnConflict on_conflict) {
    io::CsvReader reader(in, name);
    const std::string display = name == "-" ? "<stdin>" : name;
    const auto columns = read_header(reader, display);
    std::vector<Diagnostic> problems;
    bool all_conflicts = true;
    std::set<std::string> seen;
    ImportResult result;
    while (auto record = reader.next()) {
        const SourceLocation where{display, static_cast<int>(record->line), 0};
        try {
            const auto row = parse_row(columns, *record);
            if (!seen.insert(row.officer.badge).second) {
                throw_invalid("文件中警号重复: " + row.officer.badge);
            }
            const auto unit_id = validate_fields(db, row.officer);
            import_row(db, row, unit_id, on_conflict, problems.empty(), result);
        } catch (const Error& e) {
            all_conflicts = all_conflicts && e.code() == Exit::conflict;
            problems.push_back(Diagnostic{where, e.what()});
        }
    }
    if (!problems.empty()) {
        // The summary first: the order in which arguments are evaluated is unspecified.
        auto summary = fmt::format("导入失败: {} 行有错误，未导入任何记录", problems.size());
        if (all_conflicts) {
            throw Error(Exit::conflict, summary, "用 --on-conflict skip 或 update 处理已登记的民警")
                .with_details(std::move(problems));
        }
        throw_diagnostics(summary, std::move(problems));
    }
    tx.audit("officer",
             std::nullopt,
             "import",
             nullptr,
             nlohmann::json{{"file", display},
                            {"added", result.added},
                            {"updated", result.updated},
                            {"skipped", result.skipped}});
    return result;
}

std::string format_import_result(const ImportResult& r) {
    return fmt::format("added={} updated={} skipped={} invalid=0", r.added, r.updated, r.skipped);
}

} // namespace hujing::domain
