// SPDX-License-Identifier: GPL-3.0-or-later
// Recording one combined inspection and its rectifications.
#include <hujing/calendar/calendar.hpp>
#include <hujing/inspect/inspection.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

namespace hujing::domain {

namespace {

std::string normalize_conclusion(const std::string& text) {
    for (const auto& t : k_conclusions.terms()) {
        if (text == t.code || text == t.label) {
            return std::string(t.code);
        }
    }
    std::vector<std::string> names;
    for (const auto& t : k_conclusions.terms()) {
        names.push_back(fmt::format("{}({})", t.code, t.label));
    }
    throw_invalid(fmt::format("检查结果类型无效: {}", text), "可用: " + util::join(names, " "));
}

void check_plan_target(storage::Database& db, const Plan& plan, std::int64_t enterprise_id) {
    if (!plan.drawn_at) {
        throw_conflict(fmt::format("抽查计划 {} 尚未抽取", plan.id),
                       fmt::format("先用 hujing inspect draw {} 抽取", plan.id));
    }
    SQLite::Statement q(db.sql(),
                        "SELECT 1 FROM plan_target WHERE plan_id = ? AND enterprise_id = ?");
    q.bind(1, plan.id);
    q.bind(2, enterprise_id);
    if (!q.executeStep()) {
        throw_conflict(fmt::format("企业 {} 不在抽查计划 {} 的抽中名单中", enterprise_id, plan.id),
                       fmt::format("用 hujing inspect plan show {} 查看名单", plan.id));
    }
}

void check_inspectors(storage::Database& db,
                      const std::vector<std::string>& badges,
                      std::int64_t eid) {
    if (std::set<std::string>(badges.begin(), badges.end()).size() < 2) {
        throw_invalid(fmt::format("检查人员只有 {} 名", badges.size()),
                      "现场检查至少 2 名检查人员（--inspectors B1,B2）");
    }
    SQLite::Statement assigned(
        db.sql(), "SELECT 1 FROM enterprise_officer WHERE enterprise_id = ? AND officer_id = ?");
    for (const auto& b : badges) {
        const auto o = get_officer(db, b);
        if (!o.active || !o.inspector) {
            throw_conflict(fmt::format("民警 {} {}不是在岗的检查人员", o.badge, o.name),
                           "用 hujing officer update --inspector 登记为检查人员");
        }
        assigned.bind(1, eid);
        assigned.bind(2, o.id);
        if (assigned.executeStep()) {
            throw_conflict(fmt::format("民警 {} {}是该企业的责任民警，应当回避", o.badge, o.name),
                           "换一名检查人员");
        }
        assigned.reset();
    }
}

void check_exemptions(storage::Database& db,
                      const NewInspection& in,
                      std::int64_t eid,
                      const std::string& date,
                      bool targeted) {
    SQLite::Statement q(
        db.sql(),
        "SELECT until, reason FROM exemption WHERE enterprise_id = ? AND form_id = ?"
        " AND until >= ? ORDER BY until DESC LIMIT 1");
    for (const auto& f : in.forms) {
        q.bind(1, eid);
        q.bind(2, f);
        q.bind(3, date);
        if (q.executeStep() && !targeted) {
            throw_conflict(fmt::format("企业对表单 {} 免检（无事不扰，至 {}: {}）",
                                       f,
                                       q.getColumn(0).getString(),
                                       q.getColumn(1).getString()),
                           "免检表单只能在定向检查计划中检查（--plan 定向计划）");
        }
        q.reset();
    }
}

struct Judgement {
    std::string form;
    const FormItem* item;
    Judged judged;
    std::optional<std::string> note;
};

std::vector<Judgement> judge_all(const std::vector<Form>& forms,
                                 const std::vector<Answer>& answers) {
    std::vector<Diagnostic> errors;
    std::map<std::pair<std::string, std::string>, const Answer*> given;
    for (const auto& a : answers) {
        const auto form = std::find_if(
            forms.begin(), forms.end(), [&](const Form& f) { return f.id == a.form_id; });
        if (form == forms.end()) {
            errors.push_back({a.where, fmt::format("表单 {} 不在本次检查的表单中", a.form_id)});
        } else if (std::none_of(form->items.begin(), form->items.end(), [&](const FormItem& i) {
                       return i.id == a.item_id;
                   })) {
            errors.push_back({a.where, fmt::format("表单 {} 没有检查项 {}", a.form_id, a.item_id)});
        } else if (!given.emplace(std::pair{a.form_id, a.item_id}, &a).second) {
            errors.push_back({a.where, fmt::format("检查项 {}.{} 重复", a.form_id, a.item_id)});
        }
    }
    std::vector<Judgement> out;
    const SourceLocation whole =
        answers.empty() ? SourceLocation{} : SourceLocation{answers[0].where.file, 1, 1};
    for (const auto& f : forms) {
        for (const auto& i : f.items) {
            const auto it = given.find({f.id, i.id});
            if (it == given.end()) {
                if (i.required) {
                    errors.push_back(
                        {whole, fmt::format("必查项 {}.{}（{}）没有结果", f.id, i.id, i.text)});
                }
                continue;
            }
            auto j = judge_answer(i, *it->second);
            if (!j.error.empty()) {
                errors.push_back({it->second->where, j.error});
                continue;
            }
            out.push_back({f.id, &i, std::move(j), it->second->note});
        }
    }
    if (!errors.empty()) {
        const auto count = errors.size();
        throw_diagnostics(fmt::format("检查结果有 {} 处错误", count), std::move(errors));
    }
    return out;
}

std::string derive_conclusion(const std::vector<Judgement>& judged) {
    bool failed = false;
    for (const auto& j : judged) {
        if (j.judged.result == "fail") {
            if (j.item->severity == "critical") {
                return "pending";
            }
            failed = true;
        }
    }
    return failed ? "corrected" : "none_found";
}

std::int64_t insert_inspection(storage::Database& db,
                               std::int64_t eid,
                               const std::string& date,
                               const std::optional<std::int64_t>& plan_id,
                               const std::string& conclusion,
                               const std::string& unit,
                               util::Date today) {
    SQLite::Statement q(
        db.sql(),
        "INSERT INTO inspection(enterprise_id, date, plan_id, conclusion, unit_id, created)"
        " VALUES (?,?,?,?,(SELECT id FROM unit WHERE code = ?),?)");
    q.bind(1, eid);
    q.bind(2, date);
    storage::bind_optional(q, 3, plan_id);
    q.bind(4, conclusion);
    q.bind(5, unit);
    q.bind(6, util::format_date(today));
    q.exec();
    return db.sql().getLastInsertRowid();
}

void insert_details(storage::Database& db,
                    std::int64_t id,
                    const std::vector<Form>& forms,
                    const std::vector<std::string>& badges,
                    const std::vector<Judgement>& judged,
                    util::Date date) {
    SQLite::Statement o(db.sql(),
                        "INSERT INTO inspection_officer SELECT ?, id FROM officer WHERE badge = ?");
    for (const auto& b : std::set<std::string>(badges.begin(), badges.end())) {
        o.bind(1, id);
        o.bind(2, get_officer(db, b).badge);
        o.exec();
        o.reset();
    }
    SQLite::Statement f(db.sql(), "INSERT INTO inspection_form VALUES (?,?,?,?)");
    int position = 0;
    for (const auto& form : forms) {
        f.bind(1, id);
        f.bind(2, form.id);
        f.bind(3, form.version);
        f.bind(4, ++position);
        f.exec();
        f.reset();
    }
    SQLite::Statement r(db.sql(), "INSERT INTO inspection_result VALUES (?,?,?,?,?,?)");
    SQLite::Statement x(
        db.sql(),
        "INSERT INTO rectification(inspection_id, form_id, item_id, due) VALUES (?,?,?,?)");
    const auto& calendar = calendar::Calendar::builtin();
    for (const auto& j : judged) {
        r.bind(1, id);
        r.bind(2, j.form);
        r.bind(3, j.item->id);
        r.bind(4, j.judged.result);
        storage::bind_optional(r, 5, j.judged.value);
        storage::bind_optional(r, 6, j.note);
        r.exec();
        r.reset();
        if (j.judged.result == "fail") {
            x.bind(1, id);
            x.bind(2, j.form);
            x.bind(3, j.item->id);
            x.bind(4,
                   util::format_date(
                       calendar.add_working_days(date, static_cast<int>(j.item->rectify_days))));
            x.exec();
            x.reset();
        }
    }
}

} // namespace

std::vector<Form> forms_for(storage::Database& db, const std::vector<std::string>& ids) {
    if (ids.empty()) {
        throw_invalid("没有给出表单", "--forms lodging,netcafe");
    }
    std::vector<Form> out;
    for (const auto& id : ids) {
        if (std::any_of(out.begin(), out.end(), [&](const Form& f) { return f.id == id; })) {
            throw_invalid(fmt::format("表单重复: {}", id));
        }
        out.push_back(get_form(db, id));
    }
    return out;
}

void check_inspection(storage::Database& db, const NewInspection& in, util::Date today) {
    const auto e = get_enterprise_ref(db, in.enterprise);
    forms_for(db, in.forms);
    const auto date = util::parse_date_arg(in.date, today);
    if (today < date) {
        throw_invalid(fmt::format("检查日期 {} 晚于今天", util::format_date(date)),
                      "检查日期不能是将来");
    }
    if (in.conclusion) {
        normalize_conclusion(*in.conclusion);
    }
    bool targeted = false;
    if (in.plan) {
        const auto plan = get_plan(db, *in.plan);
        check_plan_target(db, plan, e.id);
        targeted = plan.targeted;
    }
    check_inspectors(db, in.inspectors, e.id);
    check_exemptions(db, in, e.id, util::format_date(date), targeted);
}

std::int64_t record_inspection(storage::WriteTransaction& tx,
                               storage::Database& db,
                               const NewInspection& in,
                               const std::vector<Answer>& answers,
                               util::Date today) {
    check_inspection(db, in, today);
    const auto e = get_enterprise_ref(db, in.enterprise);
    const auto forms = forms_for(db, in.forms);
    const auto date = util::parse_date_arg(in.date, today);
    const auto judged = judge_all(forms, answers);
    const auto conclusion =
        in.conclusion ? normalize_conclusion(*in.conclusion) : derive_conclusion(judged);
    std::optional<std::int64_t> plan_id;
    if (in.plan) {
        plan_id = get_plan(db, *in.plan).id;
    }
    const auto id = insert_inspection(
        db, e.id, util::format_date(date), plan_id, conclusion, forms.front().unit, today);
    insert_details(db, id, forms, in.inspectors, judged, date);
    tx.audit("inspection",
             id,
             "add",
             nullptr,
             inspection_page_json(read_inspection_page(db, id, today)));
    return id;
}

std::int64_t rectify(storage::WriteTransaction& tx,
                     storage::Database& db,
                     std::int64_t inspection_id,
                     const std::string& item,
                     const std::string& done,
                     const std::optional<std::string>& note,
                     util::Date today) {
    const auto dot = item.find('.');
    if (dot == std::string::npos) {
        throw_invalid(fmt::format("检查项应写作 表单.检查项: {}", item), "如 --item lodging.L01");
    }
    const auto page = read_inspection_page(db, inspection_id, today);
    const auto date = util::parse_date_arg(done, today);
    SQLite::Statement q(db.sql(),
                        "SELECT id, done FROM rectification WHERE inspection_id = ? AND form_id = "
                        "? AND item_id = ?");
    q.bind(1, inspection_id);
    q.bind(2, item.substr(0, dot));
    q.bind(3, item.substr(dot + 1));
    if (!q.executeStep()) {
        throw_not_found("整改项",
                        fmt::format("检查 {} 的 {}", inspection_id, item),
                        fmt::format("用 hujing inspect show {} 查看整改项", inspection_id));
    }
    const auto id = q.getColumn(0).getInt64();
    if (!q.isColumnNull(1)) {
        throw_conflict(fmt::format("整改项 {} 已于 {} 完成", item, q.getColumn(1).getString()));
    }
    if (util::format_date(date) < page.inspection.date || today < date) {
        throw_invalid(fmt::format("整改完成日期 {} 无效", util::format_date(date)),
                      fmt::format("应在检查日期 {} 与今天之间", page.inspection.date));
    }
    SQLite::Statement u(db.sql(), "UPDATE rectification SET done = ?, note = ? WHERE id = ?");
    u.bind(1, util::format_date(date));
    storage::bind_optional(u, 2, note);
    u.bind(3, id);
    u.exec();
    tx.audit("rectification",
             id,
             "done",
             nullptr,
             {{"inspection_id", inspection_id},
              {"item", item},
              {"done", util::format_date(date)},
              {"note", note ? nlohmann::json(*note) : nlohmann::json()}});
    return id;
}

} // namespace hujing::domain
