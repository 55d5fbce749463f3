// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// The police-regulated sectors an inspection form applies to (DESIGN.md §4.4), in order.
const std::vector<std::string>& enterprise_sectors();

// The credit grades A, B, C, D (A best).
const std::vector<std::string>& credit_grades();

// Return the scale code ("above" 规上 / "below" 规下) for `text`, which may be the code or the
// Chinese label; throws Exit::invalid otherwise.
std::string parse_scale(std::string_view text);

// The Chinese label of a scale code: 规上 or 规下.
std::string scale_label(std::string_view code);

// Return the grade A–D for `text` (case-insensitive); throws Exit::invalid otherwise.
std::string parse_credit_grade(std::string_view text);

// Return the normalised USCC for `text` (trimmed, upper case); throws Exit::invalid naming the
// expected check character when it fails GB 32100 or GB 11714.
std::string normalize_uscc(std::string_view text);

// Throw Exit::invalid unless `code` is a 4-digit GB/T 4754-2017 class code.
void check_industry_code(std::string_view code);

// Throw Exit::invalid unless `sector` is one of enterprise_sectors().
void check_sector(std::string_view sector);

// Split a tag or sector list on `;` or `,` (also the full-width forms), trimming and dropping
// duplicates and empty parts, keeping the first-seen order.
std::vector<std::string> split_list(std::string_view text);

// The registry fields of an enterprise as entered (add, update, import).
struct EnterpriseData {
    std::string uscc;
    std::string name;
    std::optional<std::string> town;
    std::optional<std::string> industry;
    std::optional<std::string> industry_code;
    std::optional<std::string> scale;
    std::optional<std::string> legal_rep;
    std::optional<std::string> phone;
    std::optional<std::string> address;
    std::vector<std::string> tags;
    std::vector<std::string> sectors;
};

// Validate and normalise `data` in place: USCC upper-cased and checked, town resolved (a former
// name replaced by its successor and returned), scale to its code, empty optionals cleared, tags
// and sectors checked. Throws Exit::invalid with the first problem.
std::optional<std::string> normalize_enterprise(EnterpriseData& data);

// Bind the columns uscc, name, town, industry, industry_code, scale, legal_rep, phone, address
// of `d` to placeholders 1–9 of `q` (the order of every statement that writes an enterprise).
void bind_enterprise_fields(SQLite::Statement& q, const EnterpriseData& d);

// An enterprise as stored.
struct Enterprise {
    std::int64_t id = 0;
    EnterpriseData data;
    std::optional<std::string> credit_grade;
    std::string created_at;
    std::string updated_at;
    std::vector<std::string> officers; // badges of the assigned officers (read by the listing)
};

// The fields of an enterprise, declared once (phone masked unless `reveal`): the listing's
// columns, csv header, json keys and --fields names, and the top of `enterprise show`
// (without "officers", which the file shows as its own part). Defaults: the listing's columns
// without --fields.
output::View<Enterprise> enterprise_view(bool reveal);

// Find an enterprise by id or USCC (case-insensitive).
std::optional<Enterprise> find_enterprise(storage::Database& db, std::string_view key);

// As find_enterprise; throws Exit::not_found.
Enterprise get_enterprise(storage::Database& db, std::string_view key);

// The enterprise as a JSON object of its registry fields (phone masked unless `reveal`): the
// fields of enterprise_view() but "officers".
nlohmann::json enterprise_json(const Enterprise& enterprise, bool reveal);

// Add an enterprise; returns its id. Invalid fields → Exit::invalid, an existing USCC →
// Exit::conflict. A former town name is mapped with a notice.
std::int64_t
add_enterprise(storage::WriteTransaction& tx, storage::Database& db, EnterpriseData data);

// A change to an enterprise: each set field replaces the stored one; an empty string clears an
// optional field; `tags`/`sectors` replace the lists.
struct EnterpriseUpdate {
    std::optional<std::string> uscc;
    std::optional<std::string> name;
    std::optional<std::string> town;
    std::optional<std::string> industry;
    std::optional<std::string> industry_code;
    std::optional<std::string> scale;
    std::optional<std::string> legal_rep;
    std::optional<std::string> phone;
    std::optional<std::string> address;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::vector<std::string>> sectors;
};

// Apply `update` to the enterprise `key`; returns its id.
std::int64_t update_enterprise(storage::WriteTransaction& tx,
                               storage::Database& db,
                               std::string_view key,
                               const EnterpriseUpdate& update);

