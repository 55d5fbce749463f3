// SPDX-License-Identifier: GPL-3.0-or-later
// Reading inspections: the listing, the show page and the enterprise-file parts.
#include <hujing/inspect/inspection.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

std::string select_sql(util::Date today) {
    return fmt::format(
        "SELECT i.id, i.date, i.enterprise_id, e.uscc, e.name, i.plan_id,"
        " (SELECT group_concat(form_id, ';') FROM (SELECT form_id FROM inspection_form f"
        " WHERE f.inspection_id = i.id ORDER BY f.position)),"
        " u.name, i.conclusion,"
        " (SELECT group_concat(badge, ';') FROM (SELECT o.badge FROM inspection_officer io"
        " JOIN officer o ON o.id = io.officer_id WHERE io.inspection_id = i.id ORDER BY o.badge)),"
        " (SELECT count(*) FROM inspection_result r WHERE r.inspection_id = i.id"
        " AND r.result = 'fail') AS failed,"
        " (SELECT count(*) FROM rectification x WHERE x.inspection_id = i.id AND x.done IS NULL)"
        " AS open_rectifications,"
        " (SELECT count(*) FROM rectification x WHERE x.inspection_id = i.id AND x.done IS NULL"
        " AND x.due < '{}') AS overdue_rectifications,"
        " i.published, coalesce(i.published_late, 0)"
        " FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id"
        " JOIN unit u ON u.id = i.unit_id",
        util::format_date(today));
}

std::vector<std::string> split_list(SQLite::Statement& q, int column) {
    return q.isColumnNull(column) ? std::vector<std::string>{}
                                  : util::split(q.getColumn(column).getString(), ';');
}

Inspection read_inspection(SQLite::Statement& q) {
    Inspection i;
    storage::read_columns_from(q, 0, i.id, i.date, i.enterprise_id, i.uscc, i.name, i.plan_id);
    i.forms = split_list(q, 6);
    storage::read_columns_from(q, 7, i.unit, i.conclusion);
    i.inspectors = split_list(q, 9);
    storage::read_columns_from(q,
                               10,
                               i.failed,
                               i.open_rectifications,
                               i.overdue_rectifications,
                               i.published,
                               i.published_late);
    return i;
}

std::string conclusion_label(std::string_view code) {
    return k_conclusions.label(code);
}

std::string result_label(std::string_view code) {
    return k_inspection_results.label(code);
}

const output::View<ResultRow>& result_view() {
    using F = output::Field<ResultRow>;
    using output::Kind;
    using output::member;
    static const output::View<ResultRow> view({
        F{"form", "表单", Kind::text, member(&ResultRow::form)},
        F{"form_version", "版本", Kind::integer, member(&ResultRow::form_version)},
        F{"item", "检查项", Kind::text, member(&ResultRow::item)},
        F{"text", "检查内容", Kind::text, member(&ResultRow::text)},
        F{"result", "结果", Kind::text, member(&ResultRow::result), {}, result_label},
        F{"value", "记录值", Kind::text, member(&ResultRow::value)},
        F{"note", "说明", Kind::text, member(&ResultRow::note)},
    });
    return view;
}

const output::View<RectificationRow>& rectification_view() {
    using F = output::Field<RectificationRow>;
    using output::Kind;
    using output::member;
    static const output::View<RectificationRow> view({
        F{"id", "编号", Kind::integer, member(&RectificationRow::id)},
        F{"inspection_id", "检查编号", Kind::integer, member(&RectificationRow::inspection_id)},
        F{"form", "表单", Kind::text, member(&RectificationRow::form)},
        F{"item", "检查项", Kind::text, member(&RectificationRow::item)},
        F{"text", "检查内容", Kind::text, member(&RectificationRow::text)},
        F{"due", "整改期限", Kind::text, member(&RectificationRow::due)},
        F{"done", "完成日期", Kind::text, member(&RectificationRow::done)},
        F{"note", "说明", Kind::text, member(&RectificationRow::note)},
    });
    return view;
}

