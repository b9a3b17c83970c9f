#!/usr/bin/env python3
# relay.py - a slow line between a terminal and a program: both ways at BAUD, each byte DELAY seconds late.
"""Usage: relay.py BAUD DELAY LOG PROGRAM [ARGS...]

Runs PROGRAM on a pseudo-terminal of its own whose speed is BAUD (as a
modem or `ssh` passes the speed on) and the size of this terminal, and
carries bytes between the two as a line of BAUD baud (ten bits a byte)
whose far end is DELAY seconds away, both ways. LOG is rewritten after
every read from PROGRAM with "bytes N reads M": what PROGRAM has written
so far. Ends with PROGRAM, once what it wrote has gone through."""
import collections
import fcntl
import os
import select
import sys
import termios
import time
import tty

SPEEDS = {1200: termios.B1200, 2400: termios.B2400, 4800: termios.B4800,
          9600: termios.B9600, 19200: termios.B19200, 38400: termios.B38400}


class Line:
    """Bytes in flight one way: each leaves at its time, no earlier."""

    def __init__(self, bps, delay):
        self.gap = 1.0 / bps
        self.delay = delay
        self.free = 0.0         # when the line has sent what it holds
        self.q = collections.deque()

    def put(self, data, now):
        t = max(now + self.delay, self.free)
        for b in data:
            t += self.gap
            self.q.append((t, b))
        self.free = t

    def due(self, now):
        out = bytearray()
        while self.q and self.q[0][0] <= now:
            out.append(self.q.popleft()[1])
        return bytes(out)

    def next(self):
        return self.q[0][0] if self.q else None


def main():
    if len(sys.argv) < 5:
        sys.stderr.write(__doc__)
        return 2
    baud, delay, log = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    argv = sys.argv[4:]
    size = fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8)
    pid, master = os.forkpty()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, size)
        a = termios.tcgetattr(0)
        a[4] = a[5] = SPEEDS.get(baud, termios.B9600)
        termios.tcsetattr(0, termios.TCSANOW, a)
        os.execvp(argv[0], argv)
    old = termios.tcgetattr(0)
    tty.setraw(0)
    up, down = Line(baud / 10.0, delay), Line(baud / 10.0, delay)
    written = reads = 0
    done = False
    try:
        while True:
            now = time.monotonic()
            ins = up.due(now)
            if ins and not done:
                os.write(master, ins)
            outs = down.due(now)
            if outs:
                os.write(1, outs)
            if done and not down.q:
                break
            waits = [t for t in (up.next(), down.next()) if t is not None]
            timeout = max(0.0, min(waits) - time.monotonic()) if waits else None
            fds = [0] + ([] if done else [master])
            r, _, _ = select.select(fds, [], [], timeout)
            now = time.monotonic()
            if 0 in r:
                data = os.read(0, 4096)
                if not data:
                    break
                up.put(data, now)
            if master in r:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    data = b""
                if not data:
                    done = True
                    continue
                written += len(data)
                reads += 1
                down.put(data, now)
                with open(log + ".new", "w") as f:
                    f.write("bytes %d reads %d\n" % (written, reads))
                os.replace(log + ".new", log)
    finally:
        termios.tcsetattr(0, termios.TCSADRAIN, old)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8


if __name__ == "__main__":
    sys.exit(main())
