// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/pii.hpp>
#include <hujing/util/text.hpp>
#include <hujing/util/uscc.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <variant>

namespace hujing::domain {

namespace {

constexpr const char* k_select = "SELECT id, uscc, name, town, industry, industry_code, scale,"
                                 " legal_rep, phone, address, credit_grade, created_at,"
                                 " updated_at FROM enterprise";

std::vector<std::string> string_column(storage::Database& db, const char* sql, std::int64_t id) {
    std::vector<std::string> out;
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, id);
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString());
    }
    return out;
}

Enterprise read_enterprise(storage::Database& db, SQLite::Statement& q) {
    Enterprise e;
    e.id = q.getColumn(0).getInt64();
    e.data.uscc = q.getColumn(1).getString();
    e.data.name = q.getColumn(2).getString();
    e.data.town = storage::optional_text(q, 3);
    e.data.industry = storage::optional_text(q, 4);
    e.data.industry_code = storage::optional_text(q, 5);
    e.data.scale = storage::optional_text(q, 6);
    e.data.legal_rep = storage::optional_text(q, 7);
    e.data.phone = storage::optional_text(q, 8);
    e.data.address = storage::optional_text(q, 9);
    e.credit_grade = storage::optional_text(q, 10);
    e.created_at = q.getColumn(11).getString();
    e.updated_at = q.getColumn(12).getString();
    e.data.tags = string_column(
        db, "SELECT tag FROM enterprise_tag WHERE enterprise_id = ? ORDER BY tag", e.id);
    e.data.sectors = string_column(
        db, "SELECT sector FROM enterprise_sector WHERE enterprise_id = ? ORDER BY sector", e.id);
    return e;
}

bool has_control(std::string_view text, bool allow_newline) {
    return std::any_of(text.begin(), text.end(), [allow_newline](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (allow_newline && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return u < 0x20 || u == 0x7f;
    });
}

// Trim an optional text; empty → nullopt.
void clean(std::optional<std::string>& value) {
    if (value) {
        const auto t = util::trim(*value);
        if (t.empty()) {
            value.reset();
        } else if (t.size() != value->size()) {
            *value = std::string(t);
        }
    }
}

void check_text(const std::optional<std::string>& value, const char* what, bool allow_newline) {
    if (value && has_control(*value, allow_newline)) {
        throw_invalid(fmt::format("{}含控制字符", what));
    }
}

void check_tag(std::string_view tag) {
    if (has_control(tag, false)) {
        throw_invalid(fmt::format("标签含控制字符: {}", tag));
    }
    if (tag.size() > 60) {
        throw_invalid(fmt::format("标签过长: {}", tag), "每个标签不超过 20 个汉字");
    }
}

void write_list(storage::Database& db,
                const char* del_sql,
                const char* insert_sql,
                std::int64_t id,
                const std::vector<std::string>& values) {
    SQLite::Statement del(db.sql(), del_sql);
    del.bind(1, id);
    del.exec();
    SQLite::Statement insert(db.sql(), insert_sql);
    for (const auto& v : values) {
        insert.bind(1, id);
        insert.bind(2, v);
        insert.exec();
        insert.reset();
    }
}

void write_tags_and_sectors(storage::Database& db, std::int64_t id, const EnterpriseData& data) {
    write_list(db,
               "DELETE FROM enterprise_tag WHERE enterprise_id = ?",
               "INSERT INTO enterprise_tag(enterprise_id, tag) VALUES (?, ?)",
               id,
               data.tags);
    write_list(db,
               "DELETE FROM enterprise_sector WHERE enterprise_id = ?",
               "INSERT INTO enterprise_sector(enterprise_id, sector) VALUES (?, ?)",
               id,
               data.sectors);
}

void former_town_notice(const std::optional<std::string>& former, const EnterpriseData& data) {
    if (former && data.town) {
        notice(fmt::format("{} 已并入或更名为 {}，按 {} 登记", *former, *data.town, *data.town));
    }
}

output::Value masked_phone(const std::optional<std::string>& phone, bool reveal) {
    if (!phone) {
        return {};
    }
    return reveal ? *phone : util::mask_phone(*phone);
}

nlohmann::json masked_phone_json(const std::optional<std::string>& phone, bool reveal) {
    if (!phone) {
        return nullptr;
    }
    return reveal ? *phone : util::mask_phone(*phone);
}

nlohmann::json opt_json(const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::string scale_display(std::string_view code) {
    return scale_label(code);
}

std::string credit_kind_code(CreditKind kind) {
    return kind == CreditKind::repair ? "repair" : "evaluation";
}

std::string credit_kind_label(std::string_view code) {
    return k_credit_kinds.label(code == "repair" ? "repair" : "evaluation");
}

// The number of UTF-8 code points in `text` (continuation bytes not counted).
std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

// The position of `key` in enterprise_columns().
std::size_t column_index(std::string_view key) {
    static const auto columns = enterprise_columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key) {
            return i;
        }
    }
    return columns.size();
}

} // namespace

