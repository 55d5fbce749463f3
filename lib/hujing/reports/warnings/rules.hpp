// SPDX-License-Identifier: GPL-3.0-or-later
// The warning rules of schemas/rules/warnings.yaml: thresholds, levels, on/off and the title
// template of each built-in rule, editable by a bureau and checked with FILE:LINE:COL errors.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hujing::reports {

struct RuleConfig {
    std::string name;
    bool enabled = true;
    std::int64_t threshold_milli = 0; // threshold × 1000 (counts, means and rates alike)
    std::string level;                // red orange yellow blue
    std::optional<std::int64_t> high_threshold_milli;
    std::string high_level;
    std::int64_t min_count = 0;
    std::string title; // Mustache

    // The level for `value_milli` (value × 1000) at or above the threshold: the high level when
    // that threshold is reached too.
    [[nodiscard]] std::string level_for(std::int64_t value_milli) const;
};

struct Rules {
    std::map<std::string, RuleConfig> rules;

    // The rule `name` (always present: the built-in set is complete).
    [[nodiscard]] const RuleConfig& at(const std::string& name) const;
};

// The names of the built-in rules, in the order warnings are evaluated.
const std::vector<std::string>& rule_names();

// The built-in rules (schemas/rules/warnings.yaml, or its copy under $HUJING_DATA_DIR).
Rules builtin_rules();

// The rules of YAML `text` named `file` over the built-in ones (keys not given keep their
// built-in values). Problems are Exit::invalid with one FILE:LINE:COL line each.
Rules load_rules(const std::string& text, const std::string& file);

// The rules in file `path` (Exit::not_found when missing) over the built-in ones.
Rules load_rules_file(const std::string& path);

} // namespace hujing::reports
