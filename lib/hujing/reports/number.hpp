// SPDX-License-Identifier: GPL-3.0-or-later
// Document numbers (发文字号) of the quarterly documents: 诸公护企〔YYYY〕第N号 from a counter kept
// in the database. A number given once is never given again; a re-run of a quarter reuses its.
#pragma once

#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hujing::reports {

// The number of one document of a quarter.
struct DocNumber {
    std::string kind; // prompt advice warning (vocabulary k_report_kinds)
    int year = 0;
    std::int64_t seq = 0;
    std::string issued; // YYYY-MM-DD, the day the number was given

    // "诸公护企〔2025〕第3号".
    [[nodiscard]] std::string text() const;
};

// The numbers given to the documents of `period` ("2025Q3"), in the order of k_report_kinds;
// empty when none was given yet.
std::vector<DocNumber> find_numbers(storage::Database& db, const std::string& period);

// The numbers of the documents of `period`: those given before, else new ones from the counter
// of the year of `issued`, written (and audited) in `tx`.
std::vector<DocNumber> assign_numbers(storage::WriteTransaction& tx,
                                      storage::Database& db,
                                      const std::string& period,
                                      util::Date issued);

} // namespace hujing::reports
