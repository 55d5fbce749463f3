// SPDX-License-Identifier: GPL-3.0-or-later
// Inline SVG bar charts drawn by the code (no script, no external file): integer coordinates,
// so the same figures always give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hujing::reports {

// One row of a chart: its label, one value per series, and the text printed after the bars.
struct Bar {
    std::string label;
    std::vector<std::int64_t> values;
    std::string text;
};

// A horizontal bar chart titled `title` with a legend of `series` names (one colour each, in
// `colours` order); an empty `bars` draws "无数据".
std::string bar_chart(const std::string& title,
                      const std::vector<std::string>& series,
                      const std::vector<Bar>& bars,
                      const std::vector<std::string>& colours);

// `text` with & < > " escaped for XML and HTML.
std::string xml_escape(const std::string& text);

} // namespace hujing::reports
