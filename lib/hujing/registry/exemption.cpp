// SPDX-License-Identifier: GPL-3.0-or-later
// Exemptions from inspections (负面清单).
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
