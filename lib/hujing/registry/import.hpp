// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/io/on_conflict.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// What to do with a row whose USCC is already registered (shared with officer import).
using io::OnConflict;
using io::parse_on_conflict;

enum class SkipInvalid { no, yes };
enum class DryRun { no, yes };

struct EnterpriseImportOptions {
    OnConflict on_conflict = OnConflict::fail;
    SkipInvalid skip_invalid = SkipInvalid::no;
    DryRun dry_run = DryRun::no;
    // Called now and then with the bytes read so far (progress bars); may be empty.
    std::function<void(std::int64_t bytes)> progress;
    // Called for each bad row skipped with --skip-invalid ("FILE:LINE:" and the reason);
    // may be empty.
    std::function<void(const std::string& where, const std::string& reason)> skipped_row;
};

// The counts of an import. `invalid` counts rejected rows: invalid ones, in-file duplicates,
// and rows whose USCC exists when on_conflict is fail.
struct EnterpriseImportResult {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t skipped = 0;
    std::int64_t invalid = 0;
    std::vector<std::string> notices; // e.g. former town names mapped, one per name
};

// The header columns an enterprise CSV may have; uscc and name are required.
const std::vector<std::string>& import_columns();

// Import enterprises from the CSV `in` (labelled `name`, "-" for stdin) per DESIGN.md §4.1,
// streaming: statements are prepared once and memory does not grow with the file. Without
// SkipInvalid::yes any bad row throws (Exit::invalid, or Exit::conflict when every bad row is an
// existing USCC) listing each as FILE:LINE: reason and nothing is imported. With DryRun::yes the
// counts are computed and every change rolled back. One audit row records a real import.
EnterpriseImportResult import_enterprises(storage::WriteTransaction& tx,
                                          storage::Database& db,
                                          std::istream& in,
                                          const std::string& name,
                                          const EnterpriseImportOptions& options);

// The counts as one line "added=N updated=N skipped=N invalid=N".
std::string format_import_result(const EnterpriseImportResult& result);

// The counts as a JSON object {added, updated, skipped, invalid, dry_run}.
nlohmann::json import_result_json(const EnterpriseImportResult& result, DryRun dry_run);

} // namespace hujing::domain
