// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace hujing::util {

// Return `value` with every string under a key "phone" masked by mask_phone and every string
// under a key "id_no" masked by mask_id_number, at any depth (audit before/after records).
nlohmann::json mask_pii(const nlohmann::json& value);

// Throw Exit::invalid unless `phone` has 5–20 digits and only digits, spaces, + and -.
void check_phone(std::string_view phone);

} // namespace hujing::util
