// SPDX-License-Identifier: GPL-3.0-or-later
// `case show` and the cases part of the enterprise file.
#pragma once

#include <hujing/cases/case.hpp>
#include <hujing/cases/prereport.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/registry/file.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace hujing::domain {

// Everything `case show` prints, read once.
struct CasePage {
    Case record;
    std::vector<CaseParty> parties;
    std::vector<Prereport> prereports;
    std::vector<Recovery> recoveries;
    std::vector<CaseEvent> events; // oldest first
};

// Read case `id` with its parts in one snapshot; throws Exit::not_found.
CasePage read_case_page(storage::Database& db, std::int64_t id);

// `page` as json: every field of case_view() and arrays enterprises, prereports (ID numbers
// masked unless `reveal`), recoveries and events.
nlohmann::json case_page_json(const CasePage& page, bool reveal);

// `page` for people: the same, as titled sections.
std::vector<output::Section> case_page_sections(const CasePage& page, bool reveal);

// The enterprise file part: the enterprise's cases with its role in each.
LoadedPart
case_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

} // namespace hujing::domain
