// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::util {

// Return the terminal display width of UTF-8 `text` (CJK and other wide characters count 2,
// combining marks 0), using utf8proc.
int display_width(std::string_view text);

// Return `text` cut to at most `width` display columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, int width);

// Split `text` into lines of at most `width` display columns (at least one character each):
// a line breaks after the last blank that fits, else between two characters (CJK breaks
// anywhere); blanks at a break are dropped. An empty `text` is one empty line.
std::vector<std::string> wrap_to_width(std::string_view text, int width);

// Whether `text` is valid UTF-8; on failure `bad_offset` gets the first bad byte's offset.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

// Split `text` on `sep`, trimming ASCII spaces around parts and dropping empty parts.
std::vector<std::string> split(std::string_view text, char sep);

// Return `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

// Join `parts` with `sep`.
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Replace every occurrence of `from` in `text` by `to` (left to right, not rescanning `to`).
void replace_all(std::string& text, std::string_view from, std::string_view to);

} // namespace hujing::util
