# SPDX-License-Identifier: GPL-3.0-or-later
# HUJING_SANITIZE: a ;-list such as "address;undefined", applied to every target.
set(HUJING_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address;undefined")
if(HUJING_SANITIZE)
  list(JOIN HUJING_SANITIZE "," _hujing_sanitizers)
  add_compile_options(-fsanitize=${_hujing_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_hujing_sanitizers})
endif()