void bind_enterprise_fields(SQLite::Statement& q, const EnterpriseData& d) {
    q.bind(1, d.uscc);
    q.bind(2, d.name);
    storage::bind_optional(q, 3, d.town);
    storage::bind_optional(q, 4, d.industry);
    storage::bind_optional(q, 5, d.industry_code);
    storage::bind_optional(q, 6, d.scale);
    storage::bind_optional(q, 7, d.legal_rep);
    storage::bind_optional(q, 8, d.phone);
    storage::bind_optional(q, 9, d.address);
}

const std::vector<std::string>& enterprise_sectors() {
    static const std::vector<std::string> sectors = k_sectors.codes();
    return sectors;
}

const std::vector<std::string>& credit_grades() {
    static const std::vector<std::string> grades = k_credit_grades.codes();
    return grades;
}

std::string parse_scale(std::string_view text) {
    const auto t = util::trim(text);
    if (t == "above" || t == "规上" || t == "规模以上") {
        return "above";
    }
    if (t == "below" || t == "规下" || t == "规模以下") {
        return "below";
    }
    throw_invalid(fmt::format("规模无效: {}", text), "可用: above (规上)、below (规下)");
}

std::string scale_label(std::string_view code) {
    return k_scales.label(code);
}

std::string parse_credit_grade(std::string_view text) {
    const auto t = util::trim(text);
    if (t.size() == 1) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
        if (c >= 'A' && c <= 'D') {
            return std::string(1, c);
        }
    }
    throw_invalid(fmt::format("信用等级无效: {}", text), "可用: A、B、C、D");
}

std::string normalize_uscc(std::string_view text) {
    return util::validate_uscc(util::trim(text));
}

void check_industry_code(std::string_view code) {
    const bool digits = code.size() == 4 && std::all_of(code.begin(), code.end(), [](char c) {
                            return c >= '0' && c <= '9';
                        });
    if (!digits || code.starts_with("00") || code.starts_with("98") || code.starts_with("99")) {
        throw_invalid(fmt::format("行业代码无效: {}", code),
                      "应为 GB/T 4754-2017 的 4 位小类代码，如 1830");
    }
}

void check_sector(std::string_view sector) {
    const auto& all = enterprise_sectors();
    if (std::find(all.begin(), all.end(), sector) == all.end()) {
        throw_invalid(fmt::format("行业类别无效: {}", sector), "可用: " + util::join(all, ","));
    }
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    auto push = [&](std::string_view part) {
        const auto t = util::trim(part);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) {
            out.emplace_back(t);
        }
    };
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 0;
        if (text[i] == ';' || text[i] == ',') {
            len = 1;
        } else if (text.substr(i, 3) == "；" || text.substr(i, 3) == "，") {
            len = 3;
        }
        if (len > 0) {
            push(text.substr(start, i - start));
            i += len;
            start = i;
        } else {
            ++i;
        }
    }
    push(text.substr(start));
    return out;
}

std::optional<std::string> normalize_enterprise(EnterpriseData& d) {
    d.uscc = normalize_uscc(d.uscc);
    const auto name = util::trim(d.name);
    if (name.empty()) {
        throw_invalid("企业名称不能为空");
    }
    if (name.size() != d.name.size()) {
        d.name = std::string(name);
    }
    check_text(d.name, "企业名称", false);
    for (auto* field :
         {&d.town, &d.industry, &d.industry_code, &d.scale, &d.legal_rep, &d.phone, &d.address}) {
        clean(*field);
    }
    check_text(d.industry, "行业", false);
    check_text(d.legal_rep, "法定代表人", false);
    check_text(d.address, "地址", true);
    std::optional<std::string> former;
    if (d.town) {
        auto match = resolve_town(*d.town);
        d.town = std::move(match.name);
        former = std::move(match.former);
    }
    if (d.industry_code) {
        check_industry_code(*d.industry_code);
    }
    if (d.scale) {
        d.scale = parse_scale(*d.scale);
    }
    if (d.phone) {
        util::check_phone(*d.phone);
    }
    std::vector<std::string> tags;
    for (const auto& tag : d.tags) {
        for (auto& t : split_list(tag)) {
            check_tag(t);
            if (std::find(tags.begin(), tags.end(), t) == tags.end()) {
                tags.push_back(std::move(t));
            }
        }
    }
    d.tags = std::move(tags);
    std::vector<std::string> sectors;
    for (const auto& sector : d.sectors) {
        for (auto& s : split_list(sector)) {
            check_sector(s);
            if (std::find(sectors.begin(), sectors.end(), s) == sectors.end()) {
                sectors.push_back(std::move(s));
            }
        }
    }
    d.sectors = std::move(sectors);
    return former;
}

