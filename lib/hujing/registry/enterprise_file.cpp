// SPDX-License-Identifier: GPL-3.0-or-later
// The whole file of one enterprise (一企一档).
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
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <variant>

namespace hujing::domain {

namespace {

std::string credit_kind_label(std::string_view code) {
    return k_credit_kinds.label(code == "repair" ? "repair" : "evaluation");
}

} // namespace

FilePart officer_file_part(storage::Database& db,
                           std::int64_t enterprise_id,
                           const FileOptions& /*options*/) {
    using output::Column;
    using output::Kind;
    FilePart part;
    part.key = "officers";
    part.title = "责任民警";
    part.table.columns = {Column{"badge", "警号", Kind::text},
                          Column{"name", "姓名", Kind::text},
                          Column{"unit", "单位", Kind::text},
                          Column{"role", "角色", Kind::text},
                          Column{"since", "起始日期", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT o.badge, o.name, u.name, a.role, a.since"
                            " FROM enterprise_officer a JOIN officer o ON o.id = a.officer_id"
                            " JOIN unit u ON u.id = o.unit_id WHERE a.enterprise_id = ?"
                            " ORDER BY a.since, o.badge, a.role");
        q.bind(1, enterprise_id);
        while (q.executeStep()) {
            std::array<std::string, 5> v;
            for (int i = 0; i < 5; ++i) {
                v[static_cast<std::size_t>(i)] = q.getColumn(i).getString();
            }
            part.table.rows.push_back({v[0], v[1], v[2], v[3], v[4]});
            part.json.push_back(
                {{"badge", v[0]}, {"name", v[1]}, {"unit", v[2]}, {"role", v[3]}, {"since", v[4]}});
        }
    }
    return part;
}

FilePart credit_file_part(storage::Database& db,
                          std::int64_t enterprise_id,
                          const FileOptions& /*options*/) {
    using output::Column;
    using output::Kind;
    FilePart part;
    part.key = "credit_history";
    part.title = "信用记录";
    part.table.columns = {Column{"date", "日期", Kind::text},
                          Column{"grade", "等级", Kind::text},
                          Column{"kind", "类型", Kind::text, credit_kind_label},
                          Column{"reason", "原因", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT id, date, grade, kind, reason FROM credit_event"
                            " WHERE enterprise_id = ? ORDER BY date DESC, id DESC");
        q.bind(1, enterprise_id);
        while (q.executeStep()) {
            const auto date = q.getColumn(1).getString();
            const auto grade = q.getColumn(2).getString();
            const auto kind = q.getColumn(3).getString();
            const auto reason = q.getColumn(4).getString();
            part.table.rows.push_back({date, grade, kind, reason});
            part.json.push_back({{"id", q.getColumn(0).getInt64()},
                                 {"date", date},
                                 {"grade", grade},
                                 {"kind", kind},
                                 {"reason", reason}});
        }
    }
    return part;
}

FilePart
risk_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& /*options*/) {
    using output::Column;
    using output::Kind;
    FilePart part;
    part.key = "risks";
    part.title = "未结风险";
    part.table.columns = {Column{"id", "编号", Kind::integer, {}, true},
                          Column{"level", "等级", Kind::text, risk_level_label},
                          Column{"description", "描述", Kind::text},
                          Column{"unit", "责任单位", Kind::text},
                          Column{"leader", "责任领导", Kind::text},
                          Column{"opened", "登记日期", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT r.id, r.level, r.description, u.name, r.leader, r.opened"
                            " FROM risk r LEFT JOIN unit u ON u.id = r.unit_id"
                            " WHERE r.enterprise_id = ? AND r.closed IS NULL ORDER BY r.id");
        q.bind(1, enterprise_id);
        while (q.executeStep()) {
            const auto rid = q.getColumn(0).getInt64();
            const auto level = q.getColumn(1).getString();
            const auto description = q.getColumn(2).getString();
            const auto unit = storage::optional_text(q, 3);
            const auto leader = storage::optional_text(q, 4);
            const auto opened = q.getColumn(5).getString();
            part.table.rows.push_back({rid,
                                       level,
                                       description,
                                       unit ? output::Value(*unit) : output::Value{},
                                       leader ? output::Value(*leader) : output::Value{},
                                       opened});
            part.json.push_back({{"id", rid},
                                 {"level", level},
                                 {"description", description},
                                 {"unit", opt_json(unit)},
                                 {"leader", opt_json(leader)},
                                 {"opened", opened}});
        }
    }
    return part;
}

FilePart
exemption_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options) {
    using output::Column;
    using output::Kind;
    FilePart part;
    part.key = "exemptions";
    part.title = "免检（负面清单）";
    part.table.columns = {Column{"form_id", "检查表", Kind::text},
                          Column{"until", "截止日期", Kind::text},
                          Column{"active", "有效", Kind::boolean},
                          Column{"reason", "原因", Kind::text}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT id, form_id, until, reason, until >= ? FROM exemption"
                            " WHERE enterprise_id = ? ORDER BY until DESC, id DESC");
        q.bind(1, util::format_date(options.today));
        q.bind(2, enterprise_id);
        while (q.executeStep()) {
            const auto form = q.getColumn(1).getString();
            const auto until = q.getColumn(2).getString();
            const auto reason = q.getColumn(3).getString();
            const bool active = q.getColumn(4).getInt() != 0;
            part.table.rows.push_back({form, until, active, reason});
            part.json.push_back({{"id", q.getColumn(0).getInt64()},
                                 {"form_id", form},
                                 {"until", until},
                                 {"active", active},
                                 {"reason", reason}});
        }
    }
    return part;
}

EnterpriseFile
load_enterprise_file(storage::Database& db, std::string_view key, const FileOptions& options) {
    EnterpriseFile file;
    file.enterprise = get_enterprise(db, key);
    for (const auto part : enterprise_file_parts()) {
        file.parts.push_back(part(db, file.enterprise.id, options));
    }
    return file;
}

const FilePart& EnterpriseFile::part(std::string_view key) const {
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
        doc[part.key] = part.json;
    }
    return doc;
}

std::vector<output::Section> enterprise_file_sections(const EnterpriseFile& file, bool reveal) {
    const auto& e = file.enterprise;
    auto text = [](const std::optional<std::string>& v) {
        return v ? output::Value(*v) : output::Value{};
    };
    output::Section top;
    for (const auto& c : enterprise_columns()) {
        if (c.key != "officers") {
            top.fields.push_back(c);
        }
    }
    top.values = {e.id,
                  e.data.uscc,
                  e.data.name,
                  text(e.data.town),
                  text(e.data.industry),
                  text(e.data.industry_code),
                  text(e.data.scale),
                  text(e.data.legal_rep),
                  masked_phone(e.data.phone, reveal),
                  text(e.data.address),
                  text(e.credit_grade),
                  e.data.tags,
                  e.data.sectors,
                  e.created_at,
                  e.updated_at};
    std::vector<output::Section> sections = {top};
    auto table = [&](const char* title, const output::Table& t) {
        output::Section s;
        s.title = title;
        s.table = t;
        sections.push_back(std::move(s));
    };
    for (const auto& part : file.parts) {
        table(part.title.c_str(), part.table);
    }
    return sections;
}

} // namespace hujing::domain
