// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/pii.hpp>

#include <fmt/format.h>

namespace hujing::util {

nlohmann::json mask_pii(const nlohmann::json& value) {
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : value) {
            out.push_back(mask_pii(item));
        }
        return out;
    }
    if (!value.is_object()) {
        return value;
    }
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : value.items()) {
        if (item.is_string() && (key == "phone" || key.ends_with("_phone"))) {
            out[key] = mask_phone(item.get<std::string>());
        } else if (item.is_string() && (key == "id_no" || key.ends_with("_id_no"))) {
            out[key] = mask_id_number(item.get<std::string>());
        } else {
            out[key] = mask_pii(item);
        }
    }
    return out;
}

void check_phone(std::string_view phone) {
    int digits = 0;
    for (char c : phone) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != '-' && c != '+' && c != ' ') {
            throw_invalid(fmt::format("电话号码无效: {}", phone), "只能包含数字、空格、+ 和 -");
        }
    }
    if (digits < 5 || digits > 20) {
        throw_invalid(fmt::format("电话号码无效: {}", phone), "应为 5 到 20 位数字");
    }
}

} // namespace hujing::util
