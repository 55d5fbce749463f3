// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/cases/detail.hpp>
#include <hujing/error.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/json.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain::cases {

const char* const k_case_select =
    "SELECT c.id, c.case_no, c.title, c.type, c.status, c.origin, c.agency, c.unit_id, u.code,"
    " u.name, c.created, c.filed, c.closed, c.loss_fen,"
    " coalesce((SELECT sum(r.amount_fen) FROM recovery r WHERE r.case_id = c.id), 0),"
    " c.last_progress, c.review, o.badge,"
    " EXISTS (SELECT 1 FROM prereport p WHERE p.case_id = c.id AND p.emergency = 1"
    " AND p.reviewed IS NULL)"
    " FROM case_ c JOIN unit u ON u.id = c.unit_id JOIN officer o ON o.id = c.registered_by";

Case read_case(SQLite::Statement& q) {
    Case c;
    storage::read_columns(q,
                          c.id,
                          c.case_no,
                          c.title,
                          c.type,
                          c.status,
                          c.origin,
                          c.agency,
                          c.unit_id,
                          c.unit_code,
                          c.unit_name,
                          c.created,
                          c.filed,
                          c.closed,
                          c.loss_fen,
                          c.recovered_fen,
                          c.last_progress,
                          c.review,
                          c.registered_by,
                          c.emergency);
    return c;
}

std::string require_text(const std::string& text, const char* what) {
    auto trimmed = std::string(util::trim(text));
    if (trimmed.empty()) {
        throw_invalid(fmt::format("{}不能为空", what));
    }
    return trimmed;
}

void check_in(const Vocabulary& vocabulary, std::string_view value, const char* what) {
    if (!vocabulary.contains(value)) {
        throw_invalid(fmt::format("{}无效: {}", what, value),
                      "可用: " + util::join(vocabulary.codes(), " "));
    }
}

std::string normalize_code(const Vocabulary& vocabulary, std::string_view text, const char* what) {
    std::vector<std::string> names;
    for (const auto& term : vocabulary.terms()) {
        if (text == term.code || text == term.label) {
            return std::string(term.code);
        }
        names.push_back(term.code == term.label ? std::string(term.code)
                                                : fmt::format("{}({})", term.code, term.label));
    }
    throw_invalid(fmt::format("{}无效: {}", what, text), "可用: " + util::join(names, " "));
}

std::int64_t acting_officer(const storage::Database& db) {
    const auto& id = db.actor().officer_id;
    if (!id) {
        throw Error(Exit::internal, "办案操作缺少经办民警", "用 --as 指定警号");
    }
    return *id;
}

std::string past_date(const std::string& text, util::Date today, const char* what) {
    const auto date = util::parse_date_arg(text, today);
    if (date > today) {
        throw_invalid(
            fmt::format(
                "{} {} 晚于今天 {}", what, util::format_date(date), util::format_date(today)),
            "不能登记将来的日期");
    }
    return util::format_date(date);
}

void record_event(storage::WriteTransaction& tx,
                  storage::Database& db,
                  std::int64_t id,
                  const EventRecord& event,
                  std::string_view entity,
                  std::int64_t entity_id,
                  const nlohmann::json& before,
                  const nlohmann::json& after) {
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO case_event(case_id, at, action, actor, status, note,"
                             " prereport_id) SELECT ?, ?, ?, ?, status, ?, ? FROM case_"
                             " WHERE id = ?");
    insert.bind(1, id);
    insert.bind(2, event.at);
    insert.bind(3, event.action);
    insert.bind(4, db.actor().name);
    storage::bind_optional(insert, 5, event.note);
    storage::bind_optional(insert, 6, event.prereport_id);
    insert.bind(7, id);
    insert.exec();
    if (event.movement) {
        SQLite::Statement move(
            db.sql(), "UPDATE case_ SET last_progress = max(last_progress, ?) WHERE id = ?");
        move.bind(1, event.at);
        move.bind(2, id);
        move.exec();
    }
    auto logged = after;
    logged["event"] = {{"at", event.at},
                       {"action", event.action},
                       {"actor", db.actor().name},
                       {"note", util::json_or_null(event.note)}};
    tx.audit(entity, entity_id, event.action, before, logged);
}

void require_open(const Case& c, std::string_view verb) {
    if (!case_is_open(c.status)) {
        throw_conflict(fmt::format("案件 {} 当前状态为“{}”，不能 {}",
                                   c.case_no,
                                   k_case_statuses.label(c.status),
                                   verb),
                       "案件已不在公安办理环节");
    }
}

void require_external_cleared(const Case& c, std::string_view what) {
    if (c.origin == "external" && c.review != "pass") {
        throw_conflict(fmt::format("异地协作案件 {}（{}）未经法制审核通过，不能{}",
                                   c.case_no,
                                   c.agency.value_or("?"),
                                   what),
                       fmt::format("先由法制部门 hujing case review {} --result pass", c.id));
    }
}

} // namespace hujing::domain::cases