constexpr const char* k_rectification_select =
    "SELECT x.id, x.inspection_id, x.form_id, x.item_id, coalesce(fi.text, ''), x.due, x.done,"
    " x.note FROM rectification x JOIN inspection_form f ON f.inspection_id = x.inspection_id"
    " AND f.form_id = x.form_id LEFT JOIN form_item fi ON fi.form_id = x.form_id"
    " AND fi.version = f.form_version AND fi.item_id = x.item_id";

std::vector<RectificationRow> read_rectifications(SQLite::Statement& q) {
    std::vector<RectificationRow> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getInt64(),
                       q.getColumn(1).getInt64(),
                       q.getColumn(2).getString(),
                       q.getColumn(3).getString(),
                       q.getColumn(4).getString(),
                       q.getColumn(5).getString(),
                       storage::optional_text(q, 6),
                       storage::optional_text(q, 7)});
    }
    return out;
}

std::vector<ResultRow> read_results(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(
        db.sql(),
        "SELECT r.form_id, f.form_version, r.item_id, coalesce(fi.text, ''),"
        " r.result, r.value, r.note FROM inspection_result r"
        " JOIN inspection_form f ON f.inspection_id = r.inspection_id"
        " AND f.form_id = r.form_id LEFT JOIN form_item fi ON fi.form_id = r.form_id"
        " AND fi.version = f.form_version AND fi.item_id = r.item_id"
        " WHERE r.inspection_id = ? ORDER BY f.position, fi.position");
    q.bind(1, id);
    std::vector<ResultRow> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getString(),
                       q.getColumn(1).getInt64(),
                       q.getColumn(2).getString(),
                       q.getColumn(3).getString(),
                       q.getColumn(4).getString(),
                       storage::optional_text(q, 5),
                       storage::optional_text(q, 6)});
    }
    return out;
}

} // namespace

output::View<Inspection> inspection_view() {
    using F = output::Field<Inspection>;
    using output::Kind;
    using output::member;
    return output::View<Inspection>(
        {F{"id", "编号", Kind::integer, member(&Inspection::id), "i.id"},
         F{"date", "检查日期", Kind::text, member(&Inspection::date), "i.date"},
         F{"enterprise_id",
           "企业编号",
           Kind::integer,
           member(&Inspection::enterprise_id),
           "i.enterprise_id"},
         F{"uscc", "统一社会信用代码", Kind::text, member(&Inspection::uscc), "e.uscc"},
         F{"name", "企业名称", Kind::text, member(&Inspection::name), "e.name"},
         F{"plan_id", "计划", Kind::integer, member(&Inspection::plan_id), "i.plan_id"},
         F{"forms", "表单", Kind::list, member(&Inspection::forms)},
         F{"unit", "检查单位", Kind::text, member(&Inspection::unit), "u.name"},
         F{"conclusion",
           "检查结果",
           Kind::text,
           member(&Inspection::conclusion),
           "i.conclusion",
           conclusion_label},
         F{"inspectors", "检查人员", Kind::list, member(&Inspection::inspectors)},
         F{"failed", "不合格项", Kind::integer, member(&Inspection::failed), "failed"},
         F{"open_rectifications",
           "未整改",
           Kind::integer,
           member(&Inspection::open_rectifications),
           "open_rectifications"},
         F{"overdue_rectifications",
           "超期未整改",
           Kind::integer,
           member(&Inspection::overdue_rectifications),
           "overdue_rectifications"},
         F{"published", "公示日期", Kind::text, member(&Inspection::published), "i.published"},
         F{"published_late",
           "逾期公示",
           Kind::boolean,
           member(&Inspection::published_late),
           "i.published_late"}},
        {"id",
         "date",
         "uscc",
         "name",
         "plan_id",
         "forms",
         "unit",
         "conclusion",
         "failed",
         "open_rectifications",
         "published"});
}

