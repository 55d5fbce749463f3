# SPDX-License-Identifier: GPL-3.0-or-later
# INTERFACE target carrying the project's warning flags.
if(EXISTS "${PROJECT_SOURCE_DIR}/.git")
  set(_hujing_werror_default ON)
else()
  set(_hujing_werror_default OFF)
endif()
option(HUJING_WERROR "Treat warnings as errors" ${_hujing_werror_default})

add_library(hujing_warnings INTERFACE)
target_compile_options(hujing_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(HUJING_WERROR)
  target_compile_options(hujing_warnings INTERFACE -Werror)
endif()

# GCC 12 at -O3 (the Release build of make bench) reports overlapping memcpy in libstdc++'s own
# std::string assignment (GCC bugs 105329 and 105651, fixed in GCC 13): not ours, so not an error.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(hujing_warnings INTERFACE -Wno-restrict)
endif()
