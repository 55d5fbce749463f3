// SPDX-License-Identifier: GPL-3.0-or-later
// The whole file of one enterprise (一企一档): the registry's own parts, each declared once as a
// View over the records it reads, and the file loaded in one read transaction.
#include <hujing/error.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

std::string credit_kind_label(std::string_view code) {
    return k_credit_kinds.label(code == "repair" ? "repair" : "evaluation");
}

// An officer assigned to the enterprise.
struct Assignment {
    std::string badge;
    std::string name;
    std::string unit;
    std::string role;
    std::string since;
};

output::View<Assignment> assignment_view() {
    using F = output::Field<Assignment>;
    using output::Kind;
    using A = const Assignment&;
    return output::View<Assignment>(
        {F{"badge", "警号", Kind::text, [](A a) { return a.badge; }},
         F{"name", "姓名", Kind::text, [](A a) { return a.name; }},
         F{"unit", "单位", Kind::text, [](A a) { return a.unit; }},
         F{"role", "角色", Kind::text, [](A a) { return a.role; }},
         F{"since", "起始日期", Kind::text, [](A a) { return a.since; }}});
}

// One credit evaluation or repair.
struct CreditEvent {
    std::int64_t id = 0;
    std::string date;
    std::string grade;
    std::string kind;
    std::string reason;
};

output::View<CreditEvent> credit_event_view() {
    using F = output::Field<CreditEvent>;
    using output::Kind;
    using C = const CreditEvent&;
    return output::View<CreditEvent>(
        {F{"id", "编号", Kind::integer, [](C c) { return c.id; }},
         F{"date", "日期", Kind::text, [](C c) { return c.date; }},
         F{"grade", "等级", Kind::text, [](C c) { return c.grade; }},
         F{"kind", "类型", Kind::text, [](C c) { return c.kind; }, {}, credit_kind_label},
         F{"reason", "原因", Kind::text, [](C c) { return c.reason; }}},
        {"date", "grade", "kind", "reason"});
}

// One exemption (负面清单), active while `until` is not past.
struct Exemption {
    std::int64_t id = 0;
    std::string form_id;
    std::string until;
    bool active = false;
    std::string reason;
};

output::View<Exemption> exemption_view() {
    using F = output::Field<Exemption>;
    using output::Kind;
    using X = const Exemption&;
    return output::View<Exemption>(
        {F{"id", "编号", Kind::integer, [](X x) { return x.id; }},
         F{"form_id", "检查表", Kind::text, [](X x) { return x.form_id; }},
         F{"until", "截止日期", Kind::text, [](X x) { return x.until; }},
         F{"active", "有效", Kind::boolean, [](X x) { return x.active; }},
         F{"reason", "原因", Kind::text, [](X x) { return x.reason; }}},
        {"form_id", "until", "active", "reason"});
}

} // namespace

LoadedPart officer_file_part(storage::Database& db,
                             std::int64_t enterprise_id,
                             const FileOptions& /*options*/) {
    SQLite::Statement q(db.sql(),
                        "SELECT o.badge, o.name, u.name, a.role, a.since"
                        " FROM enterprise_officer a JOIN officer o ON o.id = a.officer_id"
                        " JOIN unit u ON u.id = o.unit_id WHERE a.enterprise_id = ?"
                        " ORDER BY a.since, o.badge, a.role");
    q.bind(1, enterprise_id);
    std::vector<Assignment> rows;
    while (q.executeStep()) {
        rows.push_back(Assignment{q.getColumn(0).getString(),
                                  q.getColumn(1).getString(),
                                  q.getColumn(2).getString(),
                                  q.getColumn(3).getString(),
                                  q.getColumn(4).getString()});
    }
    return view_part("officers", "责任民警", assignment_view(), std::move(rows));
}

LoadedPart credit_file_part(storage::Database& db,
                            std::int64_t enterprise_id,
                            const FileOptions& /*options*/) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, date, grade, kind, reason FROM credit_event"
                        " WHERE enterprise_id = ? ORDER BY date DESC, id DESC");
    q.bind(1, enterprise_id);
    std::vector<CreditEvent> rows;
    while (q.executeStep()) {
        rows.push_back(CreditEvent{q.getColumn(0).getInt64(),
                                   q.getColumn(1).getString(),
                                   q.getColumn(2).getString(),
                                   q.getColumn(3).getString(),
                                   q.getColumn(4).getString()});
    }
    return view_part("credit_history", "信用记录", credit_event_view(), std::move(rows));
}

LoadedPart
risk_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& /*options*/) {
    return view_part("risks",
                     "未结风险",
                     risk_view().only({"id", "level", "description", "unit", "leader", "opened"}),
                     open_risks(db, enterprise_id));
}

LoadedPart
exemption_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, form_id, until, until >= ?, reason FROM exemption"
                        " WHERE enterprise_id = ? ORDER BY until DESC, id DESC");
    q.bind(1, util::format_date(options.today));
    q.bind(2, enterprise_id);
    std::vector<Exemption> rows;
    while (q.executeStep()) {
        rows.push_back(Exemption{q.getColumn(0).getInt64(),
                                 q.getColumn(1).getString(),
                                 q.getColumn(2).getString(),
                                 q.getColumn(3).getInt() != 0,
                                 q.getColumn(4).getString()});
    }
    return view_part("exemptions", "免检（负面清单）", exemption_view(), std::move(rows));
}

EnterpriseFile
load_enterprise_file(storage::Database& db, std::string_view key, const FileOptions& options) {
    const storage::ReadTransaction snapshot(db);
    EnterpriseFile file;
    file.enterprise = get_enterprise(db, key);
    for (const auto& part : enterprise_file_parts()) {
        file.parts.push_back(part(db, file.enterprise.id, options));
    }
    return file;
}

const LoadedPart& EnterpriseFile::part(std::string_view key) const {
    for (const auto& p : parts) {
        if (p.key == key) {
            return p;
        }
    }
    throw Error(Exit::internal, fmt::format("一企一档没有“{}”部分", key));
}

nlohmann::json enterprise_file_json(const EnterpriseFile& file, bool reveal) {
    auto doc = enterprise_json(file.enterprise, reveal);
    for (const auto& part : file.parts) {
        doc[part.key] = part.json();
    }
    return doc;
}

std::vector<output::Section> enterprise_file_sections(const EnterpriseFile& file, bool reveal) {
    std::vector<output::Section> sections = {
        enterprise_view(reveal).without({"officers"}).section(file.enterprise)};
    for (const auto& part : file.parts) {
        sections.push_back(output::Section{part.title, {}, {}, part.table()});
    }
    return sections;
}

} // namespace hujing::domain