std::int64_t list_inspections(storage::Database& db,
                              const InspectionQuery& query,
                              util::Date today,
                              const RowSink& sink) {
    const auto view = inspection_view();
    ListQuery q(select_sql(today), storage::sort_keys(view), "i.id");
    if (query.plan) {
        q.add("i.plan_id = ?", {get_plan(db, *query.plan).id});
    }
    if (query.enterprise) {
        q.add("i.enterprise_id = ?", {get_enterprise_ref(db, *query.enterprise).id});
    }
    if (query.form) {
        get_form(db, *query.form);
        q.add("EXISTS (SELECT 1 FROM inspection_form f WHERE f.inspection_id = i.id AND f.form_id "
              "= ?)",
              {*query.form});
    }
    if (query.unit) {
        q.add("i.unit_id = ?", {get_unit(db, *query.unit).id});
    }
    q.add_date_range("i.date", query.since, query.until, today);
    if (query.open_rectifications) {
        q.add("EXISTS (SELECT 1 FROM rectification x WHERE x.inspection_id = i.id AND x.done IS "
              "NULL)");
    }
    if (query.overdue) {
        q.add("EXISTS (SELECT 1 FROM rectification x WHERE x.inspection_id = i.id"
              " AND x.done IS NULL AND x.due < ?)",
              {util::format_date(today)});
    }
    return q.run(
        db, query.paging, [&](SQLite::Statement& row) { sink(view.row(read_inspection(row))); });
}

InspectionPage read_inspection_page(storage::Database& db, std::int64_t id, util::Date today) {
    const storage::ReadTransaction snapshot(db);
    SQLite::Statement q(db.sql(), select_sql(today) + " WHERE i.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        throw_not_found("检查记录", std::to_string(id), "用 hujing inspect list 查看");
    }
    InspectionPage page{read_inspection(q), read_results(db, id), {}};
    SQLite::Statement r(
        db.sql(), std::string(k_rectification_select) + " WHERE x.inspection_id = ? ORDER BY x.id");
    r.bind(1, id);
    page.rectifications = read_rectifications(r);
    return page;
}

nlohmann::json inspection_page_json(const InspectionPage& page) {
    auto json = inspection_view().json(page.inspection);
    json["results"] = result_view().json_array(page.results);
    json["rectifications"] = rectification_view().json_array(page.rectifications);
    return json;
}

std::vector<output::Section> inspection_page_sections(const InspectionPage& page) {
    return {inspection_view().section(page.inspection),
            output::Section{
                "检查结果", {}, {}, result_view().without({"form_version"}).table(page.results)},
            output::Section{
                "整改",
                {},
                {},
                rectification_view().without({"inspection_id"}).table(page.rectifications)}};
}

LoadedPart inspection_file_part(storage::Database& db,
                                std::int64_t enterprise_id,
                                const FileOptions& options) {
    SQLite::Statement q(db.sql(),
                        select_sql(options.today)
                            + " WHERE i.enterprise_id = ? ORDER BY i.date DESC, i.id DESC");
    q.bind(1, enterprise_id);
    std::vector<Inspection> rows;
    while (q.executeStep()) {
        rows.push_back(read_inspection(q));
    }
    return view_part("inspections",
                     "检查记录",
                     inspection_view().only({"id",
                                             "date",
                                             "forms",
                                             "unit",
                                             "conclusion",
                                             "failed",
                                             "open_rectifications",
                                             "plan_id"}),
                     std::move(rows));
}

LoadedPart rectification_file_part(storage::Database& db,
                                   std::int64_t enterprise_id,
                                   const FileOptions& /*options*/) {
    SQLite::Statement q(db.sql(),
                        std::string(k_rectification_select)
                            + " JOIN inspection i ON i.id = x.inspection_id"
                              " WHERE i.enterprise_id = ? AND x.done IS NULL ORDER BY x.due, x.id");
    q.bind(1, enterprise_id);
    return view_part("open_rectifications",
                     "未完成整改",
                     rectification_view().without({"done", "note"}),
                     read_rectifications(q));
}

} // namespace hujing::domain
