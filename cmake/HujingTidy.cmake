# SPDX-License-Identifier: GPL-3.0-or-later
option(HUJING_CLANG_TIDY "Run clang-tidy while compiling" OFF)
if(HUJING_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy-14 clang-tidy REQUIRED)
  # Through a cache of clean results (see the script), so a unit is checked again only when it
  # or what it includes changed.
  set(CMAKE_CXX_CLANG_TIDY "${PROJECT_SOURCE_DIR}/cmake/tidy-cached;${CLANG_TIDY_EXE}")
endif()
