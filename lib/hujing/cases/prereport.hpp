// SPDX-License-Identifier: GPL-3.0-or-later
// Pre-reports (事前报备) before detaining an entrepreneur (企业家羁押) or taking a measure on an
// enterprise's property (涉企财产措施): one state machine, requested → approved | rejected,
// approved → executed → lifted; an execution without approval (emergency) until its review.
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

struct Prereport {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string case_no;
    std::string kind; // detention, property
    std::string status;
    std::string measure;
    std::optional<std::string> person;
    std::optional<std::string> id_no; // whole; masked by prereport_view unless revealed
    std::optional<std::string> position;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::string> enterprise_name;
    std::optional<std::string> object;
    std::optional<std::int64_t> amount_fen;
    std::string reason;
    std::string impact;
    std::optional<std::string> alternatives;
    std::string requested;
    std::string requested_by; // badge
    std::optional<std::string> decided;
    std::optional<std::string> decided_by;
    std::optional<std::string> decision_note;
    std::optional<std::string> executed;
    std::optional<std::string> lifted;
    bool emergency = false;
    std::optional<std::string> emergency_reason;
    std::optional<std::string> reviewed;
    std::optional<std::string> reviewed_by;
    std::optional<std::string> review_note;

    // An emergency execution still waiting for its review.
    [[nodiscard]] bool awaiting_review() const {
        return emergency && !reviewed;
    }
};

// Parse a pre-report id argument; throws Exit::invalid.
std::int64_t parse_prereport_id(std::string_view text);

// Find pre-report `id` of `kind` (detention or property); another kind or none →
// Exit::not_found.
Prereport get_prereport(storage::Database& db, std::string_view kind, std::int64_t id);

struct NewDetention {
    std::string case_id;
    std::string person;
    std::string id_no;
    std::string position;
    std::string measure;
    std::string reason;
    std::string impact;
    std::optional<std::string> alternatives;
    std::optional<std::string> enterprise; // the entrepreneur's enterprise, when known
};

struct NewMeasure {
    std::string case_id;
    std::string enterprise;
    std::string measure; // 查封 扣押 冻结
    std::string object;
    std::string amount; // yuan
    std::string reason;
    std::string impact;
    std::optional<std::string> alternatives;
};

// Request a pre-report on an open case; returns its id. The ID number is checked (GB 11643,
// Exit::invalid naming the expected check character); every text is required.
std::int64_t request_detention(storage::WriteTransaction& tx,
                               storage::Database& db,
                               const NewDetention& request,
                               util::Date today);
std::int64_t request_measure(storage::WriteTransaction& tx,
                             storage::Database& db,
                             const NewMeasure& request,
                             util::Date today);

enum class Decision { approve, reject };

// Approve or reject a requested pre-report; the approver may not be the requester
// (Exit::conflict), nor may a decided one be decided again.
Prereport decide_prereport(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view kind,
                           std::int64_t id,
                           Decision decision,
                           const std::string& note,
                           util::Date today);

// Record the execution on `date`: approved → executed. Without approval Exit::conflict unless
// `emergency_reason` is given, which records it flagged until review_prereport. An external
// case not yet cleared by review → Exit::conflict.
Prereport record_prereport(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view kind,
                           std::int64_t id,
                           const std::string& date,
                           const std::optional<std::string>& emergency_reason,
                           util::Date today);

// Record the lifting on `date` (not before the execution): executed → lifted.
Prereport lift_prereport(storage::WriteTransaction& tx,
                         storage::Database& db,
                         std::string_view kind,
                         std::int64_t id,
                         const std::string& date,
                         util::Date today);

// Review an emergency execution (补审), which clears its flag; the reviewer may not be the
// requester (Exit::conflict); anything else than an unreviewed emergency → Exit::conflict.
Prereport review_prereport(storage::WriteTransaction& tx,
                           storage::Database& db,
                           std::string_view kind,
                           std::int64_t id,
                           const std::string& note,
                           util::Date today);

// The fields of a pre-report; the ID number masked unless `reveal`.
output::View<Prereport> prereport_view(bool reveal);

struct PrereportQuery {
    std::optional<std::string> kind;
    std::optional<std::string> status;
    std::optional<std::string> case_id;
    bool emergency = false; // only those awaiting review
    ListPaging paging;
};

std::int64_t list_prereports(storage::Database& db,
                             const PrereportQuery& query,
                             bool reveal,
                             const RowSink& sink);

// The pre-reports of case `case_id`, by id.
std::vector<Prereport> case_prereports(storage::Database& db, std::int64_t case_id);

// The enterprise file part: the enterprise's open pre-reports (not rejected nor lifted, or
// awaiting review).
LoadedPart
prereport_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

} // namespace hujing::domain
