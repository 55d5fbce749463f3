// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/util/id_number.hpp>
#include <hujing/util/pii.hpp>

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

} // namespace hujing::util
