// SPDX-License-Identifier: GPL-3.0-or-later
// Adding and updating enterprises.
#include "enterprise_detail.hpp"

#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/registry/risk.hpp>
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

} // namespace hujing::domain
