#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a command with stdout on a pseudo-terminal of a given size, as an officer's terminal.

Usage: term_pty.py COLS ROWS COMMAND [ARG...]
The terminal's output goes to our stdout (CR LF turned into LF), stderr stays a pipe to our
stderr, stdin is /dev/null; the exit status is the command's.
"""
import fcntl
import os
import struct
import subprocess
import sys
import termios


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    child = subprocess.Popen(sys.argv[3:], stdin=subprocess.DEVNULL, stdout=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the last writer closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    status = child.wait()
    sys.stdout.buffer.write(b"".join(chunks).replace(b"\r\n", b"\n"))
    sys.exit(status)


main()
