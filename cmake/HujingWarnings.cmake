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
