// SPDX-License-Identifier: GPL-3.0-or-later
// Step 1 of the draw: the candidates of a plan, read from the database.
#pragma once

#include <hujing/inspect/draw.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/storage/database.hpp>

namespace hujing::domain {

// The candidates of `plan`, sorted by USCC: for a targeted plan its enterprises; otherwise those
// with a sector or tag a form of the plan applies to and not exempt from it on the window's first
// day, minus those inspected within exclude-recent-days before the window and those the plan's
// unit has inspected inspect.max_per_year times in the window's year before the window.
DrawCandidates read_candidates(storage::Database& db, const Plan& plan);

} // namespace hujing::domain
