// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <unordered_map>

namespace hujing::domain {

namespace {

struct Index {
    std::vector<Division> all;
    // input name → (division index, former name or empty)
    std::unordered_map<std::string, std::pair<std::size_t, std::string>> names;
};

std::string_view strip_suffix(std::string_view name) {
    for (std::string_view suffix : {"街道", "镇", "乡"}) {
        if (name.size() > suffix.size() && name.ends_with(suffix)) {
            return name.substr(0, name.size() - suffix.size());
        }
    }
    return name;
}

void add_name(Index& index,
              const std::string& name,
              std::size_t division,
              const std::string& former) {
    index.names.emplace(name, std::make_pair(division, former));
    const auto bare = std::string(strip_suffix(name));
    if (bare != name) {
        index.names.emplace(bare, std::make_pair(division, former));
    }
}

Index load() {
    const auto file = data_file("schemas/divisions.yaml");
    Index index;
    try {
        const YAML::Node root = YAML::Load(file.bytes);
        for (const auto& node : root["divisions"]) {
            Division d;
            d.name = node["name"].as<std::string>();
            d.kind = node["kind"].as<std::string>();
            if (!k_division_kinds.contains(d.kind)) {
                throw Error(Exit::invalid,
                            fmt::format("镇街类型无效: {} ({})", d.kind, d.name),
                            "可用: subdistrict、town、township",
                            SourceLocation{file.path, node.Mark().line + 1, 0});
            }
            if (node["former"]) {
                for (const auto& former : node["former"]) {
                    d.former.push_back(former.as<std::string>());
                }
            }
            index.all.push_back(std::move(d));
        }
    } catch (const YAML::Exception& e) {
        throw Error(Exit::invalid,
                    "镇街文件格式错误: " + e.msg,
                    {},
                    SourceLocation{file.path, e.mark.line + 1, e.mark.column + 1});
    }
    // Current names first, so a current name always wins over a former one.
    for (std::size_t i = 0; i < index.all.size(); ++i) {
        add_name(index, index.all[i].name, i, {});
    }
    for (std::size_t i = 0; i < index.all.size(); ++i) {
        for (const auto& former : index.all[i].former) {
            add_name(index, former, i, former);
        }
    }
    return index;
}

const Index& index() {
    static const Index loaded = load();
    return loaded;
}

} // namespace

const std::vector<Division>& divisions() {
    return index().all;
}

std::string division_kind_label(std::string_view kind) {
    return k_division_kinds.label(kind);
}

std::optional<TownMatch> find_town(std::string_view text) {
    auto name = util::trim(text);
    for (std::string_view prefix : {"浙江省", "绍兴市", "诸暨市"}) {
        if (name.starts_with(prefix)) {
            name = util::trim(name.substr(prefix.size()));
        }
    }
    const auto& idx = index();
    const auto it = idx.names.find(std::string(name));
    if (it == idx.names.end()) {
        return std::nullopt;
    }
    TownMatch match{idx.all[it->second.first].name, std::nullopt};
    if (!it->second.second.empty()) {
        match.former = it->second.second;
    }
    return match;
}

TownMatch resolve_town(std::string_view text) {
    if (auto match = find_town(text)) {
        return *match;
    }
    throw_invalid(fmt::format("镇街无效: {}", text), "用 hujing enterprise towns 查看可用的镇街");
}

} // namespace hujing::domain
