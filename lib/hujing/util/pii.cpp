// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/pii.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace hujing::util {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty()
           && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_pii_option(std::string_view name) {
    return name == "--phone" || name == "--id-no" || name.ends_with("-phone")
           || name.ends_with("-id-no");
}

bool looks_like_mobile(std::string_view text) {
    if (text.starts_with("+86")) {
        text.remove_prefix(3);
    }
    return text.size() == 11 && text[0] == '1' && text[1] >= '3' && all_digits(text);
}

bool looks_like_id_number(std::string_view text) {
    if (text.size() != 18 || !all_digits(text.substr(0, 17))) {
        return false;
    }
    const char last = text[17] == 'x' ? 'X' : text[17];
    return id_number_check_character(text.substr(0, 17)) == last;
}

std::string mask_value(std::string_view option, std::string_view value) {
    if (option.ends_with("id-no") || looks_like_id_number(value)) {
        return mask_id_number(value);
    }
    return mask_phone(value);
}

} // namespace

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

std::vector<std::string> mask_arguments(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    out.reserve(args.size());
    std::string_view pending; // an option whose value is the next argument
    for (const auto& arg : args) {
        const std::string_view view(arg);
        if (!pending.empty() && !view.starts_with("--")) {
            out.push_back(mask_value(pending, view));
            pending = {};
            continue;
        }
        pending = {};
        if (const auto eq = view.find('='); view.starts_with("--") && eq != std::string_view::npos
                                            && is_pii_option(view.substr(0, eq))) {
            out.push_back(arg.substr(0, eq + 1)
                          + mask_value(view.substr(0, eq), view.substr(eq + 1)));
        } else if (is_pii_option(view)) {
            pending = view;
            out.push_back(arg);
        } else if (looks_like_mobile(view) || looks_like_id_number(view)) {
            out.push_back(mask_value("", view));
        } else {
            out.push_back(arg);
        }
    }
    return out;
}

} // namespace hujing::util
