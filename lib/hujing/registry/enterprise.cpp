// SPDX-License-Identifier: GPL-3.0-or-later
// The enterprise model: lookup by id or USCC, and its JSON.
#include "enterprise_detail.hpp"

#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/util/uscc.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
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
    Enterprise e = read_enterprise_row(q);
    e.data.tags = string_column(
        db, "SELECT tag FROM enterprise_tag WHERE enterprise_id = ? ORDER BY tag", e.id);
    e.data.sectors = string_column(
        db, "SELECT sector FROM enterprise_sector WHERE enterprise_id = ? ORDER BY sector", e.id);
    return e;
}

} // namespace

Enterprise read_enterprise_row(SQLite::Statement& q) {
    Enterprise e;
    storage::read_columns(q,
                          e.id,
                          e.data.uscc,
                          e.data.name,
                          e.data.town,
                          e.data.industry,
                          e.data.industry_code,
                          e.data.scale,
                          e.data.legal_rep,
                          e.data.phone,
                          e.data.address,
                          e.credit_grade,
                          e.created_at,
                          e.updated_at);
    return e;
}

std::optional<Enterprise> find_enterprise(storage::Database& db, std::string_view key) {
    const auto id = resolve_enterprise_id(db, key);
    if (!id) {
        return std::nullopt;
    }
    SQLite::Statement q(db.sql(), std::string(k_select) + " WHERE id = ?");
    q.bind(1, *id);
    if (q.executeStep()) {
        return read_enterprise(db, q);
    }
    return std::nullopt;
}

Enterprise get_enterprise(storage::Database& db, std::string_view key) {
    if (auto e = find_enterprise(db, key)) {
        return *e;
    }
    throw_not_found(
        "企业", key, "用编号、18 位统一社会信用代码或登记名称，hujing enterprise list 可查");
}

output::View<Enterprise> enterprise_view(bool reveal) {
    using F = output::Field<Enterprise>;
    using output::Kind;
    using output::nullable;
    using E = const Enterprise&;
    return output::View<Enterprise>(
        {F{"id", "编号", Kind::integer, [](E e) { return e.id; }, "e.id"},
         F{"uscc", "统一社会信用代码", Kind::text, [](E e) { return e.data.uscc; }, "e.uscc"},
         F{"name", "名称", Kind::text, [](E e) { return e.data.name; }, "e.name"},
         F{"town", "镇街", Kind::text, [](E e) { return nullable(e.data.town); }, "e.town"},
         F{"industry",
           "行业",
           Kind::text,
           [](E e) { return nullable(e.data.industry); },
           "e.industry"},
         F{"industry_code",
           "行业代码",
           Kind::text,
           [](E e) { return nullable(e.data.industry_code); },
           "e.industry_code"},
         F{"scale",
           "规模",
           Kind::text,
           [](E e) { return nullable(e.data.scale); },
           "e.scale",
           [](std::string_view code) { return scale_label(code); }},
         F{"legal_rep",
           "法定代表人",
           Kind::text,
           [](E e) { return nullable(e.data.legal_rep); },
           "e.legal_rep"},
         F{"phone",
           "电话",
           Kind::text,
           [reveal](E e) { return masked_phone(e.data.phone, reveal); }},
         F{"address",
           "地址",
           Kind::text,
           [](E e) { return nullable(e.data.address); },
           "e.address"},
         F{"credit_grade",
           "信用等级",
           Kind::text,
           [](E e) { return nullable(e.credit_grade); },
           "e.credit_grade"},
         F{"tags", "标签", Kind::list, [](E e) { return e.data.tags; }},
         F{"sectors", "监管行业", Kind::list, [](E e) { return e.data.sectors; }},
         F{"officers", "责任民警", Kind::list, [](E e) { return e.officers; }},
         F{"created_at", "登记时间", Kind::text, [](E e) { return e.created_at; }, "e.created_at"},
         F{"updated_at", "更新时间", Kind::text, [](E e) { return e.updated_at; }, "e.updated_at"}},
        {"id", "uscc", "name", "town", "industry", "scale", "credit_grade", "tags"});
}

nlohmann::json enterprise_json(const Enterprise& e, bool reveal) {
    return enterprise_view(reveal).without({"officers"}).json(e);
}

} // namespace hujing::domain
