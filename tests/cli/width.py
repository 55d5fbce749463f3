#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print the display width of the widest line on stdin (CJK = 2, ANSI colour codes = 0)."""
import re
import sys
import unicodedata


def width(line):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


print(max((width(l.rstrip("\n")) for l in sys.stdin), default=0))
