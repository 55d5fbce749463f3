// SPDX-License-Identifier: GPL-3.0-or-later
// The status machine of a case, the legal review (审核把关) and recoveries (追赃挽损).
#include <hujing/cases/case.hpp>
#include <hujing/cases/detail.hpp>
#include <hujing/error.hpp>
#include <hujing/util/money.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace hujing::domain {

namespace {

// The statuses a case in `status` may move to.
std::vector<std::string> allowed_moves(std::string_view status) {
    if (status == "accepted") {
        return {"filed", "not_filed"};
    }
    if (status == "filed") {
        return {"investigating", "withdrawn"};
    }
    if (status == "investigating") {
        return {"prosecuted", "withdrawn"};
    }
    if (status == "prosecuted") {
        return {"closed"};
    }
    return {};
}

void require_move(const Case& c, const std::string& to) {
    const auto moves = allowed_moves(c.status);
    if (std::find(moves.begin(), moves.end(), to) != moves.end()) {
        return;
    }
    std::vector<std::string> names;
    names.reserve(moves.size());
    for (const auto& m : moves) {
        names.push_back(fmt::format("{}({})", m, k_case_statuses.label(m)));
    }
    throw_conflict(fmt::format("案件 {} 当前状态为“{}”，不能转为“{}”",
                               c.case_no,
                               k_case_statuses.label(c.status),
                               k_case_statuses.label(to)),
                   names.empty() ? std::string("案件已办结，没有可用的状态变更")
                                 : "可转为: " + util::join(names, ", "));
}

// Move `c` to `to` on `date`: filed sets the filing day, a final status the closing day.
void move_status(storage::Database& db,
                 const Case& c,
                 const std::string& to,
                 const std::string& date) {
    require_move(c, to);
    if (to == "prosecuted" && c.review != "pass") {
        throw_conflict(fmt::format("案件 {} 未经法制审核通过，不能移送起诉{}",
                                   c.case_no,
                                   c.review == "return" ? "（审核已退回）" : ""),
                       fmt::format("先由法制部门 hujing case review {} --result pass", c.id));
    }
    if (c.status == "accepted") {
        cases::require_external_cleared(c, "受理后的任何处理");
    }
    SQLite::Statement q(db.sql(),
                        "UPDATE case_ SET status = ?1,"
                        " filed = CASE WHEN ?1 = 'filed' THEN ?2 ELSE filed END,"
                        " closed = CASE WHEN ?1 IN ('closed', 'withdrawn', 'not_filed') THEN ?2"
                        " ELSE closed END WHERE id = ?3");
    q.bind(1, to);
    q.bind(2, date);
    q.bind(3, c.id);
    q.exec();
}

} // namespace

Case progress_case(storage::WriteTransaction& tx,
                   storage::Database& db,
                   std::int64_t id,
                   const std::optional<std::string>& to,
                   const std::string& note,
                   const std::optional<std::string>& date,
                   util::Date today) {
    const Case before = get_case(db, id);
    const auto body = cases::require_text(note, "进展情况");
    const auto at = date ? cases::past_date(*date, today, "进展日期") : util::format_date(today);
    if (at < before.last_progress) {
        throw_invalid(fmt::format("日期 {} 早于案件上一次进展 {}", at, before.last_progress),
                      "按时间顺序登记");
    }
    std::optional<std::string> target;
    if (to) {
        target = cases::normalize_code(k_case_statuses, *to, "案件状态");
        move_status(db, before, *target, at);
    } else {
        cases::require_open(before, "登记进展");
    }
    const Case after = get_case(db, id);
    cases::record_event(tx,
                        db,
                        id,
                        {"progress", at, body, std::nullopt, true},
                        "case",
                        id,
                        case_view().json(before),
                        case_view().json(after));
    return get_case(db, id);
}

Case review_case(storage::WriteTransaction& tx,
                 storage::Database& db,
                 std::int64_t id,
                 const std::string& result,
                 const std::string& note,
                 util::Date today) {
    const Case before = get_case(db, id);
    if (!k_review_results.contains(result)) {
        throw_invalid(fmt::format("审核结论无效: {}", result), "可用: pass（通过） return（退回）");
    }
    const auto body = cases::require_text(note, "审核意见");
    cases::require_open(before, "审核");
    const auto reviewer = cases::acting_officer(db);
    if (db.actor().name == before.registered_by) {
        throw_conflict(fmt::format("民警 {} 登记了案件 {}，不能审核本案",
                                   before.registered_by,
                                   before.case_no),
                       "审办分离: 由法制部门的其他民警用 --as 警号 审核");
    }
    const auto at = util::format_date(today);
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO case_review(case_id, at, result, note, reviewer_id)"
                             " VALUES (?,?,?,?,?)");
    insert.bind(1, id);
    insert.bind(2, at);
    insert.bind(3, result);
    insert.bind(4, body);
    insert.bind(5, reviewer);
    insert.exec();
    SQLite::Statement q(db.sql(), "UPDATE case_ SET review = ? WHERE id = ?");
    q.bind(1, result);
    q.bind(2, id);
    q.exec();
    const Case after = get_case(db, id);
    cases::record_event(
        tx,
        db,
        id,
        {"review", at, k_review_results.label(result) + ": " + body, std::nullopt, true},
        "case",
        id,
        case_view().json(before),
        case_view().json(after));
    return get_case(db, id);
}

std::int64_t recover_case(storage::WriteTransaction& tx,
                          storage::Database& db,
                          std::int64_t id,
                          const std::string& amount,
                          const std::string& date,
                          const std::optional<std::string>& note,
                          util::Date today) {
    const Case before = get_case(db, id);
    const auto fen = util::parse_yuan(amount);
    if (fen == 0) {
        throw_invalid("挽损金额不能为 0", "单位为元，如 1234.56");
    }
    const auto at = cases::past_date(date, today, "挽损日期");
    std::optional<std::string> text;
    if (note && !util::trim(*note).empty()) {
        text = std::string(util::trim(*note));
    }
    if (before.recovered_fen > std::numeric_limits<std::int64_t>::max() - fen) {
        throw_invalid("挽损金额累计超出可记录的范围");
    }
    SQLite::Statement insert(
        db.sql(), "INSERT INTO recovery(case_id, date, amount_fen, note) VALUES (?,?,?,?)");
    insert.bind(1, id);
    insert.bind(2, at);
    insert.bind(3, fen);
    storage::bind_optional(insert, 4, text);
    insert.exec();
    const auto rid = db.sql().getLastInsertRowid();
    const nlohmann::json after = {{"id", rid},
                                  {"case_id", id},
                                  {"date", at},
                                  {"amount_yuan", util::format_yuan(fen)},
                                  {"note", text ? nlohmann::json(*text) : nlohmann::json()}};
    cases::record_event(
        tx,
        db,
        id,
        {"recover", at, "挽损 " + util::format_yuan(fen) + " 元", std::nullopt, true},
        "recovery",
        rid,
        nlohmann::json(),
        after);
    return rid;
}

} // namespace hujing::domain