std::optional<Enterprise> find_enterprise(storage::Database& db, std::string_view key) {
    const auto k = parse_enterprise_key(key);
    SQLite::Statement q(db.sql(),
                        std::string(k_select) + (k.id ? " WHERE id = ?" : " WHERE uscc = ?"));
    if (k.id) {
        q.bind(1, *k.id);
    } else {
        q.bind(1, k.uscc);
    }
    if (q.executeStep()) {
        return read_enterprise(db, q);
    }
    return std::nullopt;
}

Enterprise get_enterprise(storage::Database& db, std::string_view key) {
    if (auto e = find_enterprise(db, key)) {
        return *e;
    }
    throw_not_found("企业", key, "用编号或 18 位统一社会信用代码，hujing enterprise list 可查");
}

nlohmann::json enterprise_json(const Enterprise& e, bool reveal) {
    return {{"id", e.id},
            {"uscc", e.data.uscc},
            {"name", e.data.name},
            {"town", opt_json(e.data.town)},
            {"industry", opt_json(e.data.industry)},
            {"industry_code", opt_json(e.data.industry_code)},
            {"scale", opt_json(e.data.scale)},
            {"legal_rep", opt_json(e.data.legal_rep)},
            {"phone", masked_phone_json(e.data.phone, reveal)},
            {"address", opt_json(e.data.address)},
            {"credit_grade", opt_json(e.credit_grade)},
            {"tags", e.data.tags},
            {"sectors", e.data.sectors},
            {"created_at", e.created_at},
            {"updated_at", e.updated_at}};
}

std::int64_t
add_enterprise(storage::WriteTransaction& tx, storage::Database& db, EnterpriseData data) {
    const auto former = normalize_enterprise(data);
    if (auto existing = find_enterprise_ref(db, data.uscc)) {
        throw_conflict(fmt::format("统一社会信用代码已存在: {} (编号 {}，{})",
                                   data.uscc,
                                   existing->id,
                                   existing->name),
                       "用 hujing enterprise update 修改");
    }
    const auto now = audit::utc_now();
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO enterprise(uscc, name, town, industry, industry_code,"
                             " scale, legal_rep, phone, address, created_at, updated_at)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?10,?10)");
    bind_enterprise_fields(insert, data);
    insert.bind(10, now);
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    write_tags_and_sectors(db, id, data);
    former_town_notice(former, data);
    tx.audit("enterprise",
             id,
             "add",
             nullptr,
             enterprise_json(get_enterprise(db, std::to_string(id)), true));
    return id;
}

std::int64_t update_enterprise(storage::WriteTransaction& tx,
                               storage::Database& db,
                               std::string_view key,
                               const EnterpriseUpdate& update) {
    const Enterprise before = get_enterprise(db, key);
    EnterpriseData data = before.data;
    if (update.uscc) {
        data.uscc = *update.uscc;
    }
    if (update.name) {
        data.name = *update.name;
    }
    const std::pair<const std::optional<std::string>*, std::optional<std::string>*> fields[] = {
        {&update.town, &data.town},
        {&update.industry, &data.industry},
        {&update.industry_code, &data.industry_code},
        {&update.scale, &data.scale},
        {&update.legal_rep, &data.legal_rep},
        {&update.phone, &data.phone},
        {&update.address, &data.address},
    };
    for (const auto& [from, to] : fields) {
        if (*from) {
            *to = **from; // an empty string is cleared by normalize_enterprise
        }
    }
    if (update.tags) {
        data.tags = *update.tags;
    }
    if (update.sectors) {
        data.sectors = *update.sectors;
    }
    const auto former = normalize_enterprise(data);
    if (data.uscc != before.data.uscc) {
        if (auto other = find_enterprise_ref(db, data.uscc)) {
            throw_conflict(fmt::format(
                "统一社会信用代码已存在: {} (编号 {}，{})", data.uscc, other->id, other->name));
        }
    }
    SQLite::Statement q(db.sql(),
                        "UPDATE enterprise SET uscc = ?, name = ?, town = ?, industry = ?,"
                        " industry_code = ?, scale = ?, legal_rep = ?, phone = ?, address = ?,"
                        " updated_at = ? WHERE id = ?");
    bind_enterprise_fields(q, data);
    q.bind(10, audit::utc_now());
    q.bind(11, before.id);
    q.exec();
    if (update.tags || update.sectors) {
        write_tags_and_sectors(db, before.id, data);
    }
    former_town_notice(former, data);
    tx.audit("enterprise",
             before.id,
             "update",
             enterprise_json(before, true),
             enterprise_json(get_enterprise(db, std::to_string(before.id)), true));
    return before.id;
}

