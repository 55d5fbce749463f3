// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// One township-level division of the county (schemas/divisions.yaml).
struct Division {
    std::string name;                // e.g. "店口镇"
    std::string kind;                // subdistrict | town | township
    std::vector<std::string> former; // former names merged into or renamed to this one
};

// The divisions in file order (loaded once; a file under $HUJING_DATA_DIR overrides).
const std::vector<Division>& divisions();

// The Chinese label of a division kind: 街道, 镇 or 乡.
std::string division_kind_label(std::string_view kind);

// A town as resolved from user input: the current division name and, when the input was a
// former name, that name.
struct TownMatch {
    std::string name;
    std::optional<std::string> former;
};

// Resolve `text` to a current division: exact name, name without the 街道/镇/乡 suffix, either
// behind a 浙江省/绍兴市/诸暨市 prefix, or a former name (reported in `former`). nullopt when
// unknown.
std::optional<TownMatch> find_town(std::string_view text);

// As find_town; an unknown town throws Exit::invalid with the hint to run `enterprise towns`.
TownMatch resolve_town(std::string_view text);

} // namespace hujing::domain
