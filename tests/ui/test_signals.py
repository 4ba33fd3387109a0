"""The driver's output after the terminal hangs up: silent, never blocking."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import textwrap

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.drivers.linux_driver import LinuxDriver

from reader.ui.signals import TerminalOutput, hang_up_safe


class HungUpTerminal(io.StringIO):
    """A terminal that took *accepted* writes, then hung up (EIO, as a pty does)."""

    def __init__(self, accepted: int = 0) -> None:
        super().__init__()
        self.accepted = accepted

    def write(self, text: str) -> int:
        if self.accepted <= 0:
            raise OSError(errno.EIO, "Input/output error")
        self.accepted -= 1
        return super().write(text)

    def flush(self) -> None:
        if self.accepted <= 0:
            raise OSError(errno.EIO, "Input/output error")


def test_writes_go_through_until_the_terminal_fails_then_nothing_does() -> None:
    terminal = HungUpTerminal(accepted=1)
    output = TerminalOutput(terminal)
    output.write("drawn")
    assert not output.gone
    output.write("lost")  # EIO: the terminal is gone
    assert output.gone
    terminal.accepted = 5  # even if it would take writes again, none are sent
    output.write("after")
    output.flush()
    assert terminal.getvalue() == "drawn"


def test_a_terminal_left_non_blocking_loses_a_write_not_the_output() -> None:
    class Busy(io.StringIO):
        def write(self, text: str) -> int:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    output = TerminalOutput(Busy())
    output.write("frame")
    assert not output.gone


def test_writes_go_through_the_terminals_translation_when_there_is_one() -> None:
    """mlterm's terminal form: every write's box-drawing characters in ASCII (the
    translation is ``reader.ui.terminal.frames``'); none: written as they are."""
    from reader.ui.terminal import mlterm_frames

    terminal = io.StringIO()
    output = TerminalOutput(terminal)
    assert output.write("│عربي│") == 6
    output.translation = mlterm_frames()
    assert output.write("\x1b[2;1H╭─│عربي│") == 14  # the length the caller gave
    output.translation = None
    output.write("╯")
    assert terminal.getvalue() == "│عربي│\x1b[2;1H|-|عربي|╯"


#: A process whose terminal (a pty: its standard input, output and error) hangs up
#: while the terminal driver is in application mode; the driver is then written to far
#: more than its writer's queue holds, and stopped. Exit status 0: it got through.
#: (A process of its own: the driver takes over signal handlers and the tty, and the
#: hang-up watch sends the process SIGHUP, ignored here.)
HANG_UP_UNDER_THE_DRIVER = textwrap.dedent("""
    import asyncio, os, signal, sys
    from textual.app import App
    from textual.drivers.linux_driver import LinuxDriver
    from reader.ui.signals import hang_up_safe

    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    controller, terminal = os.openpty()
    for fd in (0, 1, 2):
        os.dup2(terminal, fd)
    driver_class = hang_up_safe(LinuxDriver) if sys.argv[1] == "safe" else LinuxDriver

    async def main() -> None:
        driver = driver_class(App(), size=(80, 24))
        driver.start_application_mode()
        os.close(controller)  # the terminal hangs up
        for number in range(1000):
            driver.write(f"line {number}\\n")
        driver.stop_application_mode()
        driver.close()

    asyncio.run(main())
    os._exit(0)
""")


@pytest.mark.timeout(120)
def test_the_terminal_driver_survives_a_hung_up_terminal_and_stops() -> None:
    """Through the driver's public calls, on a real pty: without the wrapper Textual's
    writer thread dies on EIO, its queue fills, and a write (or stopping) blocks for
    ever."""
    done = subprocess.run([sys.executable, "-c", HANG_UP_UNDER_THE_DRIVER, "safe"],
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL,
                          env=os.environ | {"TEXTUAL": ""})
    assert done.returncode == 0, done


def test_only_the_terminal_driver_is_wrapped() -> None:
    wrapped = hang_up_safe(LinuxDriver)
    assert issubclass(wrapped, LinuxDriver) and wrapped is not LinuxDriver
    assert hang_up_safe(HeadlessDriver) is HeadlessDriver
