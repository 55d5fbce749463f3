// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/io/on_conflict.hpp>

#include <fmt/format.h>

namespace hujing::io {

OnConflict parse_on_conflict(std::string_view text) {
    if (text == "fail") {
        return OnConflict::fail;
    }
    if (text == "skip") {
        return OnConflict::skip;
    }
    if (text == "update") {
        return OnConflict::update;
    }
    throw_invalid(fmt::format("--on-conflict 无效: {}", text), "可用: fail、skip、update");
}

} // namespace hujing::io
