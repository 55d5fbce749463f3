// SPDX-License-Identifier: GPL-3.0-or-later
// Internal pieces shared by the enterprise files of lib/hujing/registry/; not for use outside.
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/util/id_number.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace hujing::domain {

// The enterprise of the current row of `q`, whose columns 0–12 are id, uscc, name, town,
// industry, industry_code, scale, legal_rep, phone, address, credit_grade, created_at,
// updated_at (its lists are not read).
Enterprise read_enterprise_row(SQLite::Statement& q);

// `phone` masked unless `reveal`; null when absent.
inline output::Value masked_phone(const std::optional<std::string>& phone, bool reveal) {
    if (!phone) {
        return {};
    }
    return reveal ? *phone : util::mask_phone(*phone);
}

// An optional text as JSON (null when absent).
inline nlohmann::json opt_json(const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

} // namespace hujing::domain
