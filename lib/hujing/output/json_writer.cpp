// SPDX-License-Identifier: GPL-3.0-or-later
// json (one array, two-space indent, streamed) and jsonl (one compact object per line).
#include <hujing/output/detail.hpp>

#include <array>

namespace hujing::output {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

// The length of the well-formed UTF-8 sequence starting with a non-ASCII byte at `at`, or 0
// (overlong forms, surrogates and code points above U+10FFFF are not well-formed).
std::size_t utf8_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) {
        return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0U;
    };
    const unsigned lead = byte(0);
    unsigned low = 0x80;
    unsigned high = 0xBF;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (!is_continuation(static_cast<unsigned char>(byte(i)))) {
            return 0;
        }
    }
    return length;
}

void append_escaped_control(std::string& out, unsigned char c) {
    switch (c) {
    case '\b':
        out += "\\b";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\r':
        out += "\\r";
        return;
    default:
        break;
    }
    constexpr std::string_view k_hex = "0123456789abcdef";
    out += "\\u00";
    out += k_hex[c >> 4U];
    out += k_hex[c & 0xFU];
}

// Append `dumped` (JSON text from nlohmann) with `indent` spaces after every line break.
void append_reindented(std::string& out, std::string_view dumped, std::size_t indent) {
    std::size_t start = 0;
    for (std::size_t nl = dumped.find('\n'); nl != std::string_view::npos;
         nl = dumped.find('\n', start)) {
        out.append(dumped.substr(start, nl + 1 - start));
        out.append(indent, ' ');
        start = nl + 1;
    }
    out.append(dumped.substr(start));
}

void append_embedded_json(std::string& out,
                          const std::string& raw,
                          detail::JsonStyle style,
                          std::size_t indent) {
    // ordered_json keeps the document's own key order
    const auto parsed = nlohmann::ordered_json::parse(raw, nullptr, false);
    if (parsed.is_discarded()) {
        detail::append_json_string(out, raw); // not JSON after all: keep it as text
        return;
    }
    const int dump_indent = style == detail::JsonStyle::pretty ? 2 : -1;
    append_reindented(
        out,
        parsed.dump(dump_indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
        indent);
}

class JsonWriter final : public RowWriter {
public:
    JsonWriter(detail::WriterSetup setup, detail::JsonStyle style)
        : m_columns(std::move(setup.columns)),
          m_fields(std::move(setup.fields)),
          m_style(style),
          m_out(setup.out, setup.options.pager) {
        const bool pretty = style == detail::JsonStyle::pretty;
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            std::string prefix;
            if (i > 0) {
                prefix += ',';
            }
            if (pretty) {
                prefix += "\n    ";
            }
            detail::append_json_string(prefix, m_columns[m_fields[i]].key);
            prefix += pretty ? ": " : ":";
            m_prefixes.push_back(std::move(prefix));
        }
        m_open = pretty ? "  {" : "{";
        m_close = pretty && !m_fields.empty() ? "\n  }" : "}";
    }

    void row(const Row& values) override {
        detail::check_row_size(values, m_columns.size());
        auto& text = m_out.text();
        if (m_style == detail::JsonStyle::pretty) {
            text += m_rows == 0 ? "[\n" : ",\n";
        }
        text += m_open;
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const auto index = m_fields[i];
            text += m_prefixes[i];
            detail::append_json_value(
                text, values[index], m_columns[index].kind, m_style, k_member_indent);
        }
        text += m_close;
        if (m_style == detail::JsonStyle::compact) {
            text += '\n';
        }
        ++m_rows;
        m_out.maybe_flush();
    }

    void finish() override {
        if (m_style == detail::JsonStyle::pretty) {
            m_out.text() += m_rows == 0 ? "[]\n" : "\n]\n";
        }
        m_out.flush();
    }

private:
    static constexpr std::size_t k_member_indent = 4; // object inside the top-level array

    std::vector<Column> m_columns;
    std::vector<std::size_t> m_fields;
    detail::JsonStyle m_style;
    detail::OutBuffer m_out;
    std::vector<std::string> m_prefixes; // `,"key":` per field
    std::string m_open;
    std::string m_close;
    std::size_t m_rows = 0;
};

} // namespace

nlohmann::json to_json(const Value& value, Kind kind) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        if (kind == Kind::json) {
            auto parsed = nlohmann::json::parse(*text, nullptr, false);
            if (!parsed.is_discarded()) {
                return parsed;
            }
        }
        return *text;
    }
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (kind != Kind::money) {
            return *number;
        }
        if (*number % 100 == 0) {
            return *number / 100;
        }
        // fen and 100 are exact doubles, so the quotient is the double nearest to the exact
        // amount; its shortest round-trip form is the amount itself.
        return static_cast<double>(*number) / 100.0;
    }
    if (const auto* flag = std::get_if<bool>(&value)) {
        return *flag;
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        return *list;
    }
    return nullptr;
}

namespace detail {

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t i = 0;
    std::size_t run = 0; // start of the bytes not yet copied
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const auto length = utf8_length(text, i);
            if (length > 0) {
                i += length;
                continue;
            }
        }
        out.append(text.substr(run, i - run));
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            append_escaped_control(out, c);
        } else {
            out += k_replacement;
        }
        ++i;
        run = i;
    }
    out.append(text.substr(run));
    out += '"';
}

void append_json_value(
    std::string& out, const Value& value, Kind kind, JsonStyle style, std::size_t indent) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        if (kind == Kind::json) {
            append_embedded_json(out, *text, style, indent);
        } else {
            append_json_string(out, *text);
        }
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (kind == Kind::money) {
            append_yuan_number(out, *number);
        } else {
            append_integer(out, *number);
        }
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        out += *flag ? "true" : "false";
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        if (list->empty()) {
            out += "[]";
            return;
        }
        const bool pretty = style == JsonStyle::pretty;
        out += '[';
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            if (pretty) {
                out += '\n';
                out.append(indent + 2, ' ');
            }
            append_json_string(out, (*list)[i]);
        }
        if (pretty) {
            out += '\n';
            out.append(indent, ' ');
        }
        out += ']';
    } else {
        out += "null";
    }
}

std::unique_ptr<RowWriter> make_json_writer(WriterSetup setup, JsonStyle style) {
    return std::make_unique<JsonWriter>(std::move(setup), style);
}

} // namespace detail

} // namespace hujing::output
