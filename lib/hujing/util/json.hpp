// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace hujing::util {

// Return `value` as JSON, null when empty.
template <typename T>
nlohmann::json json_or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace hujing::util
