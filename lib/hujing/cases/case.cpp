// SPDX-License-Identifier: GPL-3.0-or-later
// Registering and editing cases.
#include <hujing/cases/case.hpp>
#include <hujing/cases/detail.hpp>
#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/util/money.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <set>

namespace hujing::domain {

namespace {

using cases::check_in;
using cases::require_text;

// The enterprises of `parties` resolved (unknown → Exit::not_found), each once.
std::vector<std::pair<std::int64_t, std::string>>
resolve_parties(storage::Database& db, const std::vector<PartyArg>& parties) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    std::set<std::int64_t> seen;
    for (const auto& p : parties) {
        check_in(k_case_roles, p.role, "涉案企业角色");
        const auto ref = get_enterprise_ref(db, p.enterprise);
        if (!seen.insert(ref.id).second) {
            throw_invalid(fmt::format("企业 {} 重复列出", ref.name), "每个企业只列一次");
        }
        out.emplace_back(ref.id, p.role);
    }
    return out;
}

void link_parties(storage::Database& db,
                  std::int64_t id,
                  const std::vector<std::pair<std::int64_t, std::string>>& parties) {
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO case_enterprise(case_id, enterprise_id, role)"
                             " VALUES (?,?,?) ON CONFLICT(case_id, enterprise_id)"
                             " DO UPDATE SET role = excluded.role");
    for (const auto& [enterprise, role] : parties) {
        insert.bind(1, id);
        insert.bind(2, enterprise);
        insert.bind(3, role);
        insert.exec();
        insert.reset();
    }
}

void check_case_no_free(storage::Database& db, const std::string& no) {
    SQLite::Statement q(db.sql(), "SELECT id FROM case_ WHERE case_no = ?");
    q.bind(1, no);
    if (q.executeStep()) {
        throw_conflict(fmt::format("案件编号 {} 已登记（案件 {}）", no, q.getColumn(0).getInt64()),
                       "案件编号不能重复");
    }
}

// The case as the audit log records it, with its enterprises.
nlohmann::json audit_json(storage::Database& db, const Case& c) {
    auto json = case_view().json(c);
    auto parties = nlohmann::json::array();
    for (const auto& p : case_parties(db, c.id)) {
        parties.push_back({{"enterprise_id", p.enterprise_id}, {"role", p.role}});
    }
    json["enterprises"] = parties;
    return json;
}

std::int64_t insert_case(storage::Database& db,
                         const NewCase& c,
                         std::int64_t unit_id,
                         std::int64_t loss_fen,
                         const std::optional<std::string>& filed,
                         const std::string& today) {
    SQLite::Statement insert(
        db.sql(),
        "INSERT INTO case_(case_no, title, type, status, origin, agency, unit_id, created, filed,"
        " loss_fen, last_progress, registered_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, std::string(util::trim(c.case_no)));
    insert.bind(2, require_text(c.title, "案件名称"));
    insert.bind(3, c.type);
    insert.bind(4, filed ? "filed" : "accepted");
    insert.bind(5, c.origin);
    storage::bind_optional(insert, 6, c.agency);
    insert.bind(7, unit_id);
    insert.bind(8, today);
    storage::bind_optional(insert, 9, filed);
    insert.bind(10, loss_fen);
    insert.bind(11, filed.value_or(today));
    insert.bind(12, cases::acting_officer(db));
    insert.exec();
    return db.sql().getLastInsertRowid();
}

} // namespace

bool case_is_open(std::string_view status) {
    return status == "accepted" || status == "filed" || status == "investigating";
}

std::int64_t parse_case_id(std::string_view text) {
    return util::parse_id(text, "案件");
}

Case get_case(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), std::string(cases::k_case_select) + " WHERE c.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        throw_not_found("案件", std::to_string(id), "用 hujing case list 查看");
    }
    return cases::read_case(q);
}

