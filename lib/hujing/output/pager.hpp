// SPDX-License-Identifier: GPL-3.0-or-later
// The pager: long output to a terminal goes through $PAGER (default "less -FRX", as git does).
#pragma once

#include <cstdio>
#include <string_view>

namespace hujing::output {

// Start the pager for `text` about to be written to `out` when `allowed`, `out` is stdout, stdout
// is a terminal, no pager runs yet, and `text` has more lines than the terminal: from then on
// stdout is the pager's input. $PAGER names the pager (run by /bin/sh; empty or "cat": none);
// unset, "less -FRX" when less is installed, with LESS=FRX unless LESS is set. Returns whether
// stdout now goes to a pager.
bool page_if_long(std::FILE* out, std::string_view text, bool allowed);

// Whether a pager was started.
bool pager_running();

// Whether the pager was quit before the output ended: the rest of it is dropped, not an error.
// `error` is the errno of a failed write to stdout.
bool lost_to_pager(std::FILE* out, int error);

// Flush stdout, close the pager's input and wait for the pager to exit (call before exiting).
void close_pager();

} // namespace hujing::output
