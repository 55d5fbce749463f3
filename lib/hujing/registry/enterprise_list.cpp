// SPDX-License-Identifier: GPL-3.0-or-later
// `enterprise list`: the registry listing.
#include "enterprise_detail.hpp"

#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/util/uscc.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <variant>

namespace hujing::domain {

namespace {

// The number of UTF-8 code points in `text` (continuation bytes not counted).
std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

// The listing's SELECT; the lists not in `fields` are NULL (not computed).
std::string enterprise_select(const std::vector<std::string>& fields) {
    auto need = [&](std::string_view key) {
        return std::find(fields.begin(), fields.end(), key) != fields.end();
    };
    return fmt::format(
        "SELECT e.id, e.uscc, e.name, e.town, e.industry, e.industry_code, e.scale, e.legal_rep,"
        " e.phone, e.address, e.credit_grade, e.created_at, e.updated_at, {}, {}, {}"
        " FROM enterprise e",
        need("tags") ? "(SELECT group_concat(tag, ';') FROM enterprise_tag t"
                       " WHERE t.enterprise_id = e.id)"
                     : "NULL",
        need("sectors") ? "(SELECT group_concat(sector, ';') FROM enterprise_sector s"
                          " WHERE s.enterprise_id = e.id)"
                        : "NULL",
        need("officers") ? "(SELECT group_concat(o.badge, ';') FROM enterprise_officer a"
                           " JOIN officer o ON o.id = a.officer_id WHERE a.enterprise_id = e.id)"
                         : "NULL");
}

// A `;`-joined list column; NULL is the empty list.
std::vector<std::string> list_column(SQLite::Statement& q, int column) {
    return q.isColumnNull(column) ? std::vector<std::string>{}
                                  : util::split(q.getColumn(column).getString(), ';');
}

// The enterprise of the current row of enterprise_select().
Enterprise read_listed(SQLite::Statement& q) {
    Enterprise e = read_enterprise_row(q);
    e.data.tags = list_column(q, 13);
    e.data.sectors = list_column(q, 14);
    e.officers = list_column(q, 15);
    return e;
}

// --search: a phrase of the trigram index from three characters on, else a substring test.
void add_search(ListQuery& list, const std::string& text) {
    if (utf8_length(text) >= 3) {
        // A phrase of the trigram index: quotes doubled inside the double-quoted string.
        std::string phrase = "\"";
        for (char c : text) {
            phrase += c;
            if (c == '"') {
                phrase += '"';
            }
        }
        phrase += '"';
        list.add("e.id IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?)",
                 {std::move(phrase)});
    } else {
        // Under three characters the trigram index cannot help; instr() is an exact,
        // case-sensitive substring test like the index (no LIKE wildcards to escape).
        list.add("(instr(e.name, ?) > 0 OR instr(e.address, ?) > 0)", {text, text});
    }
}

// The filters on the enterprise's own columns and lists.
void add_field_filters(ListQuery& list, const EnterpriseQuery& query) {
    if (query.town) {
        list.add("e.town = ?", {resolve_town(*query.town).name});
    }
    if (query.industry) {
        list.add("e.industry = ?", {std::string(util::trim(*query.industry))});
    }
    if (query.tag) {
        list.add("e.id IN (SELECT enterprise_id FROM enterprise_tag WHERE tag = ?)",
                 {std::string(util::trim(*query.tag))});
    }
    if (query.sector) {
        check_sector(*query.sector);
        list.add("e.id IN (SELECT enterprise_id FROM enterprise_sector WHERE sector = ?)",
                 {*query.sector});
    }
    if (query.credit) {
        if (util::trim(*query.credit) == "none") {
            list.add("e.credit_grade IS NULL");
        } else {
            list.add("e.credit_grade = ?", {parse_credit_grade(*query.credit)});
        }
    }
    if (query.scale) {
        list.add("e.scale = ?", {parse_scale(*query.scale)});
    }
}

// Every filter of `query`, in the order they were documented.
void add_filters(ListQuery& list, storage::Database& db, const EnterpriseQuery& query) {
    add_field_filters(list, query);
    if (query.officer) {
        const auto officer = get_officer(db, *query.officer);
        list.add("e.id IN (SELECT enterprise_id FROM enterprise_officer WHERE officer_id = ?)",
                 {officer.id});
    }
    if (query.risk) {
        if (util::trim(*query.risk) == "any") {
            list.add("e.id IN (SELECT enterprise_id FROM risk WHERE closed IS NULL)");
        } else {
            list.add("e.id IN (SELECT enterprise_id FROM risk WHERE closed IS NULL AND level = ?)",
                     {parse_risk_level(*query.risk)});
        }
    }
    if (query.search) {
        add_search(list, *query.search);
    }
}

} // namespace

std::vector<output::Column> enterprise_columns() {
    return enterprise_view(false).columns();
}

const std::vector<std::string>& enterprise_default_fields() {
    static const std::vector<std::string> fields = enterprise_view(false).defaults();
    return fields;
}

void list_enterprises(storage::Database& db,
                      const EnterpriseQuery& query,
                      const std::vector<std::string>& fields,
                      bool reveal,
                      output::RowWriter& writer) {
    const auto view = enterprise_view(reveal);
    ListQuery list(enterprise_select(fields), storage::sort_keys(view), "e.id");
    add_filters(list, db, query);
    // The lists left out of the SELECT are null in each row, not empty.
    std::vector<std::size_t> skipped;
    const auto keys = view.keys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const bool lazy = keys[i] == "tags" || keys[i] == "sectors" || keys[i] == "officers";
        if (lazy && std::find(fields.begin(), fields.end(), keys[i]) == fields.end()) {
            skipped.push_back(i);
        }
    }
    list.run(db, ListPaging{query.limit, query.offset, query.sort}, [&](SQLite::Statement& q) {
        auto row = view.row(read_listed(q));
        for (const auto i : skipped) {
            row[i] = std::monostate{};
        }
        writer.row(row);
    });
}

} // namespace hujing::domain
