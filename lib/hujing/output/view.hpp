// SPDX-License-Identifier: GPL-3.0-or-later
// Record views: each record type declares its fields once — key, Chinese label, kind, how to
// read the value from the struct — and that one declaration gives the table columns, the
// csv/tsv header, the json keys and the --fields names.
#pragma once

#include <hujing/error.hpp>
#include <hujing/output/table.hpp>
#include <hujing/output/writer.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace hujing::output {

// One field of a record of type `T`.
template <typename T>
struct Field {
    std::string key;   // csv/tsv header, json key, --fields and --sort name
    std::string label; // table header, `show` label
    Kind kind = Kind::text;
    std::function<Value(const T&)> get;
    std::string sort = {}; // the SQL expression `--sort key` orders by; empty: not sortable
    std::function<std::string(std::string_view)> display = {}; // code → label for people
    std::function<Tone(const Value&)> tone = {}; // how the value colours its row in a table
};

// The declared fields of `T` and the keys a table or csv shows without --fields.
template <typename T>
class View {
public:
    explicit View(std::vector<Field<T>> fields, std::vector<std::string> defaults = {})
        : m_fields(std::move(fields)),
          m_defaults(std::move(defaults)) {}

    [[nodiscard]] const std::vector<Field<T>>& fields() const {
        return m_fields;
    }

    // The keys shown without --fields by table, csv, tsv and xlsx (json shows every field).
    [[nodiscard]] const std::vector<std::string>& defaults() const {
        return m_defaults;
    }

    // The fields named by `keys`, in that order (a part of a `show` page or of the enterprise
    // file shows fewer); a key not declared is Exit::internal.
    [[nodiscard]] View only(const std::vector<std::string>& keys) const {
        std::vector<Field<T>> out;
        out.reserve(keys.size());
        for (const auto& key : keys) {
            const auto it = std::find_if(
                m_fields.begin(), m_fields.end(), [&](const auto& f) { return f.key == key; });
            if (it == m_fields.end()) {
                throw Error(Exit::internal, "未声明的字段: " + key);
            }
            out.push_back(*it);
        }
        auto defaults = kept_defaults(out);
        return View(std::move(out), std::move(defaults));
    }

    // The columns of a listing, one per field, in declaration order.
    [[nodiscard]] std::vector<Column> columns() const {
        std::vector<Column> out;
        out.reserve(m_fields.size());
        for (const auto& f : m_fields) {
            out.push_back(Column{f.key, f.label, f.kind, f.display, false, f.tone});
        }
        return out;
    }

    // The keys of every field, in order.
    [[nodiscard]] std::vector<std::string> keys() const {
        std::vector<std::string> out;
        out.reserve(m_fields.size());
        for (const auto& f : m_fields) {
            out.push_back(f.key);
        }
        return out;
    }

    // The view without the fields `keys`.
    [[nodiscard]] View without(const std::vector<std::string>& keys) const {
        std::vector<Field<T>> fields;
        for (const auto& f : m_fields) {
            if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) {
                fields.push_back(f);
            }
        }
        auto defaults = kept_defaults(fields);
        return View(std::move(fields), std::move(defaults));
    }

    // The view of the default fields (every field when there are no defaults): what a
    // table shows.
    [[nodiscard]] View shown() const {
        return m_defaults.empty() ? *this : only(m_defaults);
    }

    // The values of `record`, one per column.
    [[nodiscard]] Row row(const T& record) const {
        Row out;
        out.reserve(m_fields.size());
        for (const auto& f : m_fields) {
            out.push_back(f.get(record));
        }
        return out;
    }

    // `record` as one JSON object with every field (the same values as row()).
    [[nodiscard]] nlohmann::json json(const T& record) const {
        auto out = nlohmann::json::object();
        for (const auto& f : m_fields) {
            out[f.key] = to_json(f.get(record), f.kind);
        }
        return out;
    }

    // `record` as the "label: value" section of a `show` page, titled `title`.
    [[nodiscard]] Section section(const T& record, std::string title = {}) const {
        return Section{std::move(title), columns(), row(record), std::nullopt};
    }

    // `records` as a sub-table of a `show` page.
    template <typename Range>
    [[nodiscard]] Table table(const Range& records) const {
        Table out{columns(), {}};
        for (const auto& r : records) {
            out.rows.push_back(row(r));
        }
        return out;
    }

    // `records` as a JSON array of objects.
    template <typename Range>
    [[nodiscard]] nlohmann::json json_array(const Range& records) const {
        auto out = nlohmann::json::array();
        for (const auto& r : records) {
            out.push_back(json(r));
        }
        return out;
    }

private:
    [[nodiscard]] std::vector<std::string>
    kept_defaults(const std::vector<Field<T>>& fields) const {
        std::vector<std::string> out;
        for (const auto& key : m_defaults) {
            if (std::any_of(
                    fields.begin(), fields.end(), [&](const auto& f) { return f.key == key; })) {
                out.push_back(key);
            }
        }
        return out;
    }

    std::vector<Field<T>> m_fields;
    std::vector<std::string> m_defaults;
};

// A tone for a boolean field: `tone` when the value is true (an overdue demand).
inline std::function<Tone(const Value&)> tone_if_true(Tone tone) {
    return [tone](const Value& value) {
        const auto* flag = std::get_if<bool>(&value);
        return flag != nullptr && *flag ? tone : Tone::plain;
    };
}

template <typename V>
inline constexpr bool k_is_optional = false;

template <typename V>
inline constexpr bool k_is_optional<std::optional<V>> = true;

// A nullable value from an optional.
template <typename V>
Value nullable(const std::optional<V>& value) {
    return value ? Value(*value) : Value{};
}

// A getter reading the data member `field` of a `T`; an empty optional member reads as null.
template <typename T, typename M>
std::function<Value(const T&)> member(M T::*field) {
    return [field](const T& record) -> Value {
        if constexpr (k_is_optional<M>) {
            return nullable(record.*field);
        } else {
            return Value(record.*field);
        }
    };
}

} // namespace hujing::output
