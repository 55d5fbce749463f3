// SPDX-License-Identifier: GPL-3.0-or-later
// 一公开: the public results table of a plan, and the publication date of each inspection.
#include <hujing/calendar/calendar.hpp>
#include <hujing/inspect/inspection.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

std::string conclusion_label(std::string_view code) {
    return k_conclusions.label(code);
}

void mark_published(storage::Database& db, std::int64_t plan_id, util::Date date) {
    const auto days = static_cast<int>(get_int_setting(db, "inspect.publish_days"));
    const auto& calendar = calendar::Calendar::builtin();
    SQLite::Statement q(db.sql(),
                        "SELECT id, date FROM inspection WHERE plan_id = ? AND published IS NULL");
    q.bind(1, plan_id);
    std::vector<std::pair<std::int64_t, std::string>> pending;
    while (q.executeStep()) {
        pending.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    }
    SQLite::Statement u(db.sql(),
                        "UPDATE inspection SET published = ?, published_late = ? WHERE id = ?");
    for (const auto& [id, done] : pending) {
        const auto deadline = calendar.add_working_days(*util::parse_iso_date(done), days);
        u.bind(1, util::format_date(date));
        u.bind(2, deadline < date ? 1 : 0);
        u.bind(3, id);
        u.exec();
        u.reset();
    }
}

} // namespace

output::View<PublishedRow> published_view() {
    using F = output::Field<PublishedRow>;
    using output::Kind;
    using output::member;
    return output::View<PublishedRow>({
        F{"inspection_id", "检查编号", Kind::integer, member(&PublishedRow::inspection_id)},
        F{"uscc", "统一社会信用代码", Kind::text, member(&PublishedRow::uscc)},
        F{"name", "企业名称", Kind::text, member(&PublishedRow::name)},
        F{"date", "检查日期", Kind::text, member(&PublishedRow::date)},
        F{"forms", "检查事项", Kind::list, member(&PublishedRow::forms)},
        F{"unit", "检查单位", Kind::text, member(&PublishedRow::unit)},
        F{"conclusion",
          "检查结果",
          Kind::text,
          member(&PublishedRow::conclusion),
          {},
          conclusion_label},
        F{"published", "公示日期", Kind::text, member(&PublishedRow::published)},
        F{"late", "逾期公示", Kind::boolean, member(&PublishedRow::late)},
    });
}

std::vector<PublishedRow> publish_plan(storage::WriteTransaction& tx,
                                       storage::Database& db,
                                       std::string_view key,
                                       const std::optional<std::string>& date_text,
                                       util::Date today) {
    const auto plan = get_plan(db, key);
    if (!plan.drawn_at) {
        throw_conflict(fmt::format("抽查计划 {} 尚未抽取，无结果可公示", plan.id),
                       fmt::format("先用 hujing inspect draw {} 抽取并记录检查", plan.id));
    }
    const auto date = date_text ? util::parse_date_arg(*date_text, today) : today;
    if (today < date) {
        throw_invalid(fmt::format("公示日期 {} 晚于今天", util::format_date(date)));
    }
    mark_published(db, plan.id, date);
    SQLite::Statement p(db.sql(), "UPDATE inspection_plan SET published = ? WHERE id = ?");
    p.bind(1, util::format_date(date));
    p.bind(2, plan.id);
    p.exec();
    SQLite::Statement q(
        db.sql(),
        "SELECT i.id, e.uscc, e.name, i.date,"
        " (SELECT group_concat(form_id, ';') FROM (SELECT form_id FROM inspection_form f"
        " WHERE f.inspection_id = i.id ORDER BY f.position)),"
        " u.name, i.conclusion, i.published, i.published_late"
        " FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id"
        " JOIN unit u ON u.id = i.unit_id WHERE i.plan_id = ? ORDER BY i.date, i.id");
    q.bind(1, plan.id);
    std::vector<PublishedRow> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getInt64(),
                       q.getColumn(1).getString(),
                       q.getColumn(2).getString(),
                       q.getColumn(3).getString(),
                       util::split(q.getColumn(4).getString(), ';'),
                       q.getColumn(5).getString(),
                       q.getColumn(6).getString(),
                       q.getColumn(7).getString(),
                       q.getColumn(8).getInt() != 0});
    }
    tx.audit(
        "inspection_plan",
        plan.id,
        "publish",
        nullptr,
        {{"published", util::format_date(date)}, {"results", published_view().json_array(out)}});
    return out;
}

} // namespace hujing::domain
