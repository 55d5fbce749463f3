// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/error.hpp>
#include <hujing/util/text.hpp>
#include <hujing/visits/demand_arg.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::domain {

// A --demand value "类别:内容" (or "类别：内容"): a short word before the first colon is the
// demand's own category, checked against the vocabulary; anything else is the text, of the
// visit's --category.
DemandArg demand_arg(const std::string& arg, const std::string& category) {
    const auto ascii = arg.find(':');
    const auto wide = arg.find("：");
    const auto colon = std::min(ascii, wide);
    if (colon == std::string::npos || colon == 0) {
        return {category, arg};
    }
    const auto prefix = std::string(util::trim(arg.substr(0, colon)));
    const auto characters = std::count_if(prefix.begin(), prefix.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    });
    const bool word = characters <= 6 && std::none_of(prefix.begin(), prefix.end(), [](char c) {
                          return c == ' ' || c == '\t' || c == ',' || c == '.';
                      });
    if (!word || prefix.find("，") != std::string::npos || prefix.find("。") != std::string::npos) {
        return {category, arg};
    }
    if (!k_demand_categories.contains(prefix)) {
        throw_invalid(fmt::format("诉求类别无效: {}", prefix),
                      fmt::format("可用: {}；内容本身含冒号时写成 类别:内容",
                                  util::join(demand_categories(), "、")));
    }
    return {prefix, arg.substr(colon + (colon == wide ? std::string_view("：").size() : 1))};
}

} // namespace hujing::domain
