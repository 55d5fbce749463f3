// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/cases/case_page.hpp>
#include <hujing/cases/detail.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

namespace hujing::domain {

namespace {

std::string role_display(std::string_view code) {
    return k_case_roles.label(code);
}

std::string action_display(std::string_view code) {
    return k_case_actions.label(code);
}

std::string status_display(std::string_view code) {
    return k_case_statuses.label(code);
}

const output::View<CaseParty>& party_view() {
    using F = output::Field<CaseParty>;
    using output::Kind;
    using output::member;
    static const output::View<CaseParty> view({
        F{"enterprise_id", "企业编号", Kind::integer, member(&CaseParty::enterprise_id)},
        F{"uscc", "统一社会信用代码", Kind::text, member(&CaseParty::uscc)},
        F{"name", "企业名称", Kind::text, member(&CaseParty::name)},
        F{"role", "角色", Kind::text, member(&CaseParty::role), {}, role_display},
    });
    return view;
}

const output::View<Recovery>& recovery_view() {
    using F = output::Field<Recovery>;
    using output::Kind;
    using output::member;
    static const output::View<Recovery> view({
        F{"id", "编号", Kind::integer, member(&Recovery::id)},
        F{"date", "日期", Kind::text, member(&Recovery::date)},
        F{"amount_yuan", "金额（元）", Kind::money, member(&Recovery::amount_fen)},
        F{"note", "说明", Kind::text, member(&Recovery::note)},
    });
    return view;
}

const output::View<CaseEvent>& event_view() {
    using F = output::Field<CaseEvent>;
    using output::Kind;
    using output::member;
    static const output::View<CaseEvent> view({
        F{"at", "日期", Kind::text, member(&CaseEvent::at)},
        F{"action", "环节", Kind::text, member(&CaseEvent::action), {}, action_display},
        F{"actor", "经办人", Kind::text, member(&CaseEvent::actor)},
        F{"status", "状态", Kind::text, member(&CaseEvent::status), {}, status_display},
        F{"prereport_id", "报备", Kind::integer, member(&CaseEvent::prereport_id)},
        F{"note", "说明", Kind::text, member(&CaseEvent::note)},
    });
    return view;
}

std::vector<Recovery> case_recoveries(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, date, amount_fen, note FROM recovery WHERE case_id = ?"
                        " ORDER BY date, id");
    q.bind(1, id);
    std::vector<Recovery> out;
    while (q.executeStep()) {
        out.push_back(Recovery{q.getColumn(0).getInt64(),
                               q.getColumn(1).getString(),
                               q.getColumn(2).getInt64(),
                               storage::optional_text(q, 3)});
    }
    return out;
}

std::vector<CaseEvent> case_events(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, at, action, actor, status, note, prereport_id FROM case_event"
                        " WHERE case_id = ? ORDER BY at, id");
    q.bind(1, id);
    std::vector<CaseEvent> out;
    while (q.executeStep()) {
        out.push_back(CaseEvent{q.getColumn(0).getInt64(),
                                q.getColumn(1).getString(),
                                q.getColumn(2).getString(),
                                q.getColumn(3).getString(),
                                storage::optional_text(q, 4),
                                storage::optional_text(q, 5),
                                storage::optional_int(q, 6)});
    }
    return out;
}

// A case as the enterprise file shows it: the enterprise's role in it first.
struct RoleCase {
    std::string role;
    Case record;
};

output::View<RoleCase> role_case_view() {
    using F = output::Field<RoleCase>;
    using output::Kind;
    std::vector<F> fields{
        F{"role", "角色", Kind::text, [](const RoleCase& r) { return r.role; }, {}, role_display}};
    for (const auto& f : case_view().fields()) {
        fields.push_back(F{f.key,
                           f.label,
                           f.kind,
                           [get = f.get](const RoleCase& r) { return get(r.record); },
                           {},
                           f.display});
    }
    return output::View<RoleCase>(std::move(fields),
                                  {"id",
                                   "case_no",
                                   "type",
                                   "role",
                                   "status",
                                   "loss_yuan",
                                   "recovered_yuan",
                                   "last_progress",
                                   "emergency"});
}

} // namespace

CasePage read_case_page(storage::Database& db, std::int64_t id) {
    const storage::ReadTransaction snapshot(db);
    CasePage page{get_case(db, id), {}, {}, {}, {}};
    page.parties = case_parties(db, id);
    page.prereports = case_prereports(db, id);
    page.recoveries = case_recoveries(db, id);
    page.events = case_events(db, id);
    return page;
}

nlohmann::json case_page_json(const CasePage& page, bool reveal) {
    auto json = case_view().json(page.record);
    json["enterprises"] = party_view().json_array(page.parties);
    json["prereports"] = prereport_view(reveal).json_array(page.prereports);
    json["recoveries"] = recovery_view().json_array(page.recoveries);
    json["events"] = event_view().json_array(page.events);
    return json;
}

std::vector<output::Section> case_page_sections(const CasePage& page, bool reveal) {
    return {
        case_view().section(page.record),
        output::Section{"涉案企业", {}, {}, party_view().table(page.parties)},
        output::Section{"事前报备", {}, {}, prereport_view(reveal).shown().table(page.prereports)},
        output::Section{"追赃挽损", {}, {}, recovery_view().table(page.recoveries)},
        output::Section{"办案记录", {}, {}, event_view().table(page.events)}};
}

LoadedPart
case_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& /*options*/) {
    SQLite::Statement q(db.sql(),
                        std::string(cases::k_case_select)
                            + " JOIN case_enterprise ce ON ce.case_id = c.id"
                              " WHERE ce.enterprise_id = ? ORDER BY c.id");
    // read_case reads the columns of k_case_select; the role comes from a second lookup.
    q.bind(1, enterprise_id);
    std::vector<RoleCase> rows;
    while (q.executeStep()) {
        rows.push_back(RoleCase{{}, cases::read_case(q)});
    }
    for (auto& row : rows) {
        for (const auto& party : case_parties(db, row.record.id)) {
            if (party.enterprise_id == enterprise_id) {
                row.role = party.role;
            }
        }
    }
    return view_part("cases", "涉企案件", role_case_view(), std::move(rows));
}

} // namespace hujing::domain
