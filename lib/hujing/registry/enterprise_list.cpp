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

std::string scale_display(std::string_view code) {
    return scale_label(code);
}

// The number of UTF-8 code points in `text` (continuation bytes not counted).
std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

// The position of `key` in enterprise_columns().
std::size_t column_index(std::string_view key) {
    static const auto columns = enterprise_columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key) {
            return i;
        }
    }
    return columns.size();
}

std::vector<SortKey> enterprise_sort_keys() {
    return {{"id", "e.id"},
            {"uscc", "e.uscc"},
            {"name", "e.name"},
            {"town", "e.town"},
            {"industry", "e.industry"},
            {"industry_code", "e.industry_code"},
            {"scale", "e.scale"},
            {"legal_rep", "e.legal_rep"},
            {"address", "e.address"},
            {"credit_grade", "e.credit_grade"},
            {"created_at", "e.created_at"},
            {"updated_at", "e.updated_at"}};
}

// The listing's SELECT; the list columns not `needed` are NULL (not computed).
std::string enterprise_select(const std::vector<bool>& needed) {
    auto need = [&](std::string_view key) { return needed[column_index(key)]; };
    return fmt::format(
        "SELECT e.id, e.uscc, e.name, e.town, e.industry, e.industry_code, e.scale, e.legal_rep,"
        " e.phone, e.address, e.credit_grade, {}, {}, {}, e.created_at, e.updated_at"
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

// Fill `row` from the current row of `q`: columns not `needed` and NULLs are null.
void read_row(SQLite::Statement& q,
              const std::vector<output::Column>& columns,
              const std::vector<bool>& needed,
              bool reveal,
              output::Row& row) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int c = static_cast<int>(i);
        if (!needed[i] || q.isColumnNull(c)) {
            row[i] = std::monostate{};
        } else if (i == 0) {
            row[i] = q.getColumn(c).getInt64();
        } else if (columns[i].kind == output::Kind::list) {
            row[i] = util::split(q.getColumn(c).getString(), ';');
        } else if (columns[i].key == "phone") {
            row[i] = masked_phone(q.getColumn(c).getString(), reveal);
        } else {
            row[i] = q.getColumn(c).getString();
        }
    }
}

} // namespace

std::vector<output::Column> enterprise_columns() {
    using output::Column;
    using output::Kind;
    return {
        Column{"id", "编号", Kind::integer, {}, true},
        Column{"uscc", "统一社会信用代码", Kind::text},
        Column{"name", "名称", Kind::text},
        Column{"town", "镇街", Kind::text},
        Column{"industry", "行业", Kind::text},
        Column{"industry_code", "行业代码", Kind::text},
        Column{"scale", "规模", Kind::text, scale_display},
        Column{"legal_rep", "法定代表人", Kind::text},
        Column{"phone", "电话", Kind::text},
        Column{"address", "地址", Kind::text},
        Column{"credit_grade", "信用等级", Kind::text},
        Column{"tags", "标签", Kind::list},
        Column{"sectors", "监管行业", Kind::list},
        Column{"officers", "责任民警", Kind::list},
        Column{"created_at", "登记时间", Kind::text},
        Column{"updated_at", "更新时间", Kind::text},
    };
}

const std::vector<std::string>& enterprise_default_fields() {
    static const std::vector<std::string> fields = {
        "id", "uscc", "name", "town", "industry", "scale", "credit_grade", "tags"};
    return fields;
}

void list_enterprises(storage::Database& db,
                      const EnterpriseQuery& query,
                      const std::vector<std::string>& fields,
                      bool reveal,
                      output::RowWriter& writer) {
    const auto columns = enterprise_columns();
    std::vector<bool> needed(columns.size(), false);
    for (const auto& f : fields) {
        const auto i = column_index(f);
        if (i < columns.size()) {
            needed[i] = true;
        }
    }
    ListQuery list(enterprise_select(needed), enterprise_sort_keys(), "e.id");
    add_filters(list, db, query);
    output::Row row(columns.size());
    list.run(db, ListPaging{query.limit, query.offset, query.sort}, [&](SQLite::Statement& q) {
        read_row(q, columns, needed, reveal, row);
        writer.row(row);
    });
}

} // namespace hujing::domain
