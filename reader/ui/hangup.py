"""Noticing that the terminal went away when no SIGHUP says so.

The kernel sends SIGHUP on a hang-up only to the session's leader (and, when that
leader exits, to the foreground group). When the leader ignores it and lives on (a
shell under ``nohup`` or ``trap '' HUP``, some session managers), the app is never
told: its tty reads end of input (a hung-up tty) or fail with EIO (a pty whose
other side closed), and Textual's input thread takes the first for "nothing to
read yet" and spins, the second for a crash. Either way the app stayed up, with
its drafts unsaved, for a terminal that no longer exists.

:class:`HangUpWatch` waits in a thread of its own for the hang-up the tty reports
(``POLLHUP``, which needs no input to be read and so takes nothing from Textual),
and is told of read failures by the driver; on the first of either it sends the
process SIGHUP, so the app leaves exactly as on a real hang-up: drafts saved, the
normal exit path, status 128 + SIGHUP.
"""

from __future__ import annotations

import os
import select
import signal
import threading

#: What ``poll`` reports on a tty that hung up (asked for or not).
HANG_UP_EVENTS = select.POLLHUP | select.POLLERR | select.POLLNVAL


class HangUpWatch:
    """Watches the tty *fd* and reports its hang-up once, as SIGHUP to this process."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._reported = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake: tuple[int, int] | None = None  # a pipe that ends the wait

    def start(self) -> None:
        """Start watching (again, after :meth:`stop`; a second start does nothing)."""
        if self._thread is not None:
            return
        self._wake = os.pipe()
        self._thread = threading.Thread(target=self._watch, args=(self._wake[0],),
                                        name="rtl-reader-hang-up-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and wait for the thread to end."""
        thread, wake = self._thread, self._wake
        self._thread = self._wake = None
        if thread is None or wake is None:
            return
        os.write(wake[1], b"x")
        thread.join()
        os.close(wake[0])
        os.close(wake[1])

    def report(self) -> None:
        """The terminal is gone (seen here or by a failed read): SIGHUP, once."""
        if not self._reported.is_set():
            self._reported.set()
            os.kill(os.getpid(), signal.SIGHUP)

    def _watch(self, wake: int) -> None:
        poller = select.poll()
        poller.register(self.fd, 0)  # no input asked for: only a hang-up wakes us
        poller.register(wake, select.POLLIN)
        while True:
            for fd, events in poller.poll():
                if fd == wake:
                    return
                if events & HANG_UP_EVENTS:
                    self.report()
                    return