std::vector<output::Column> enterprise_columns() {
    using output::Column;
    using output::Kind;
    return {
        Column{"id", "编号", Kind::integer, {}, true},
        Column{"uscc", "统一社会信用代码", Kind::text},
        Column{"name", "名称", Kind::text},
        Column{"town", "镇街", Kind::text},
        Column{"industry", "行业", Kind::text},
        Column{"industry_code", "行业代码", Kind::text},
        Column{"scale", "规模", Kind::text, scale_display},
        Column{"legal_rep", "法定代表人", Kind::text},
        Column{"phone", "电话", Kind::text},
        Column{"address", "地址", Kind::text},
        Column{"credit_grade", "信用等级", Kind::text},
        Column{"tags", "标签", Kind::list},
        Column{"sectors", "监管行业", Kind::list},
        Column{"officers", "责任民警", Kind::list},
        Column{"created_at", "登记时间", Kind::text},
        Column{"updated_at", "更新时间", Kind::text},
    };
}

const std::vector<std::string>& enterprise_default_fields() {
    static const std::vector<std::string> fields = {
        "id", "uscc", "name", "town", "industry", "scale", "credit_grade", "tags"};
    return fields;
}

void list_enterprises(storage::Database& db,
                      const EnterpriseQuery& query,
                      const std::vector<std::string>& fields,
                      bool reveal,
                      output::RowWriter& writer) {
    const auto columns = enterprise_columns();
    std::vector<bool> needed(columns.size(), false);
    for (const auto& f : fields) {
        const auto i = column_index(f);
        if (i < columns.size()) {
            needed[i] = true;
        }
    }
    auto need = [&](std::string_view key) { return needed[column_index(key)]; };

    using Param = std::variant<std::int64_t, std::string>;
    std::vector<Param> params;
    std::string where;
    auto add = [&](const std::string& clause) {
        where += (where.empty() ? " WHERE " : " AND ") + clause;
    };

    if (query.town) {
        add("e.town = ?");
        params.emplace_back(resolve_town(*query.town).name);
    }
    if (query.industry) {
        add("e.industry = ?");
        params.emplace_back(std::string(util::trim(*query.industry)));
    }
    if (query.tag) {
        add("e.id IN (SELECT enterprise_id FROM enterprise_tag WHERE tag = ?)");
        params.emplace_back(std::string(util::trim(*query.tag)));
    }
    if (query.sector) {
        check_sector(*query.sector);
        add("e.id IN (SELECT enterprise_id FROM enterprise_sector WHERE sector = ?)");
        params.emplace_back(*query.sector);
    }
    if (query.credit) {
        if (util::trim(*query.credit) == "none") {
            add("e.credit_grade IS NULL");
        } else {
            add("e.credit_grade = ?");
            params.emplace_back(parse_credit_grade(*query.credit));
        }
    }
    if (query.scale) {
        add("e.scale = ?");
        params.emplace_back(parse_scale(*query.scale));
    }
    if (query.officer) {
        const auto officer = get_officer(db, *query.officer);
        add("e.id IN (SELECT enterprise_id FROM enterprise_officer WHERE officer_id = ?)");
        params.emplace_back(officer.id);
    }
    if (query.risk) {
        if (util::trim(*query.risk) == "any") {
            add("e.id IN (SELECT enterprise_id FROM risk WHERE closed IS NULL)");
        } else {
            add("e.id IN (SELECT enterprise_id FROM risk WHERE closed IS NULL AND level = ?)");
            params.emplace_back(parse_risk_level(*query.risk));
        }
    }
    if (query.search) {
        const auto& text = *query.search;
        if (utf8_length(text) >= 3) {
            // A phrase of the trigram index: quotes doubled inside the double-quoted string.
            std::string phrase = "\"";
            for (char c : text) {
                phrase += c;
                if (c == '"') {
                    phrase += '"';
                }
            }
            phrase += '"';
            add("e.id IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?)");
            params.emplace_back(std::move(phrase));
        } else {
            // Under three characters the trigram index cannot help; instr() is an exact,
            // case-sensitive substring test like the index (no LIKE wildcards to escape).
            add("(instr(e.name, ?) > 0 OR instr(e.address, ?) > 0)");
            params.emplace_back(text);
            params.emplace_back(text);
        }
    }

    static const std::map<std::string, std::string, std::less<>> sort_keys = {
        {"id", "e.id"},
        {"uscc", "e.uscc"},
        {"name", "e.name"},
        {"town", "e.town"},
        {"industry", "e.industry"},
        {"industry_code", "e.industry_code"},
        {"scale", "e.scale"},
        {"legal_rep", "e.legal_rep"},
        {"address", "e.address"},
        {"credit_grade", "e.credit_grade"},
        {"created_at", "e.created_at"},
        {"updated_at", "e.updated_at"},
    };
    std::string order = " ORDER BY e.id";
    if (!query.sort.empty()) {
        const bool descending = query.sort.front() == '-';
        const auto key = std::string_view(query.sort).substr(descending ? 1 : 0);
        const auto it = sort_keys.find(key);
        if (it == sort_keys.end()) {
            std::vector<std::string> keys;
            keys.reserve(sort_keys.size());
            for (const auto& [k, sql] : sort_keys) {
                keys.push_back(k);
            }
            throw_invalid(fmt::format("未知的排序字段: {}", key),
                          "可用字段: " + util::join(keys, ","));
        }
        const char* dir = descending ? " DESC" : "";
        order = fmt::format(" ORDER BY {}{}, e.id{}", it->second, dir, dir);
    }

    const std::string sql = fmt::format(
        "SELECT e.id, e.uscc, e.name, e.town, e.industry, e.industry_code, e.scale, e.legal_rep,"
        " e.phone, e.address, e.credit_grade, {}, {}, {}, e.created_at, e.updated_at"
        " FROM enterprise e{}{} LIMIT ? OFFSET ?",
        need("tags") ? "(SELECT group_concat(tag, ';') FROM enterprise_tag t"
                       " WHERE t.enterprise_id = e.id)"
                     : "NULL",
        need("sectors") ? "(SELECT group_concat(sector, ';') FROM enterprise_sector s"
                          " WHERE s.enterprise_id = e.id)"
                        : "NULL",
        need("officers") ? "(SELECT group_concat(o.badge, ';') FROM enterprise_officer a"
                           " JOIN officer o ON o.id = a.officer_id WHERE a.enterprise_id = e.id)"
                         : "NULL",
        where,
        order);
    SQLite::Statement q(db.sql(), sql);
    int index = 1;
    for (const auto& p : params) {
        if (const auto* i = std::get_if<std::int64_t>(&p)) {
            q.bind(index++, *i);
        } else {
            q.bind(index++, std::get<std::string>(p));
        }
    }
    q.bind(index++, query.limit.value_or(-1));
    q.bind(index++, query.offset.value_or(0));

    const std::size_t count = columns.size();
    output::Row row(count);
    while (q.executeStep()) {
        for (std::size_t i = 0; i < count; ++i) {
            const int c = static_cast<int>(i);
            if (!needed[i] || q.isColumnNull(c)) {
                row[i] = std::monostate{};
            } else if (i == 0) {
                row[i] = q.getColumn(c).getInt64();
            } else if (columns[i].kind == output::Kind::list) {
                row[i] = util::split(q.getColumn(c).getString(), ';');
            } else if (columns[i].key == "phone") {
                row[i] = masked_phone(q.getColumn(c).getString(), reveal);
            } else {
                row[i] = q.getColumn(c).getString();
            }
        }
        writer.row(row);
    }
}

