// SPDX-License-Identifier: GPL-3.0-or-later
// Combined inspections (综合查一次): recording, rectification, listing, the show page, the
// enterprise-file part and publication (一公开).
#pragma once

#include <hujing/error.hpp>
#include <hujing/inspect/form.hpp>
#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hujing::domain {

// One answer to a check item, as typed or read from a results file.
struct Answer {
    std::string form_id;
    std::string item_id;
    std::optional<std::string> result; // pass | fail | na when given explicitly
    std::optional<std::string> value;  // the answer (y/n/-, a number, a choice, a text)
    std::optional<std::string> note;
    SourceLocation where;
};

// Read a results file: `{FORM: {ITEM: ANSWER | {result, value, note}}}`. Syntax or shape
// mistakes: Exit::invalid with every one as FILE:LINE:COL.
std::vector<Answer> parse_results(const std::string& path, const std::string& text);

// Read the results file at `path` ("-" is stdin is not supported: a file).
std::vector<Answer> read_results_file(const std::string& path);

// The judged result of `answer` to `item`, or a message saying why it does not fit the item.
struct Judged {
    std::string result;
    std::optional<std::string> value;
    std::string error; // non-empty: the answer does not fit the item
};

Judged judge_answer(const FormItem& item, const Answer& answer);

struct NewInspection {
    std::string enterprise;
    std::vector<std::string> forms;
    std::vector<std::string> inspectors; // badges
    std::string date;
    std::optional<std::string> plan;
    std::optional<std::string> conclusion; // code or Chinese label
};

// The forms `ids` at their latest versions (Exit::not_found for one not loaded).
std::vector<Form> forms_for(storage::Database& db, const std::vector<std::string>& ids);

// Check everything of `inspection` but the answers (enterprise, forms, plan, inspectors, 回避,
// 无事不扰, date); `inspect record --interactive` calls it before walking the items.
void check_inspection(storage::Database& db, const NewInspection& inspection, util::Date today);

// Record one combined inspection; returns its id. Every failed item opens a rectification due
// in its rectify_days working days.
std::int64_t record_inspection(storage::WriteTransaction& tx,
                               storage::Database& db,
                               const NewInspection& inspection,
                               const std::vector<Answer>& answers,
                               util::Date today);

// `inspect rectify`: mark the rectification of FORM.ITEM of `inspection_id` done on `done`.
std::int64_t rectify(storage::WriteTransaction& tx,
                     storage::Database& db,
                     std::int64_t inspection_id,
                     const std::string& item,
                     const std::string& done,
                     const std::optional<std::string>& note,
                     util::Date today);

struct Inspection {
    std::int64_t id = 0;
    std::string date;
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string name;
    std::optional<std::int64_t> plan_id;
    std::vector<std::string> forms;
    std::string unit;
    std::string conclusion;
    std::vector<std::string> inspectors;
    std::int64_t failed = 0;
    std::int64_t open_rectifications = 0;
    std::int64_t overdue_rectifications = 0;
    std::optional<std::string> published;
    bool published_late = false;
};

struct InspectionQuery {
    std::optional<std::string> plan;
    std::optional<std::string> enterprise;
    std::optional<std::string> form;
    std::optional<std::string> unit;
    std::optional<std::string> since;
    std::optional<std::string> until;
    bool open_rectifications = false;
    bool overdue = false;
    ListPaging paging;
};

output::View<Inspection> inspection_view();

std::int64_t list_inspections(storage::Database& db,
                              const InspectionQuery& query,
                              util::Date today,
                              const RowSink& sink);

struct ResultRow {
    std::string form;
    std::int64_t form_version = 0;
    std::string item;
    std::string text;
    std::string result;
    std::optional<std::string> value;
    std::optional<std::string> note;
};

struct RectificationRow {
    std::int64_t id = 0;
    std::int64_t inspection_id = 0;
    std::string form;
    std::string item;
    std::string text;
    std::string due;
    std::optional<std::string> done;
    std::optional<std::string> note;
};

struct InspectionPage {
    Inspection inspection;
    std::vector<ResultRow> results;
    std::vector<RectificationRow> rectifications;
};

InspectionPage read_inspection_page(storage::Database& db, std::int64_t id, util::Date today);
nlohmann::json inspection_page_json(const InspectionPage& page);
std::vector<output::Section> inspection_page_sections(const InspectionPage& page);

// The enterprise-file part: its inspections and open rectifications.
LoadedPart
inspection_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);
LoadedPart rectification_file_part(storage::Database& db,
                                   std::int64_t enterprise_id,
                                   const FileOptions& options);

// The public results table (一公开) of one inspection.
struct PublishedRow {
    std::int64_t inspection_id = 0;
    std::string uscc;
    std::string name;
    std::string date;
    std::vector<std::string> forms;
    std::string unit;
    std::string conclusion;
    std::string published;
    bool late = false;
};

output::View<PublishedRow> published_view();

// Publish the inspections of plan `key` on `date` (not yet published ones get that date, and
// are flagged late when it is past inspect.publish_days working days after the inspection);
// returns every inspection of the plan as published. An undrawn plan: Exit::conflict.
std::vector<PublishedRow> publish_plan(storage::WriteTransaction& tx,
                                       storage::Database& db,
                                       std::string_view key,
                                       const std::optional<std::string>& date,
                                       util::Date today);

} // namespace hujing::domain
