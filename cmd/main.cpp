// SPDX-License-Identifier: GPL-3.0-or-later
#include "app.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    try {
        return hujing::cli::run(argc, argv);
    } catch (...) { // run() maps every error; this is for one thrown while reporting another
        std::fputs("hujing: 错误: 内部错误\n", stderr);
        return 1;
    }
}
