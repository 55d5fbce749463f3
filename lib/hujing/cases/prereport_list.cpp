// SPDX-License-Identifier: GPL-3.0-or-later
// Reading pre-reports: their fields (ID numbers masked), listings and the enterprise file part.
#include <hujing/cases/case.hpp>
#include <hujing/cases/detail.hpp>
#include <hujing/cases/prereport.hpp>
#include <hujing/error.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

constexpr const char* k_select =
    "SELECT p.id, p.case_id, c.case_no, p.kind, p.status, p.measure, p.person, p.id_no,"
    " p.position, p.enterprise_id, e.name, p.object, p.amount_fen, p.reason, p.impact,"
    " p.alternatives, p.requested, rq.badge, p.decided, dc.badge, p.decision_note, p.executed,"
    " p.lifted, p.emergency, p.emergency_reason, p.reviewed, rv.badge, p.review_note"
    " FROM prereport p JOIN case_ c ON c.id = p.case_id"
    " JOIN officer rq ON rq.id = p.requested_by"
    " LEFT JOIN officer dc ON dc.id = p.decided_by"
    " LEFT JOIN officer rv ON rv.id = p.reviewed_by"
    " LEFT JOIN enterprise e ON e.id = p.enterprise_id";

Prereport read_prereport(SQLite::Statement& q) {
    Prereport p;
    storage::read_columns(q,
                          p.id,
                          p.case_id,
                          p.case_no,
                          p.kind,
                          p.status,
                          p.measure,
                          p.person,
                          p.id_no,
                          p.position,
                          p.enterprise_id,
                          p.enterprise_name,
                          p.object,
                          p.amount_fen,
                          p.reason,
                          p.impact,
                          p.alternatives,
                          p.requested,
                          p.requested_by,
                          p.decided,
                          p.decided_by,
                          p.decision_note,
                          p.executed,
                          p.lifted,
                          p.emergency,
                          p.emergency_reason,
                          p.reviewed,
                          p.reviewed_by,
                          p.review_note);
    return p;
}

std::string kind_display(std::string_view code) {
    return k_prereport_kinds.label(code);
}

std::string status_display(std::string_view code) {
    return k_prereport_statuses.label(code);
}

} // namespace

Prereport get_prereport(storage::Database& db, std::string_view kind, std::int64_t id) {
    SQLite::Statement q(db.sql(), std::string(k_select) + " WHERE p.id = ? AND p.kind = ?");
    q.bind(1, id);
    q.bind(2, std::string(kind));
    if (!q.executeStep()) {
        throw_not_found(kind == "detention" ? "羁押报备" : "财产措施报备",
                        std::to_string(id),
                        fmt::format("用 hujing case {} list 查看",
                                    kind == "detention" ? "detention" : "measure"));
    }
    return read_prereport(q);
}

