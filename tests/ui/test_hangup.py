"""Noticing a terminal that went away without a SIGHUP: the tty's hang-up or a failed
read is reported once, as SIGHUP to the process; a terminal that is gone is pointed at
the null device so the exit status is not lost to a failed last flush."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from reader.ui.hangup import HangUpWatch
from reader.ui.signals import hang_up_safe, point_at_nothing


@pytest.fixture
def hang_ups() -> Iterator[list[int]]:
    """The SIGHUPs this process gets meanwhile (handled here instead of ending it)."""
    received: list[int] = []
    previous = signal.signal(signal.SIGHUP, lambda signum, frame: received.append(signum))
    try:
        yield received
    finally:
        signal.signal(signal.SIGHUP, previous)


def _wait_for(predicate: Any, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.01)  # signal handlers run in the main thread, between sleeps
    return bool(predicate())


def test_a_hung_up_terminal_is_reported_once_as_sighup(hang_ups: list[int]) -> None:
    controller, terminal = os.openpty()
    watch = HangUpWatch(terminal)
    watch.start()
    try:
        time.sleep(0.2)
        assert hang_ups == [], "a live terminal was taken for a hung-up one"
        os.close(controller)  # the terminal emulator goes away: the tty hangs up
        assert _wait_for(lambda: hang_ups), "the hang-up was not noticed"
        watch.report()  # a failed read seen as well: no second signal
        time.sleep(0.2)
        assert hang_ups == [signal.SIGHUP]
    finally:
        watch.stop()
        os.close(terminal)


def test_stopping_the_watch_reports_nothing(hang_ups: list[int]) -> None:
    controller, terminal = os.openpty()
    watch = HangUpWatch(terminal)
    watch.start()
    watch.start()  # a second start (Textual's resume after a suspend) adds no thread
    watch.stop()
    watch.stop()
    os.close(controller)
    time.sleep(0.2)
    os.close(terminal)
    assert hang_ups == []
    assert not [thread for thread in threading.enumerate()
                if thread.name == "rtl-reader-hang-up-watch"]


def test_a_failed_read_in_textuals_input_thread_is_a_hang_up(hang_ups: list[int]) -> None:
    """Textual's input thread takes EIO for a crash (a panic, exit status 1)."""
    from textual.drivers.linux_driver import LinuxDriver

    class FailingRead(LinuxDriver):
        def run_input_thread(self) -> None:
            raise OSError(errno.EIO, "Input/output error")

    driver = hang_up_safe(FailingRead).__new__(hang_up_safe(FailingRead))
    driver.hang_up_watch = HangUpWatch(0)
    driver.run_input_thread()
    assert _wait_for(lambda: hang_ups)
    assert hang_ups == [signal.SIGHUP]


def test_a_gone_terminal_is_pointed_at_nothing() -> None:
    controller, terminal = os.openpty()
    os.close(controller)
    point_at_nothing(terminal)
    null = os.stat(os.devnull)
    shown = os.fstat(terminal)
    os.close(terminal)
    assert (shown.st_dev, shown.st_ino) == (null.st_dev, null.st_ino)


def test_the_exit_status_survives_output_left_for_a_gone_terminal(tmp_path: Any) -> None:
    """Python flushes standard error on the way out; on a hung-up terminal that fails
    and the status becomes 120, hiding the signal's 128 + 1."""
    script = textwrap.dedent("""
        import os, sys
        from reader.ui.signals import TerminalOutput
        controller, terminal = os.openpty()
        os.dup2(terminal, 1)
        os.dup2(terminal, 2)
        os.close(controller)  # the terminal is gone
        sys.stdout.write("left in the buffer")  # standard output is a pipe: buffered
        output = TerminalOutput(sys.stderr)
        output.write("the screen")
        output.flush()
        if not output.gone:
            os._exit(3)
        sys.exit(129)
    """)
    buffered = {name: value for name, value in os.environ.items()
                if name != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60,
                          stdin=subprocess.DEVNULL, env=buffered)
    assert done.returncode == 129, done
