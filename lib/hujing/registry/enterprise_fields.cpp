// SPDX-License-Identifier: GPL-3.0-or-later
// Validation and normalisation of the registry fields.
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/registry/risk.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/pii.hpp>
#include <hujing/util/text.hpp>
#include <hujing/util/uscc.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <variant>

namespace hujing::domain {

namespace {

bool has_control(std::string_view text, bool allow_newline) {
    return std::any_of(text.begin(), text.end(), [allow_newline](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (allow_newline && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return u < 0x20 || u == 0x7f;
    });
}

// Trim an optional text; empty → nullopt.
void clean(std::optional<std::string>& value) {
    if (value) {
        const auto t = util::trim(*value);
        if (t.empty()) {
            value.reset();
        } else if (t.size() != value->size()) {
            *value = std::string(t);
        }
    }
}

void check_text(const std::optional<std::string>& value, const char* what, bool allow_newline) {
    if (value && has_control(*value, allow_newline)) {
        throw_invalid(fmt::format("{}含控制字符", what));
    }
}

void check_tag(std::string_view tag) {
    if (has_control(tag, false)) {
        throw_invalid(fmt::format("标签含控制字符: {}", tag));
    }
    if (tag.size() > 60) {
        throw_invalid(fmt::format("标签过长: {}", tag), "每个标签不超过 20 个汉字");
    }
}

} // namespace

const std::vector<std::string>& enterprise_sectors() {
    static const std::vector<std::string> sectors = k_sectors.codes();
    return sectors;
}

const std::vector<std::string>& credit_grades() {
    static const std::vector<std::string> grades = k_credit_grades.codes();
    return grades;
}

std::string parse_scale(std::string_view text) {
    const auto t = util::trim(text);
    if (t == "above" || t == "规上" || t == "规模以上") {
        return "above";
    }
    if (t == "below" || t == "规下" || t == "规模以下") {
        return "below";
    }
    throw_invalid(fmt::format("规模无效: {}", text), "可用: above (规上)、below (规下)");
}

std::string scale_label(std::string_view code) {
    return k_scales.label(code);
}

std::string parse_credit_grade(std::string_view text) {
    const auto t = util::trim(text);
    if (t.size() == 1) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
        if (c >= 'A' && c <= 'D') {
            return std::string(1, c);
        }
    }
    throw_invalid(fmt::format("信用等级无效: {}", text), "可用: A、B、C、D");
}

std::string normalize_uscc(std::string_view text) {
    return util::validate_uscc(util::trim(text));
}

void check_industry_code(std::string_view code) {
    const bool digits = code.size() == 4 && std::all_of(code.begin(), code.end(), [](char c) {
                            return c >= '0' && c <= '9';
                        });
    if (!digits || code.starts_with("00") || code.starts_with("98") || code.starts_with("99")) {
        throw_invalid(fmt::format("行业代码无效: {}", code),
                      "应为 GB/T 4754-2017 的 4 位小类代码，如 1830");
    }
}

void check_sector(std::string_view sector) {
    const auto& all = enterprise_sectors();
    if (std::find(all.begin(), all.end(), sector) == all.end()) {
        throw_invalid(fmt::format("行业类别无效: {}", sector), "可用: " + util::join(all, ","));
    }
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    auto push = [&](std::string_view part) {
        const auto t = util::trim(part);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) {
            out.emplace_back(t);
        }
    };
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 0;
        if (text[i] == ';' || text[i] == ',') {
            len = 1;
        } else if (text.substr(i, 3) == "；" || text.substr(i, 3) == "，") {
            len = 3;
        }
        if (len > 0) {
            push(text.substr(start, i - start));
            i += len;
            start = i;
        } else {
            ++i;
        }
    }
    push(text.substr(start));
    return out;
}

std::optional<std::string> normalize_enterprise(EnterpriseData& d) {
    d.uscc = normalize_uscc(d.uscc);
    const auto name = util::trim(d.name);
    if (name.empty()) {
        throw_invalid("企业名称不能为空");
    }
    if (name.size() != d.name.size()) {
        d.name = std::string(name);
    }
    check_text(d.name, "企业名称", false);
    for (auto* field :
         {&d.town, &d.industry, &d.industry_code, &d.scale, &d.legal_rep, &d.phone, &d.address}) {
        clean(*field);
    }
    check_text(d.industry, "行业", false);
    check_text(d.legal_rep, "法定代表人", false);
    check_text(d.address, "地址", true);
    std::optional<std::string> former;
    if (d.town) {
        auto match = resolve_town(*d.town);
        d.town = std::move(match.name);
        former = std::move(match.former);
    }
    if (d.industry_code) {
        check_industry_code(*d.industry_code);
    }
    if (d.scale) {
        d.scale = parse_scale(*d.scale);
    }
    if (d.phone) {
        util::check_phone(*d.phone);
    }
    std::vector<std::string> tags;
    for (const auto& tag : d.tags) {
        for (auto& t : split_list(tag)) {
            check_tag(t);
            if (std::find(tags.begin(), tags.end(), t) == tags.end()) {
                tags.push_back(std::move(t));
            }
        }
    }
    d.tags = std::move(tags);
    std::vector<std::string> sectors;
    for (const auto& sector : d.sectors) {
        for (auto& s : split_list(sector)) {
            check_sector(s);
            if (std::find(sectors.begin(), sectors.end(), s) == sectors.end()) {
                sectors.push_back(std::move(s));
            }
        }
    }
    d.sectors = std::move(sectors);
    return former;
}

} // namespace hujing::domain