// Filters and paging of `enterprise list`; all combine with AND.
struct EnterpriseQuery {
    std::optional<std::string> town;     // a division (former names and prefixes accepted)
    std::optional<std::string> industry; // exact industry text
    std::optional<std::string> tag;
    std::optional<std::string> sector;
    std::optional<std::string> credit;  // A–D, or "none" for ungraded
    std::optional<std::string> scale;   // above/below or 规上/规下
    std::optional<std::string> officer; // badge: enterprises assigned to that officer
    std::optional<std::string> risk;    // level code or label, or "any": with an open risk
    std::optional<std::string> search;  // substring of name or address
    std::optional<std::int64_t> limit;
    std::optional<std::int64_t> offset;
    std::string sort; // a column key, "-key" for descending; default id
};

// The columns of an enterprise listing, in order (those of enterprise_view()).
std::vector<output::Column> enterprise_columns();

// The columns `enterprise list` shows without --fields (enterprise_view()'s defaults).
const std::vector<std::string>& enterprise_default_fields();

// Stream the enterprises matching `query` to `writer`, one row of enterprise_view(reveal) per
// enterprise; the lists not named in `fields` are not computed (they are empty). Filtering,
// sorting and paging happen in SQL. Phone is masked unless `reveal`.
void list_enterprises(storage::Database& db,
                      const EnterpriseQuery& query,
                      const std::vector<std::string>& fields,
                      bool reveal,
                      output::RowWriter& writer);

// The whole file of one enterprise (一企一档), as shown by `enterprise show`.
struct EnterpriseFile {
    Enterprise enterprise;
    std::vector<LoadedPart> parts; // every section, in display order (enterprise_file_parts())

    // The part with json key `key`; a missing one is Exit::internal.
    [[nodiscard]] const LoadedPart& part(std::string_view key) const;
};

// The registry's own parts of the file: assigned officers, credit history, open risks and
// exemptions (registered in file.cpp like every other capability's part).
LoadedPart
officer_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);
LoadedPart
credit_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);
LoadedPart
risk_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);
LoadedPart
exemption_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

// Load the file of enterprise `key` with every part of enterprise_file_parts(), all inside one
// read transaction (one consistent snapshot); rendering it reads the database no more.
EnterpriseFile
load_enterprise_file(storage::Database& db, std::string_view key, const FileOptions& options);

// The file as one JSON object with nested arrays.
nlohmann::json enterprise_file_json(const EnterpriseFile& file, bool reveal);

// The file as the sections of a `show` page.
std::vector<output::Section> enterprise_file_sections(const EnterpriseFile& file, bool reveal);

// Assign officer `badge` to the enterprise `key` in `role` from `since`; returns the enterprise
// id. Already assigned in that role → Exit::conflict; an inactive officer → Exit::conflict.
std::int64_t assign_officer(storage::WriteTransaction& tx,
                            storage::Database& db,
                            std::string_view key,
                            std::string_view badge,
                            std::string_view role,
                            util::Date since);

// Remove officer `badge` from the enterprise `key` (only in `role` when given); returns the
// enterprise id. No such assignment → Exit::not_found.
std::int64_t unassign_officer(storage::WriteTransaction& tx,
                              storage::Database& db,
                              std::string_view key,
                              std::string_view badge,
                              const std::optional<std::string>& role);

// Whether a credit event is an evaluation (信用评价) or a repair (信用修复).
enum class CreditKind { evaluation, repair };

// Record a credit grade for the enterprise `key` and return the event id. The enterprise's
// credit_grade becomes the grade of its latest event (by date, then entry order). A repair must
// raise the current grade (Exit::conflict otherwise).
std::int64_t add_credit_event(storage::WriteTransaction& tx,
                              storage::Database& db,
                              std::string_view key,
                              std::string_view grade,
                              std::string_view reason,
                              util::Date date,
                              CreditKind kind);

// Throw Exit::invalid unless `form_id` matches [a-z][a-z0-9_]*.
void check_form_id(std::string_view form_id);

// Exempt the enterprise `key` from inspections with form `form_id` until `until` inclusive
// (负面清单 / 无事不扰); returns the exemption id. `until` before `today` → Exit::invalid.
std::int64_t add_exemption(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view key,
                           std::string_view form_id,
                           util::Date until,
                           std::string_view reason,
                           util::Date today);

} // namespace hujing::domain
