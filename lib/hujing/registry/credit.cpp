// SPDX-License-Identifier: GPL-3.0-or-later
// Credit evaluations and repairs.
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

std::string credit_kind_code(CreditKind kind) {
    return kind == CreditKind::repair ? "repair" : "evaluation";
}

} // namespace

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

} // namespace hujing::domain
