#!/usr/bin/env python3
# Drive `hujing inspect record --interactive` through a pseudo-terminal: for each (prompt, reply)
# pair of the script file (tab-separated, one per line; reply "^D" sends Ctrl-D) wait for the
# prompt text, then type the reply. Prints the whole session and exits with the child's status.
import os
import pty
import select
import sys
import time


def main():
    script, argv = sys.argv[1], sys.argv[2:]
    steps = []
    with open(script, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                prompt, _, reply = line.partition("\t")
                steps.append((prompt, reply))
    # A real terminal type and a wide window: with TERM unset (cron, a fresh root) readline
    # scrolls a long prompt sideways and the prompts the script waits for never appear whole.
    os.environ["TERM"] = "xterm"
    os.environ["COLUMNS"] = "200"
    pid, fd = pty.fork()
    if pid == 0:
        os.system("stty cols 200 rows 50 2>/dev/null")
        os.execvp(argv[0], argv)
    seen = b""
    deadline = time.time() + 20

    def read_some():
        nonlocal seen
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            seen += chunk
        return True

    pos = 0
    for prompt, reply in steps:
        want = prompt.encode()
        while seen.find(want, pos) < 0:
            if time.time() > deadline or not read_some():
                sys.stdout.write(seen.decode(errors="replace"))
                sys.stderr.write(f"\nprompt not seen: {prompt}\n")
                sys.exit(99)
        pos = seen.find(want, pos) + len(want)
        os.write(fd, b"\x04" if reply == "^D" else reply.encode() + b"\r")
    while time.time() < deadline and read_some():
        pass
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(seen.decode(errors="replace"))
    sys.exit(os.waitstatus_to_exitcode(status))


main()
