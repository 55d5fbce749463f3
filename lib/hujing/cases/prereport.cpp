// SPDX-License-Identifier: GPL-3.0-or-later
// The writes of pre-reports (事前报备): request, approve/reject, record, lift, review.
#include <hujing/cases/case.hpp>
#include <hujing/cases/detail.hpp>
#include <hujing/cases/prereport.hpp>
#include <hujing/error.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/money.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

using cases::check_in;
using cases::require_text;

std::string kind_label(std::string_view kind) {
    return kind == "detention" ? "羁押报备" : "财产措施报备";
}

// The verbs a pre-report in `p`'s state allows.
std::string allowed_verbs(const Prereport& p) {
    std::vector<std::string> verbs;
    if (p.status == "requested") {
        verbs = {"approve", "reject", "record --emergency"};
    } else if (p.status == "approved") {
        verbs = {"record"};
    } else if (p.status == "executed") {
        verbs = {"lift"};
    }
    if (p.awaiting_review()) {
        verbs.emplace_back("review");
    }
    return verbs.empty() ? std::string("已办结，没有可用操作") : "可用: " + util::join(verbs, ", ");
}

[[noreturn]] void refuse(const Prereport& p, std::string_view verb) {
    throw_conflict(fmt::format("{} {} 当前状态为“{}”，不能 {}",
                               kind_label(p.kind),
                               p.id,
                               k_prereport_statuses.label(p.status),
                               verb),
                   allowed_verbs(p));
}

void require_status(const Prereport& p, std::string_view status, std::string_view verb) {
    if (p.status != status) {
        refuse(p, verb);
    }
}

std::optional<std::string> optional_text(const std::optional<std::string>& text) {
    if (!text || util::trim(*text).empty()) {
        return std::nullopt;
    }
    return std::string(util::trim(*text));
}

// The one open case a new pre-report is on.
Case open_case_for(storage::Database& db, const std::string& key) {
    Case c = get_case(db, parse_case_id(key));
    cases::require_open(c, "报备强制措施");
    return c;
}

// The enterprise `key` names, which must be named in case `c`.
std::int64_t case_enterprise(storage::Database& db, const Case& c, const std::string& key) {
    const auto ref = get_enterprise_ref(db, key);
    for (const auto& party : case_parties(db, c.id)) {
        if (party.enterprise_id == ref.id) {
            return ref.id;
        }
    }
    throw_invalid(fmt::format("{}不是案件 {} 的涉案企业", ref.name, c.case_no),
                  fmt::format("先用 hujing case update {} --enterprise … --role … 加入", c.id));
}

// The enterprise of a detention: given, or the case's only suspect enterprise.
std::optional<std::int64_t>
detention_enterprise(storage::Database& db, const Case& c, const std::optional<std::string>& key) {
    if (key) {
        return case_enterprise(db, c, *key);
    }
    std::optional<std::int64_t> found;
    for (const auto& party : case_parties(db, c.id)) {
        if (party.role == "suspect") {
            if (found) {
                return std::nullopt;
            }
            found = party.enterprise_id;
        }
    }
    return found;
}

// Record `action` on pre-report `id` with its case event and audit row.
Prereport log_step(storage::WriteTransaction& tx,
                   storage::Database& db,
                   const std::optional<Prereport>& before,
                   std::string_view kind,
                   std::int64_t id,
                   const std::string& action,
                   const std::string& at,
                   const std::optional<std::string>& note) {
    Prereport after = get_prereport(db, kind, id);
    const auto& view = prereport_view(true);
    cases::record_event(tx,
                        db,
                        after.case_id,
                        {action, at, note, id, true},
                        "prereport",
                        id,
                        before ? view.json(*before) : nlohmann::json(),
                        view.json(after));
    return after;
}

// The columns of a new pre-report, whichever its kind.
struct RequestRow {
    std::string measure;
    std::optional<std::string> person;
    std::optional<std::string> id_no;
    std::optional<std::string> position;
    std::optional<std::int64_t> enterprise;
    std::optional<std::string> object;
    std::optional<std::int64_t> amount_fen;
    std::string reason;
    std::string impact;
    std::optional<std::string> alternatives;
};

