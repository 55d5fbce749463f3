// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/chart.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::reports {

namespace {

constexpr int k_width = 640;
constexpr int k_label_width = 170;
constexpr int k_bar_space = 360;
constexpr int k_bar_height = 14;
constexpr int k_top = 48;

std::string legend(const std::vector<std::string>& series,
                   const std::vector<std::string>& colours) {
    std::string out;
    int x = k_label_width;
    for (std::size_t i = 0; i < series.size(); ++i) {
        out += fmt::format(R"(<rect x="{}" y="26" width="12" height="12" fill="{}"/>)"
                           R"(<text x="{}" y="37" class="legend">{}</text>)",
                           x,
                           colours[i % colours.size()],
                           x + 16,
                           xml_escape(series[i]));
        x += 24 + 14 * static_cast<int>(series[i].size() / 3 + 1);
    }
    return out;
}

} // namespace

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string bar_chart(const std::string& title,
                      const std::vector<std::string>& series,
                      const std::vector<Bar>& bars,
                      const std::vector<std::string>& colours) {
    const int per_series = k_bar_height + 2;
    const int row = std::max<int>(24, per_series * static_cast<int>(series.size()) + 8);
    const int height = k_top + row * static_cast<int>(std::max<std::size_t>(bars.size(), 1)) + 8;
    std::int64_t max = 1;
    for (const auto& b : bars) {
        for (const auto v : b.values) {
            max = std::max(max, v);
        }
    }
    std::string out = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" aria-label="{2}">)"
        R"(<text x="0" y="16" class="chart-title">{2}</text>)",
        k_width,
        height,
        xml_escape(title));
    if (series.size() > 1) {
        out += legend(series, colours);
    }
    if (bars.empty()) {
        out += fmt::format(
            R"(<text x="{}" y="{}" class="legend">无数据</text>)", k_label_width, k_top + 16);
    }
    int y = k_top;
    for (const auto& b : bars) {
        out += fmt::format(R"(<text x="{}" y="{}" class="label" text-anchor="end">{}</text>)",
                           k_label_width - 8,
                           y + 12,
                           xml_escape(b.label));
        int end = 0;
        for (std::size_t i = 0; i < b.values.size(); ++i) {
            const auto w = static_cast<int>(b.values[i] * k_bar_space / max);
            out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)",
                               k_label_width,
                               y + static_cast<int>(i) * per_series,
                               w,
                               k_bar_height,
                               colours[i % colours.size()]);
            end = std::max(end, w);
        }
        out += fmt::format(R"(<text x="{}" y="{}" class="value">{}</text>)",
                           k_label_width + end + 6,
                           y + 12,
                           xml_escape(b.text));
        y += row;
    }
    return out + "</svg>";
}

} // namespace hujing::reports
