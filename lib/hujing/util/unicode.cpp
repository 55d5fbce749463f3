// SPDX-License-Identifier: GPL-3.0-or-later
// The display-width and UTF-8 parts of <hujing/util/text.hpp>, over utf8proc.
#include <hujing/util/text.hpp>

#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace hujing::util {

namespace {

// Decode one code point at `offset`; returns its byte length, or -1 when invalid.
utf8proc_ssize_t decode(std::string_view text, std::size_t offset, utf8proc_int32_t* cp) {
    // utf8proc takes bytes as uint8_t; char and unsigned char may alias anything.
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
                            static_cast<utf8proc_ssize_t>(text.size() - offset),
                            cp);
}

int char_width(utf8proc_int32_t cp) {
    if (cp == '\t') {
        return 1;
    }
    return utf8proc_charwidth(cp);
}

} // namespace

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) {
    std::size_t i = 0;
    while (i < text.size()) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, sizeof word);
            if ((word & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += 8;
        }
        if (i >= text.size()) {
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n = decode(text, i, &cp);
        if (n <= 0) {
            if (bad_offset != nullptr) {
                *bad_offset = i;
            }
            return false;
        }
        i += static_cast<std::size_t>(n);
    }
    return true;
}

int display_width(std::string_view text) {
    int width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = decode(text, i, &cp);
        if (n <= 0) {
            ++width; // an invalid byte shows as one replacement column
            ++i;
            continue;
        }
        width += char_width(cp);
        i += static_cast<std::size_t>(n);
    }
    return width;
}

std::string truncate_to_width(std::string_view text, int width) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    if (width <= 0) {
        return {};
    }
    const int budget = width - 1; // room for the ellipsis
    int used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        auto n = decode(text, i, &cp);
        int w = 1;
        if (n <= 0) {
            n = 1;
        } else {
            w = char_width(cp);
        }
        if (used + w > budget) {
            break;
        }
        used += w;
        i += static_cast<std::size_t>(n);
    }
    return std::string(text.substr(0, i)) + "…";
}

namespace {

// One character of a text being wrapped: its bytes and its display width.
struct Glyph {
    std::size_t start;
    std::size_t size;
    int width;
};

std::vector<Glyph> glyphs_of(std::string_view text) {
    std::vector<Glyph> out;
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        auto n = decode(text, i, &cp);
        int w = 1;
        if (n <= 0) {
            n = 1;
        } else {
            w = char_width(cp);
        }
        out.push_back(Glyph{i, static_cast<std::size_t>(n), w});
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::string trimmed_line(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) {
        return {};
    }
    return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

} // namespace

std::vector<std::string> wrap_to_width(std::string_view text, int width) {
    const auto glyphs = glyphs_of(text);
    std::vector<std::string> lines;
    std::size_t begin = 0; // first glyph of the current line
    while (begin < glyphs.size()) {
        int used = 0;
        std::size_t end = begin;
        std::size_t last_blank = 0; // glyph index after a blank that fits, 0: none
        while (end < glyphs.size() && (end == begin || used + glyphs[end].width <= width)) {
            used += glyphs[end].width;
            if (text[glyphs[end].start] == ' ') {
                last_blank = end + 1;
            }
            ++end;
        }
        // Break after the last blank only when the word it would split is ASCII.
        if (end < glyphs.size() && last_blank > begin && glyphs[end].size == 1
            && text[glyphs[end].start] != ' ' && glyphs[end - 1].size == 1) {
            end = last_blank;
        }
        const auto from = glyphs[begin].start;
        const auto to = end < glyphs.size() ? glyphs[end].start : text.size();
        lines.push_back(trimmed_line(text.substr(from, to - from)));
        begin = end;
        while (begin < glyphs.size() && text[glyphs[begin].start] == ' ') {
            ++begin;
        }
    }
    if (lines.empty()) {
        lines.emplace_back();
    }
    return lines;
}

} // namespace hujing::util
