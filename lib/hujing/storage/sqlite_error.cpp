// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/storage/sqlite_error.hpp>

#include <fmt/format.h>

#include <sqlite3.h>
#include <string>

namespace hujing::storage {

Error to_error(const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    const int extended = e.getExtendedErrorCode();
    const std::string what = e.what();
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error(Exit::busy, "数据库忙: " + what, "稍后重试，或设置 HUJING_BUSY_MS 延长等待");
    case SQLITE_READONLY:
        return Error(Exit::busy, "数据库只读: " + what, "检查文件权限");
    case SQLITE_NOTADB:
        return Error(
            Exit::invalid, "不是 SQLite 数据库文件", "用 --db 指定 hujing init 建立的文件");
    case SQLITE_CANTOPEN:
        return Error(Exit::internal, "无法打开数据库: " + what);
    case SQLITE_CONSTRAINT:
        if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
            return Error(Exit::conflict, "记录已存在: " + what);
        }
        return Error(Exit::invalid, "数据不符合约束: " + what);
    default:
        return Error(Exit::internal, fmt::format("数据库错误 {}: {}", extended, what));
    }
}

} // namespace hujing::storage
