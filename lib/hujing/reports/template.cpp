// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/reports/template.hpp>

#include <kainjow/mustache.hpp>

namespace hujing::reports {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data to_data(const nlohmann::json& j) {
    if (j.is_object()) {
        data out{data::type::object};
        for (const auto& [key, value] : j.items()) {
            out.set(key, to_data(value));
        }
        return out;
    }
    if (j.is_array()) {
        data out{data::type::list};
        for (const auto& value : j) {
            out.push_back(to_data(value));
        }
        return out;
    }
    if (j.is_string()) {
        return data{j.get<std::string>()};
    }
    if (j.is_boolean()) {
        return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
    }
    if (j.is_null()) {
        return data{data::type::bool_false};
    }
    return data{j.dump()}; // numbers as JSON writes them
}

} // namespace

std::optional<std::string> template_error(const std::string& text) {
    mustache tmpl{text};
    if (tmpl.is_valid()) {
        return std::nullopt;
    }
    return tmpl.error_message();
}

std::string render_template(const std::string& text,
                            const std::string& name,
                            const nlohmann::json& data,
                            Escape escape) {
    mustache tmpl{text};
    if (!tmpl.is_valid()) {
        throw Error(Exit::invalid,
                    "模板有错误: " + name + ": " + tmpl.error_message(),
                    "修正模板后重试（Mustache 语法）");
    }
    if (escape == Escape::none) {
        tmpl.set_custom_escape([](const std::string& s) { return s; });
    }
    auto out = tmpl.render(to_data(data));
    if (!tmpl.is_valid()) {
        throw Error(Exit::invalid, "模板无法渲染: " + name + ": " + tmpl.error_message());
    }
    return out;
}

std::string render_file(const std::string& path, const nlohmann::json& data, Escape escape) {
    const auto file = data_file(path);
    return render_template(file.bytes, file.path, data, escape);
}

} // namespace hujing::reports