// File request `r` of `kind` on case `c`, with its case event (`summary`); returns its id.
std::int64_t file_request(storage::WriteTransaction& tx,
                          storage::Database& db,
                          const Case& c,
                          const std::string& kind,
                          const RequestRow& r,
                          util::Date today,
                          const std::string& summary) {
    const auto at = util::format_date(today);
    SQLite::Statement insert(
        db.sql(),
        "INSERT INTO prereport(case_id, kind, status, measure, person, id_no, position,"
        " enterprise_id, object, amount_fen, reason, impact, alternatives, requested,"
        " requested_by) VALUES (?, ?, 'requested', ?,?,?,?,?,?,?,?,?,?, ?, ?)");
    insert.bind(1, c.id);
    insert.bind(2, kind);
    insert.bind(3, r.measure);
    storage::bind_optional(insert, 4, r.person);
    storage::bind_optional(insert, 5, r.id_no);
    storage::bind_optional(insert, 6, r.position);
    storage::bind_optional(insert, 7, r.enterprise);
    storage::bind_optional(insert, 8, r.object);
    storage::bind_optional(insert, 9, r.amount_fen);
    insert.bind(10, r.reason);
    insert.bind(11, r.impact);
    storage::bind_optional(insert, 12, r.alternatives);
    insert.bind(13, at);
    insert.bind(14, cases::acting_officer(db));
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    return log_step(tx, db, std::nullopt, kind, id, "request", at, summary).id;
}

void require_other_officer(storage::Database& db, const Prereport& p, const char* what) {
    if (db.actor().name == p.requested_by) {
        throw_conflict(
            fmt::format(
                "民警 {} 提出了{} {}，不能{}", p.requested_by, kind_label(p.kind), p.id, what),
            "审批分离: 由其他民警用 --as 警号 办理");
    }
}

} // namespace

std::int64_t parse_prereport_id(std::string_view text) {
    return util::parse_id(text, "报备");
}

std::int64_t request_detention(storage::WriteTransaction& tx,
                               storage::Database& db,
                               const NewDetention& r,
                               util::Date today) {
    const auto person = require_text(r.person, "被羁押人姓名");
    const auto id_no = util::validate_id_number(r.id_no, today);
    check_in(k_detainee_positions, r.position, "职务");
    check_in(k_detention_measures, r.measure, "羁押措施");
    const auto reason = require_text(r.reason, "羁押理由（必要性）");
    const auto impact = require_text(r.impact, "对企业经营的影响评估");
    const Case c = open_case_for(db, r.case_id);
    RequestRow row;
    row.measure = r.measure;
    row.person = person;
    row.id_no = id_no;
    row.position = r.position;
    row.enterprise = detention_enterprise(db, c, r.enterprise);
    row.reason = reason;
    row.impact = impact;
    row.alternatives = optional_text(r.alternatives);
    return file_request(tx,
                        db,
                        c,
                        "detention",
                        row,
                        today,
                        fmt::format("企业家羁押报备: {} {}", r.measure, person));
}

std::int64_t request_measure(storage::WriteTransaction& tx,
                             storage::Database& db,
                             const NewMeasure& r,
                             util::Date today) {
    check_in(k_property_measures, r.measure, "财产措施");
    const auto object = require_text(r.object, "措施对象");
    const auto fen = util::parse_yuan(r.amount);
    const auto reason = require_text(r.reason, "措施理由");
    const auto impact = require_text(r.impact, "对企业经营的影响评估");
    const Case c = open_case_for(db, r.case_id);
    RequestRow row;
    row.measure = r.measure;
    row.enterprise = case_enterprise(db, c, r.enterprise);
    row.object = object;
    row.amount_fen = fen;
    row.reason = reason;
    row.impact = impact;
    row.alternatives = optional_text(r.alternatives);
    return file_request(
        tx,
        db,
        c,
        "property",
        row,
        today,
        fmt::format("涉企财产措施报备: {} {} {} 元", r.measure, object, util::format_yuan(fen)));
}

