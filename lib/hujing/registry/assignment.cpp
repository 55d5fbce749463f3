// SPDX-License-Identifier: GPL-3.0-or-later
// Assigning officers to enterprises and removing them.
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

} // namespace hujing::domain
