// SPDX-License-Identifier: GPL-3.0-or-later
// Inspection forms (检查表单): YAML templates read with their FILE:LINE:COL, stored by version.
#pragma once

#include <hujing/error.hpp>
#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// One check item of a form.
struct FormItem {
    std::string id;
    std::string text;
    std::string kind = "yesno"; // yesno | number | text | choice
    bool required = false;
    std::string severity = "minor"; // minor | major | critical
    std::optional<std::string> basis;
    std::int64_t rectify_days = 0;
    std::optional<double> min; // number: the passing range and its unit
    std::optional<double> max;
    std::optional<std::string> unit;
    std::vector<std::string> choices; // choice: the choices and those that pass
    std::vector<std::string> pass;
};

struct Form {
    std::string id;
    std::int64_t version = 1; // as stored (the file's own `version` is informational)
    std::string name;
    std::string unit; // code of the inspecting unit
    std::optional<std::string> basis;
    std::vector<std::string> sectors; // applies_to
    std::vector<std::string> tags;
    std::vector<FormItem> items;
};

// The outcome of reading one form file: the form when it has no error, and every mistake.
struct ParsedForm {
    std::optional<Form> form;
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
};

// Read the form in `text` (from `path`, used in the locations). `unit_exists` says whether a
// unit code is known. Collects every mistake instead of stopping at the first.
ParsedForm parse_form(const std::string& path,
                      const std::string& text,
                      const std::function<bool(std::string_view)>& unit_exists);

// The canonical content of `form` (everything but the stored version) as JSON; its SHA-256 is
// the form's content hash, so comments and layout do not make a new version.
nlohmann::json form_content(const Form& form);

// The form files `path` names: the file itself, or the *.yaml files of a directory, by name.
std::vector<std::string> form_files(const std::string& path);

// Check the form files; returns their warnings. Any error: Exit::invalid with every mistake as
// FILE:LINE:COL details (warnings are returned apart, never fatal).
std::vector<Diagnostic> validate_form_files(storage::Database& db,
                                            const std::vector<std::string>& paths);

// What loading one form did.
struct FormLoad {
    std::string id;
    std::int64_t version = 0;
    std::string action; // added | changed | unchanged
};

// Load the forms of `paths` (files or directories): a new form is version 1, a changed one the
// next version, an unchanged one nothing. A form with a mistake: Exit::invalid (all listed); an
// item whose kind changed in place: Exit::conflict.
std::vector<FormLoad> load_form_files(storage::WriteTransaction& tx,
                                      storage::Database& db,
                                      const std::vector<std::string>& paths,
                                      util::Date today);

// Load the built-in forms of schemas/forms/ (overridable under $HUJING_DATA_DIR).
std::vector<FormLoad>
load_builtin_forms(storage::WriteTransaction& tx, storage::Database& db, util::Date today);

// Form `id` at `version` (default: the latest); Exit::not_found otherwise.
Form get_form(storage::Database& db, std::string_view id, std::optional<std::int64_t> version = {});

// The latest version of form `id`, if loaded.
std::optional<std::int64_t> latest_form_version(storage::Database& db, std::string_view id);

// One row of `inspect forms`.
struct FormSummary {
    std::string id;
    std::int64_t version = 0;
    std::string name;
    std::string unit_code;
    std::string unit_name;
    std::vector<std::string> sectors;
    std::vector<std::string> tags;
    std::int64_t items = 0;
    std::string loaded;
};

output::View<FormSummary> form_summary_view();

// Stream the latest version of every form, by id.
std::int64_t list_forms(storage::Database& db, const ListPaging& paging, const RowSink& sink);

output::View<FormItem> form_item_view();

// `inspect form show` in json: the form with `items: [{id, text, kind, required, …}]`.
nlohmann::json form_json(const Form& form);

// `inspect form show` for people: the form's fields, then its items.
std::vector<output::Section> form_sections(const Form& form);

} // namespace hujing::domain
