// SPDX-License-Identifier: GPL-3.0-or-later
#include "result_line.hpp"

#include <hujing/error.hpp>

#include <cstdio>

namespace hujing::cli {

void print_result_line(const std::string& line) {
    const auto text = line + "\n";
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()
        || std::fflush(stdout) != 0) {
        throw Error(Exit::internal,
                    "无法把结果写到标准输出，改动已撤销",
                    "检查输出重定向（磁盘满或标准输出已关闭）");
    }
}

} // namespace hujing::cli
