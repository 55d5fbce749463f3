// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hujing::util {

// Return `value` with every string under a key "phone" masked by mask_phone and every string
// under a key "id_no" masked by mask_id_number, at any depth (audit before/after records).
nlohmann::json mask_pii(const nlohmann::json& value);

// Throw Exit::invalid unless `phone` has 5–20 digits and only digits, spaces, + and -.
void check_phone(std::string_view phone);

// Return the command-line arguments with personal data masked, for the audit log's `command`:
// the value of an option named --phone, --id-no or ending in -phone / -id-no (as the next
// argument or after "="), and any argument that is itself a mobile number or an ID number with
// a valid check character, wherever it stands.
std::vector<std::string> mask_arguments(const std::vector<std::string>& args);

} // namespace hujing::util