Prereport decide_prereport(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view kind,
                           std::int64_t id,
                           Decision decision,
                           const std::string& note,
                           util::Date today) {
    const Prereport before = get_prereport(db, kind, id);
    const bool approve = decision == Decision::approve;
    const auto body = require_text(note, approve ? "审批意见" : "不批准理由");
    require_status(before, "requested", approve ? "approve" : "reject");
    require_other_officer(db, before, approve ? "自己批准" : "自己审批");
    const auto at = util::format_date(today);
    SQLite::Statement q(db.sql(),
                        "UPDATE prereport SET status = ?, decided = ?, decided_by = ?,"
                        " decision_note = ? WHERE id = ?");
    q.bind(1, approve ? "approved" : "rejected");
    q.bind(2, at);
    q.bind(3, cases::acting_officer(db));
    q.bind(4, body);
    q.bind(5, id);
    q.exec();
    return log_step(tx, db, before, kind, id, approve ? "approve" : "reject", at, body);
}

Prereport record_prereport(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view kind,
                           std::int64_t id,
                           const std::string& date,
                           const std::optional<std::string>& emergency_reason,
                           util::Date today) {
    const Prereport before = get_prereport(db, kind, id);
    const auto at = cases::past_date(date, today, "执行日期");
    const auto emergency =
        emergency_reason
            ? std::optional<std::string>(require_text(*emergency_reason, "紧急执行理由"))
            : std::nullopt;
    if (before.status == "requested" && !emergency) {
        throw_conflict(fmt::format("{} {} 尚未批准，不能登记执行", kind_label(kind), id),
                       "先经审批（approve）；确属紧急的用 record --emergency --reason 说明理由");
    }
    if (before.status != "approved" && before.status != "requested") {
        refuse(before, "record");
    }
    if (at < before.requested) {
        throw_invalid(fmt::format("执行日期 {} 早于报备日期 {}", at, before.requested),
                      "事前报备: 执行不能早于报备");
    }
    if (before.decided && at < *before.decided) {
        throw_invalid(fmt::format("执行日期 {} 早于批准日期 {}", at, *before.decided),
                      "事前报备: 批准后才能执行");
    }
    const Case c = get_case(db, before.case_id);
    cases::require_open(c, "执行强制措施");
    cases::require_external_cleared(c, "执行强制措施");
    const bool flagged = before.status == "requested";
    SQLite::Statement q(db.sql(),
                        "UPDATE prereport SET status = 'executed', executed = ?, emergency = ?,"
                        " emergency_reason = ? WHERE id = ?");
    q.bind(1, at);
    q.bind(2, flagged ? 1 : 0);
    storage::bind_optional(q, 3, flagged ? emergency : std::nullopt);
    q.bind(4, id);
    q.exec();
    return log_step(tx,
                    db,
                    before,
                    kind,
                    id,
                    flagged ? "emergency" : "execute",
                    at,
                    flagged ? emergency : std::optional<std::string>(before.measure));
}

Prereport lift_prereport(storage::WriteTransaction& tx,
                         storage::Database& db,
                         std::string_view kind,
                         std::int64_t id,
                         const std::string& date,
                         util::Date today) {
    const Prereport before = get_prereport(db, kind, id);
    const auto at = cases::past_date(date, today, "解除日期");
    require_status(before, "executed", "lift");
    if (at < before.executed.value_or("")) {
        throw_invalid(fmt::format("解除日期 {} 早于执行日期 {}", at, *before.executed));
    }
    SQLite::Statement q(db.sql(),
                        "UPDATE prereport SET status = 'lifted', lifted = ? WHERE id = ?");
    q.bind(1, at);
    q.bind(2, id);
    q.exec();
    return log_step(tx, db, before, kind, id, "lift", at, "解除" + before.measure);
}

Prereport review_prereport(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view kind,
                           std::int64_t id,
                           const std::string& note,
                           util::Date today) {
    const Prereport before = get_prereport(db, kind, id);
    const auto body = require_text(note, "补审意见");
    if (!before.awaiting_review()) {
        throw_conflict(fmt::format("{} {} 不是待补审的紧急执行", kind_label(kind), id),
                       before.emergency ? "已于 " + before.reviewed.value_or("?") + " 补审"
                                        : allowed_verbs(before));
    }
    require_other_officer(db, before, "补审");
    const auto at = util::format_date(today);
    SQLite::Statement q(db.sql(),
                        "UPDATE prereport SET reviewed = ?, reviewed_by = ?, review_note = ?"
                        " WHERE id = ?");
    q.bind(1, at);
    q.bind(2, cases::acting_officer(db));
    q.bind(3, body);
    q.bind(4, id);
    q.exec();
    return log_step(tx, db, before, kind, id, "emergency_review", at, body);
}

} // namespace hujing::domain
