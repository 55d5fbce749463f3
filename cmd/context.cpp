// SPDX-License-Identifier: GPL-3.0-or-later
#include "context.hpp"

#include <hujing/error.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace hujing::cli {

namespace {

std::string login_name() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return pw->pw_name;
    }
    for (const char* var : {"LOGNAME", "USER"}) {
        if (const char* v = std::getenv(var); v != nullptr && *v != '\0') {
            return v;
        }
    }
    return "unknown";
}

} // namespace

storage::Actor Context::actor() const {
    auto user = login_name();
    return storage::Actor{user, command_line, user, std::nullopt};
}

void Context::identify_officer() {
    const auto& badge = globals.actor;
    const std::string hint = "用 --as 警号 或环境变量 HUJING_OFFICER 指明已登记的在职民警";
    if (badge.empty()) {
        if (casework) {
            throw Error(Exit::not_found, "未指明操作民警", hint);
        }
        return;
    }
    const auto officer = domain::find_officer(*m_db, badge);
    if (officer && officer->active) {
        m_db->set_officer(officer->id, officer->badge);
        return;
    }
    if (!casework) {
        return; // organisation set-up acts as the operating-system user
    }
    if (officer) {
        throw Error(Exit::not_found, fmt::format("操作民警 {} 已停用", badge), hint);
    }
    throw Error(Exit::not_found, fmt::format("操作民警未登记: {}", badge), hint);
}

storage::Database& Context::db() {
    if (!m_db) {
        m_db = storage::Database::open(globals.db_path, actor());
    }
    return *m_db;
}

storage::Database& Context::create_db() {
    if (!m_db) {
        m_db = storage::Database::create(globals.db_path, actor());
    }
    return *m_db;
}

util::Date Context::today() const {
    if (globals.today.empty()) {
        return util::system_today();
    }
    const auto date = util::parse_iso_date(globals.today);
    if (!date) {
        throw Error(Exit::invalid, "--today 日期无效: " + globals.today, "格式为 YYYY-MM-DD");
    }
    return *date;
}

output::OutputOptions Context::output() const {
    output::OutputOptions options;
    if (!globals.format.empty()) {
        options.format = output::parse_format(globals.format);
    }
    if (!globals.fields.empty()) {
        options.fields = util::split(globals.fields, ',');
    }
    options.header = !globals.no_header;
    options.bom = globals.bom;
    options.pager = !globals.no_pager;
    return options;
}

bool Context::reveal() {
    if (!globals.reveal) {
        return false;
    }
    if (!m_reveal_audited) {
        transaction().audit(
            "reveal", std::nullopt, "reveal", nullptr, nlohmann::json{{"command", command_line}});
        m_reveal_audited = true;
    }
    return true;
}

storage::WriteTransaction& Context::transaction() {
    if (!m_tx) {
        m_tx = std::make_unique<storage::WriteTransaction>(db());
        identify_officer();
    }
    return *m_tx;
}

void Context::commit() {
    m_tx->commit();
    m_tx.reset();
}

void Context::finish() {
    if (m_tx) {
        commit();
    }
}

void Context::print_id(std::int64_t id) {
    const auto line = fmt::format("{}\n", id);
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()
        || std::fflush(stdout) != 0) {
        throw Error(Exit::internal,
                    fmt::format("无法把编号 {} 写到标准输出，改动已撤销", id),
                    "检查输出重定向（磁盘满或标准输出已关闭）");
    }
}

} // namespace hujing::cli