EnterpriseFile
load_enterprise_file(storage::Database& db, std::string_view key, const FileOptions& options) {
    using output::Column;
    using output::Kind;
    EnterpriseFile file;
    file.enterprise = get_enterprise(db, key);
    const auto id = file.enterprise.id;

    file.officers.columns = {Column{"badge", "警号", Kind::text},
                             Column{"name", "姓名", Kind::text},
                             Column{"unit", "单位", Kind::text},
                             Column{"role", "角色", Kind::text},
                             Column{"since", "起始日期", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT o.badge, o.name, u.name, a.role, a.since"
                            " FROM enterprise_officer a JOIN officer o ON o.id = a.officer_id"
                            " JOIN unit u ON u.id = o.unit_id WHERE a.enterprise_id = ?"
                            " ORDER BY a.since, o.badge, a.role");
        q.bind(1, id);
        while (q.executeStep()) {
            std::array<std::string, 5> v;
            for (int i = 0; i < 5; ++i) {
                v[static_cast<std::size_t>(i)] = q.getColumn(i).getString();
            }
            file.officers.rows.push_back({v[0], v[1], v[2], v[3], v[4]});
            file.officers_json.push_back(
                {{"badge", v[0]}, {"name", v[1]}, {"unit", v[2]}, {"role", v[3]}, {"since", v[4]}});
        }
    }

    file.credit.columns = {Column{"date", "日期", Kind::text},
                           Column{"grade", "等级", Kind::text},
                           Column{"kind", "类型", Kind::text, credit_kind_label},
                           Column{"reason", "原因", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT id, date, grade, kind, reason FROM credit_event"
                            " WHERE enterprise_id = ? ORDER BY date DESC, id DESC");
        q.bind(1, id);
        while (q.executeStep()) {
            const auto date = q.getColumn(1).getString();
            const auto grade = q.getColumn(2).getString();
            const auto kind = q.getColumn(3).getString();
            const auto reason = q.getColumn(4).getString();
            file.credit.rows.push_back({date, grade, kind, reason});
            file.credit_json.push_back({{"id", q.getColumn(0).getInt64()},
                                        {"date", date},
                                        {"grade", grade},
                                        {"kind", kind},
                                        {"reason", reason}});
        }
    }

    file.risks.columns = {Column{"id", "编号", Kind::integer, {}, true},
                          Column{"level", "等级", Kind::text, risk_level_label},
                          Column{"description", "描述", Kind::text},
                          Column{"unit", "责任单位", Kind::text},
                          Column{"leader", "责任领导", Kind::text},
                          Column{"opened", "登记日期", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT r.id, r.level, r.description, u.name, r.leader, r.opened"
                            " FROM risk r LEFT JOIN unit u ON u.id = r.unit_id"
                            " WHERE r.enterprise_id = ? AND r.closed IS NULL ORDER BY r.id");
        q.bind(1, id);
        while (q.executeStep()) {
            const auto rid = q.getColumn(0).getInt64();
            const auto level = q.getColumn(1).getString();
            const auto description = q.getColumn(2).getString();
            const auto unit = storage::optional_text(q, 3);
            const auto leader = storage::optional_text(q, 4);
            const auto opened = q.getColumn(5).getString();
            file.risks.rows.push_back({rid,
                                       level,
                                       description,
                                       unit ? output::Value(*unit) : output::Value{},
                                       leader ? output::Value(*leader) : output::Value{},
                                       opened});
            file.risks_json.push_back({{"id", rid},
                                       {"level", level},
                                       {"description", description},
                                       {"unit", opt_json(unit)},
                                       {"leader", opt_json(leader)},
                                       {"opened", opened}});
        }
    }

    file.exemptions.columns = {Column{"form_id", "检查表", Kind::text},
                               Column{"until", "截止日期", Kind::text},
                               Column{"active", "有效", Kind::boolean},
                               Column{"reason", "原因", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT id, form_id, until, reason, until >= ? FROM exemption"
                            " WHERE enterprise_id = ? ORDER BY until DESC, id DESC");
        q.bind(1, util::format_date(options.today));
        q.bind(2, id);
        while (q.executeStep()) {
            const auto form = q.getColumn(1).getString();
            const auto until = q.getColumn(2).getString();
            const auto reason = q.getColumn(3).getString();
            const bool active = q.getColumn(4).getInt() != 0;
            file.exemptions.rows.push_back({form, until, active, reason});
            file.exemptions_json.push_back({{"id", q.getColumn(0).getInt64()},
                                            {"form_id", form},
                                            {"until", until},
                                            {"active", active},
                                            {"reason", reason}});
        }
    }

    file.projects.columns = {Column{"id", "编号", Kind::integer, {}, true},
                             Column{"name", "项目", Kind::text},
                             Column{"officer", "项目警官", Kind::text},
                             Column{"visit_interval_days", "走访间隔（天）", Kind::integer}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT p.id, p.name, o.badge, o.name, p.visit_interval_days"
                            " FROM project p JOIN officer o ON o.id = p.officer_id"
                            " WHERE p.enterprise_id = ? ORDER BY p.id");
        q.bind(1, id);
        while (q.executeStep()) {
            const auto pid = q.getColumn(0).getInt64();
            const auto name = q.getColumn(1).getString();
            const auto badge = q.getColumn(2).getString();
            const auto officer = fmt::format("{} {}", badge, q.getColumn(3).getString());
            const auto interval = storage::optional_int(q, 4);
            file.projects.rows.push_back(
                {pid, name, officer, interval ? output::Value(*interval) : output::Value{}});
            file.projects_json.push_back(
                {{"id", pid},
                 {"name", name},
                 {"officer_badge", badge},
                 {"visit_interval_days",
                  interval ? nlohmann::json(*interval) : nlohmann::json(nullptr)}});
        }
    }

    for (const auto part : enterprise_file_parts()) {
        file.parts.push_back(part(db, id, options));
    }
    return file;
}

