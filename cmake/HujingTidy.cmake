# SPDX-License-Identifier: GPL-3.0-or-later
option(HUJING_CLANG_TIDY "Run clang-tidy while compiling" OFF)
if(HUJING_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy-14 clang-tidy REQUIRED)
  set(CMAKE_CXX_CLANG_TIDY "${CLANG_TIDY_EXE}")
endif()
