// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/storage/sqlite_error.hpp>

#include <fmt/format.h>

#include <sqlite3.h>
#include <string>

namespace hujing::storage {

namespace {

// "UNIQUE constraint failed: officer.badge" → "officer.badge": the identifiers, not the English.
std::string constraint_subject(const std::string& what) {
    const auto colon = what.rfind(": ");
    return colon == std::string::npos ? std::string() : what.substr(colon + 2);
}

} // namespace

Error to_error(const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    const int extended = e.getExtendedErrorCode();
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error(
            Exit::busy, "数据库忙: 另一个进程正在写入", "稍后重试，或设置 HUJING_BUSY_MS 延长等待");
    case SQLITE_READONLY:
        return Error(Exit::busy, "数据库只读，不能写入", "检查文件及其目录的权限，或是否只读挂载");
    case SQLITE_NOTADB:
        return Error(
            Exit::invalid, "不是 SQLite 数据库文件", "用 --db 指定 hujing init 建立的文件");
    case SQLITE_CANTOPEN:
        return Error(Exit::invalid, "无法打开数据库文件", "检查路径是否存在、是否可读写");
    case SQLITE_FULL:
        return Error(Exit::internal, "磁盘已满，改动未写入");
    case SQLITE_CONSTRAINT: {
        const auto subject = constraint_subject(e.what());
        const auto suffix = subject.empty() ? std::string() : "（" + subject + "）";
        if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
            return Error(Exit::conflict, "记录已存在" + suffix);
        }
        return Error(Exit::invalid, "数据不符合约束" + suffix);
    }
    default:
        return Error(Exit::internal, fmt::format("数据库错误（SQLite 代码 {}）", extended));
    }
}

} // namespace hujing::storage