nlohmann::json enterprise_file_json(const EnterpriseFile& file, bool reveal) {
    auto doc = enterprise_json(file.enterprise, reveal);
    doc["officers"] = file.officers_json;
    doc["credit_history"] = file.credit_json;
    doc["risks"] = file.risks_json;
    doc["exemptions"] = file.exemptions_json;
    doc["projects"] = file.projects_json;
    for (const auto& part : file.parts) {
        doc[part.key] = part.json;
    }
    return doc;
}

std::vector<output::Section> enterprise_file_sections(const EnterpriseFile& file, bool reveal) {
    const auto& e = file.enterprise;
    auto text = [](const std::optional<std::string>& v) {
        return v ? output::Value(*v) : output::Value{};
    };
    output::Section top;
    for (const auto& c : enterprise_columns()) {
        if (c.key != "officers") {
            top.fields.push_back(c);
        }
    }
    top.values = {e.id,
                  e.data.uscc,
                  e.data.name,
                  text(e.data.town),
                  text(e.data.industry),
                  text(e.data.industry_code),
                  text(e.data.scale),
                  text(e.data.legal_rep),
                  masked_phone(e.data.phone, reveal),
                  text(e.data.address),
                  text(e.credit_grade),
                  e.data.tags,
                  e.data.sectors,
                  e.created_at,
                  e.updated_at};
    std::vector<output::Section> sections = {top};
    auto table = [&](const char* title, const output::Table& t) {
        output::Section s;
        s.title = title;
        s.table = t;
        sections.push_back(std::move(s));
    };
    table("责任民警", file.officers);
    table("信用记录", file.credit);
    table("未结风险", file.risks);
    table("免检（负面清单）", file.exemptions);
    table("重点项目", file.projects);
    for (const auto& part : file.parts) {
        table(part.title.c_str(), part.table);
    }
    return sections;
}

