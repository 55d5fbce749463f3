// SPDX-License-Identifier: GPL-3.0-or-later
// Shared steps of the case capability's writes (not part of its interface).
#pragma once

#include <hujing/cases/case.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hujing::domain::cases {

// The SELECT of a case (no WHERE), read by read_case.
extern const char* const k_case_select;

Case read_case(SQLite::Statement& q);

// The trimmed `text`; empty → Exit::invalid naming `what`.
std::string require_text(const std::string& text, const char* what);

// Throw Exit::invalid unless `value` is a code of `vocabulary`, naming `what` and the codes.
void check_in(const Vocabulary& vocabulary, std::string_view value, const char* what);

// The code `text` names (the code itself or its Chinese label); otherwise Exit::invalid naming
// `what` and every code with its label.
std::string normalize_code(const Vocabulary& vocabulary, std::string_view text, const char* what);

// The acting officer's id (casework always has one).
std::int64_t acting_officer(const storage::Database& db);

// The date `text` (YYYY-MM-DD, today, yesterday) names; after `today` → Exit::invalid.
std::string past_date(const std::string& text, util::Date today, const char* what);

// One timeline entry to record with a change.
struct EventRecord {
    std::string action;
    std::string at; // the day it happened
    std::optional<std::string> note;
    std::optional<std::int64_t> prereport_id;
    bool movement = true; // whether it counts as movement (every event but `update`)
};

// Record `event` on case `id` with its audit row: `entity`/`entity_id` the record changed
// (the case, or a pre-report or recovery of it) with `before` and `after`.
void record_event(storage::WriteTransaction& tx,
                  storage::Database& db,
                  std::int64_t id,
                  const EventRecord& event,
                  std::string_view entity,
                  std::int64_t entity_id,
                  const nlohmann::json& before,
                  const nlohmann::json& after);

// Throw Exit::conflict unless case `c` is still with the police, naming `verb`.
void require_open(const Case& c, std::string_view verb);

// Throw Exit::conflict if `c` is external and its review has not passed, naming `what`.
void require_external_cleared(const Case& c, std::string_view what);

} // namespace hujing::domain::cases
