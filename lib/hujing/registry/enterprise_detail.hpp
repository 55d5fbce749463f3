// SPDX-License-Identifier: GPL-3.0-or-later
// Internal pieces shared by the enterprise files of lib/hujing/registry/; not for use outside.
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/util/id_number.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace hujing::domain {

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