std::int64_t assign_officer(storage::WriteTransaction& tx,
                            storage::Database& db,
                            std::string_view key,
                            std::string_view badge,
                            std::string_view role,
                            util::Date since) {
    check_role(role);
    const auto enterprise = get_enterprise_ref(db, key);
    const auto officer = get_officer(db, badge);
    if (!officer.active) {
        throw_conflict(fmt::format("民警 {} {} 不在岗，不能指派", officer.badge, officer.name));
    }
    if (std::find(officer.roles.begin(), officer.roles.end(), role) == officer.roles.end()) {
        notice(fmt::format("民警 {} {} 未登记“{}”角色", officer.badge, officer.name, role));
    }
    SQLite::Statement insert(
        db.sql(),
        "INSERT INTO enterprise_officer(enterprise_id, officer_id, role, since)"
        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
    insert.bind(1, enterprise.id);
    insert.bind(2, officer.id);
    insert.bind(3, std::string(role));
    insert.bind(4, util::format_date(since));
    if (insert.exec() == 0) {
        throw_conflict(
            fmt::format("民警 {} 已以“{}”指派给 {}", officer.badge, role, enterprise.name),
            "用 hujing enterprise unassign 先解除");
    }
    tx.audit("enterprise",
             enterprise.id,
             "assign",
             nullptr,
             {{"officer", officer.badge}, {"role", role}, {"since", util::format_date(since)}});
    return enterprise.id;
}

std::int64_t unassign_officer(storage::WriteTransaction& tx,
                              storage::Database& db,
                              std::string_view key,
                              std::string_view badge,
                              const std::optional<std::string>& role) {
    if (role) {
        check_role(*role);
    }
    const auto enterprise = get_enterprise_ref(db, key);
    const auto officer = get_officer(db, badge);
    nlohmann::json removed = nlohmann::json::array();
    {
        SQLite::Statement q(db.sql(),
                            "SELECT role, since FROM enterprise_officer WHERE enterprise_id = ?"
                            " AND officer_id = ? AND (?3 IS NULL OR role = ?3) ORDER BY role");
        q.bind(1, enterprise.id);
        q.bind(2, officer.id);
        storage::bind_optional(q, 3, role);
        while (q.executeStep()) {
            removed.push_back({{"officer", officer.badge},
                               {"role", q.getColumn(0).getString()},
                               {"since", q.getColumn(1).getString()}});
        }
    }
    if (removed.empty()) {
        throw Error(Exit::not_found,
                    fmt::format("民警 {} 未{}指派给 {}",
                                officer.badge,
                                role ? "以“" + *role + "”" : std::string(),
                                enterprise.name),
                    "用 hujing enterprise show 查看责任民警");
    }
    SQLite::Statement del(db.sql(),
                          "DELETE FROM enterprise_officer WHERE enterprise_id = ?"
                          " AND officer_id = ? AND (?3 IS NULL OR role = ?3)");
    del.bind(1, enterprise.id);
    del.bind(2, officer.id);
    storage::bind_optional(del, 3, role);
    del.exec();
    tx.audit("enterprise", enterprise.id, "unassign", removed, nullptr);
    return enterprise.id;
}

std::int64_t add_credit_event(storage::WriteTransaction& tx,
                              storage::Database& db,
                              std::string_view key,
                              std::string_view grade_text,
                              std::string_view reason,
                              util::Date date,
                              CreditKind kind) {
    const auto grade = parse_credit_grade(grade_text);
    if (util::trim(reason).empty()) {
        throw_invalid("信用记录原因不能为空");
    }
    const auto before = get_enterprise(db, key);
    if (kind == CreditKind::repair && (!before.credit_grade || grade >= *before.credit_grade)) {
        throw_conflict(fmt::format("信用修复须提高等级: 当前为 {}，修复为 {}",
                                   before.credit_grade.value_or("未评"),
                                   grade),
                       "评价请去掉 --repair");
    }
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO credit_event(enterprise_id, grade, kind, reason, date)"
                             " VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, before.id);
    insert.bind(2, grade);
    insert.bind(3, credit_kind_code(kind));
    insert.bind(4, std::string(util::trim(reason)));
    insert.bind(5, util::format_date(date));
    insert.exec();
    const auto event_id = db.sql().getLastInsertRowid();
    SQLite::Statement update(
        db.sql(),
        "UPDATE enterprise SET credit_grade = (SELECT grade FROM credit_event"
        " WHERE enterprise_id = ?1 ORDER BY date DESC, id DESC LIMIT 1), updated_at = ?2"
        " WHERE id = ?1");
    update.bind(1, before.id);
    update.bind(2, audit::utc_now());
    update.exec();
    const auto after = get_enterprise(db, std::to_string(before.id));
    tx.audit("enterprise",
             before.id,
             "credit",
             {{"credit_grade", opt_json(before.credit_grade)}},
             {{"credit_grade", opt_json(after.credit_grade)},
              {"event",
               {{"id", event_id},
                {"grade", grade},
                {"kind", credit_kind_code(kind)},
                {"reason", util::trim(reason)},
                {"date", util::format_date(date)}}}});
    return event_id;
}

void check_form_id(std::string_view form_id) {
    const bool ok = !form_id.empty() && form_id.front() >= 'a' && form_id.front() <= 'z'
                    && std::all_of(form_id.begin(), form_id.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                       });
    if (!ok) {
        throw_invalid(fmt::format("检查表编号无效: {}", form_id),
                      "应为小写字母开头，由小写字母、数字和下划线组成，如 lodging");
    }
}

std::int64_t add_exemption(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view key,
                           std::string_view form_id,
                           util::Date until,
                           std::string_view reason,
                           util::Date today) {
    check_form_id(form_id);
    if (util::trim(reason).empty()) {
        throw_invalid("免检原因不能为空");
    }
    if (until < today) {
        throw_invalid(fmt::format(
            "免检截止日期 {} 早于今天 {}", util::format_date(until), util::format_date(today)));
    }
    const auto enterprise = get_enterprise_ref(db, key);
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO exemption(enterprise_id, form_id, until, reason)"
                             " VALUES (?, ?, ?, ?)");
    insert.bind(1, enterprise.id);
    insert.bind(2, std::string(form_id));
    insert.bind(3, util::format_date(until));
    insert.bind(4, std::string(util::trim(reason)));
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    tx.audit("enterprise",
             enterprise.id,
             "exempt",
             nullptr,
             {{"exemption_id", id},
              {"form_id", form_id},
              {"until", util::format_date(until)},
              {"reason", util::trim(reason)}});
    return id;
}

} // namespace hujing::domain