std::vector<CaseParty> case_parties(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT ce.enterprise_id, e.uscc, e.name, ce.role FROM case_enterprise ce"
                        " JOIN enterprise e ON e.id = ce.enterprise_id WHERE ce.case_id = ?"
                        " ORDER BY ce.enterprise_id");
    q.bind(1, id);
    std::vector<CaseParty> out;
    while (q.executeStep()) {
        out.push_back(CaseParty{q.getColumn(0).getInt64(),
                                q.getColumn(1).getString(),
                                q.getColumn(2).getString(),
                                q.getColumn(3).getString()});
    }
    return out;
}

std::int64_t
add_case(storage::WriteTransaction& tx, storage::Database& db, const NewCase& c, util::Date today) {
    const auto no = require_text(c.case_no, "案件编号");
    require_text(c.title, "案件名称");
    check_in(k_case_types, c.type, "案件类型");
    check_in(k_case_origins, c.origin, "案件来源");
    const auto loss_fen = c.loss ? util::parse_yuan(*c.loss) : 0;
    std::optional<std::string> agency;
    if (c.agency) {
        agency = require_text(*c.agency, "办案机关");
    }
    if (c.origin == "external" && !agency) {
        throw_invalid("异地协作案件须写明提出协作的办案机关", "加 --agency 名称");
    }
    if (c.origin == "local" && agency) {
        throw_invalid("--agency 只用于异地协作案件", "加 --origin external");
    }
    if (c.origin == "external" && c.filed) {
        throw_invalid("异地协作案件须经法制审核后才能立案，不能以立案状态登记",
                      "去掉 --filed；审核通过后用 case progress --to filed");
    }
    std::optional<std::string> filed;
    if (c.filed) {
        filed = cases::past_date(*c.filed, today, "立案日期");
    }
    if (c.parties.empty()) {
        throw_invalid("涉企案件至少要有一个企业", "用 --enterprise E --role victim|suspect|other");
    }
    const auto parties = resolve_parties(db, c.parties);
    const auto unit = get_unit(db, c.unit);
    check_case_no_free(db, no);
    NewCase stored = c;
    stored.agency = agency;
    const auto today_text = util::format_date(today);
    const auto id = insert_case(db, stored, unit.id, loss_fen, filed, today_text);
    link_parties(db, id, parties);
    const auto after = audit_json(db, get_case(db, id));
    cases::record_event(tx,
                        db,
                        id,
                        {"add", filed.value_or(today_text), std::nullopt, std::nullopt, true},
                        "case",
                        id,
                        nlohmann::json(),
                        after);
    return id;
}

Case update_case(storage::WriteTransaction& tx,
                 storage::Database& db,
                 std::int64_t id,
                 const CaseChange& change,
                 util::Date today) {
    const Case before = get_case(db, id);
    if (!change.title && !change.type && !change.unit && !change.loss && !change.agency
        && change.parties.empty()) {
        throw Error(Exit::usage, "没有给出要修改的内容", "用 --title --type --unit --loss 等");
    }
    const auto before_json = audit_json(db, before);
    SQLite::Statement q(db.sql(),
                        "UPDATE case_ SET title = coalesce(?, title), type = coalesce(?, type),"
                        " unit_id = coalesce(?, unit_id), loss_fen = coalesce(?, loss_fen),"
                        " agency = coalesce(?, agency) WHERE id = ?");
    if (change.title) {
        q.bind(1, require_text(*change.title, "案件名称"));
    }
    if (change.type) {
        check_in(k_case_types, *change.type, "案件类型");
        q.bind(2, *change.type);
    }
    if (change.unit) {
        q.bind(3, get_unit(db, *change.unit).id);
    }
    if (change.loss) {
        q.bind(4, util::parse_yuan(*change.loss));
    }
    if (change.agency) {
        if (before.origin != "external") {
            throw_invalid("--agency 只用于异地协作案件");
        }
        q.bind(5, require_text(*change.agency, "办案机关"));
    }
    q.bind(6, id);
    const auto parties = resolve_parties(db, change.parties);
    q.exec();
    link_parties(db, id, parties);
    Case after = get_case(db, id);
    cases::record_event(tx,
                        db,
                        id,
                        {"update", util::format_date(today), std::nullopt, std::nullopt, false},
                        "case",
                        id,
                        before_json,
                        audit_json(db, after));
    return after;
}

} // namespace hujing::domain