output::View<Prereport> prereport_view(bool reveal) {
    using F = output::Field<Prereport>;
    using output::Kind;
    using output::member;
    using P = const Prereport&;
    return output::View<Prereport>(
        {F{"id", "编号", Kind::integer, member(&Prereport::id), "p.id"},
         F{"case_id", "案件", Kind::integer, member(&Prereport::case_id), "p.case_id"},
         F{"case_no", "案件编号", Kind::text, member(&Prereport::case_no), "c.case_no"},
         F{"kind", "类别", Kind::text, member(&Prereport::kind), "p.kind", kind_display},
         F{"measure", "措施", Kind::text, member(&Prereport::measure), "p.measure"},
         F{"status", "状态", Kind::text, member(&Prereport::status), "p.status", status_display},
         F{"person", "当事人", Kind::text, member(&Prereport::person), "p.person"},
         F{"id_no",
           "身份证号",
           Kind::text,
           [reveal](P p) -> output::Value {
               if (!p.id_no) {
                   return {};
               }
               return reveal ? *p.id_no : util::mask_id_number(*p.id_no);
           }},
         F{"position", "职务", Kind::text, member(&Prereport::position), "p.position"},
         F{"enterprise_id",
           "企业编号",
           Kind::integer,
           member(&Prereport::enterprise_id),
           "p.enterprise_id"},
         F{"enterprise", "企业", Kind::text, member(&Prereport::enterprise_name), "e.name"},
         F{"object", "对象", Kind::text, member(&Prereport::object), "p.object"},
         F{"amount_yuan",
           "金额（元）",
           Kind::money,
           member(&Prereport::amount_fen),
           "p.amount_fen"},
         F{"requested", "报备日期", Kind::text, member(&Prereport::requested), "p.requested"},
         F{"requested_by", "报备民警", Kind::text, member(&Prereport::requested_by)},
         F{"decided", "审批日期", Kind::text, member(&Prereport::decided), "p.decided"},
         F{"decided_by", "审批民警", Kind::text, member(&Prereport::decided_by)},
         F{"executed", "执行日期", Kind::text, member(&Prereport::executed), "p.executed"},
         F{"lifted", "解除日期", Kind::text, member(&Prereport::lifted), "p.lifted"},
         F{"emergency", "紧急执行", Kind::boolean, member(&Prereport::emergency), "p.emergency"},
         F{"awaiting_review", "待补审", Kind::boolean, [](P p) { return p.awaiting_review(); }},
         F{"reason", "理由", Kind::text, member(&Prereport::reason)},
         F{"impact", "经济影响评估", Kind::text, member(&Prereport::impact)},
         F{"alternatives", "替代措施", Kind::text, member(&Prereport::alternatives)},
         F{"decision_note", "审批意见", Kind::text, member(&Prereport::decision_note)},
         F{"emergency_reason", "紧急理由", Kind::text, member(&Prereport::emergency_reason)},
         F{"reviewed", "补审日期", Kind::text, member(&Prereport::reviewed), "p.reviewed"},
         F{"reviewed_by", "补审民警", Kind::text, member(&Prereport::reviewed_by)},
         F{"review_note", "补审意见", Kind::text, member(&Prereport::review_note)}},
        {"id",
         "case_no",
         "kind",
         "measure",
         "status",
         "person",
         "id_no",
         "enterprise",
         "amount_yuan",
         "requested",
         "executed",
         "lifted",
         "awaiting_review"});
}

std::int64_t list_prereports(storage::Database& db,
                             const PrereportQuery& query,
                             bool reveal,
                             const RowSink& sink) {
    const auto view = prereport_view(reveal);
    ListQuery filter(k_select, storage::sort_keys(view), "p.id");
    if (query.kind) {
        filter.add("p.kind = ?",
                   {cases::normalize_code(k_prereport_kinds, *query.kind, "报备类别")});
    }
    if (query.status) {
        filter.add("p.status = ?",
                   {cases::normalize_code(k_prereport_statuses, *query.status, "报备状态")});
    }
    if (query.case_id) {
        const auto id = parse_case_id(*query.case_id);
        get_case(db, id);
        filter.add("p.case_id = ?", {id});
    }
    if (query.emergency) {
        filter.add("p.emergency = 1 AND p.reviewed IS NULL");
    }
    return filter.run(
        db, query.paging, [&](SQLite::Statement& q) { sink(view.row(read_prereport(q))); });
}

std::vector<Prereport> case_prereports(storage::Database& db, std::int64_t case_id) {
    SQLite::Statement q(db.sql(), std::string(k_select) + " WHERE p.case_id = ? ORDER BY p.id");
    q.bind(1, case_id);
    std::vector<Prereport> out;
    while (q.executeStep()) {
        out.push_back(read_prereport(q));
    }
    return out;
}

LoadedPart
prereport_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options) {
    SQLite::Statement q(db.sql(),
                        std::string(k_select)
                            + " WHERE p.enterprise_id = ? AND (p.status IN ('requested',"
                              " 'approved', 'executed') OR (p.emergency = 1 AND p.reviewed IS"
                              " NULL)) ORDER BY p.id");
    q.bind(1, enterprise_id);
    std::vector<Prereport> open;
    while (q.executeStep()) {
        open.push_back(read_prereport(q));
    }
    return view_part("prereports",
                     "未结事前报备",
                     prereport_view(options.reveal)
                         .only({"id",
                                "case_no",
                                "kind",
                                "measure",
                                "status",
                                "person",
                                "id_no",
                                "amount_yuan",
                                "requested",
                                "executed",
                                "emergency",
                                "awaiting_review"}),
                     std::move(open));
}

} // namespace hujing::domain
