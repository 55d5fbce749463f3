// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace hujing::domain {

// A demand given to `visit log --demand`: its category and its text.
struct DemandArg {
    std::string category;
    std::string text;
};

// Read a --demand value "类别:内容" (or "类别：内容"): a short word (at most six characters, no
// space or punctuation) before the first colon is the demand's own category and must be one of
// the demand categories (Exit::invalid otherwise); any other value is all text, of `category`
// (the visit's --category).
DemandArg demand_arg(const std::string& arg, const std::string& category);

} // namespace hujing::domain
