// SPDX-License-Identifier: GPL-3.0-or-later
#include "app.hpp"

#include <hujing/output/pager.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    int code = 1;
    try {
        code = hujing::cli::run(argc, argv);
    } catch (...) { // run() maps every error; this is for one thrown while reporting another
        std::fputs("hujing: 错误: 内部错误\n", stderr);
    }
    hujing::output::close_pager();
    return code;
}
