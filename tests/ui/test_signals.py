"""The driver's output after the terminal hangs up: silent, never blocking."""

from __future__ import annotations

import errno
import io
import threading

from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread
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


def test_textuals_writer_thread_survives_a_hung_up_terminal_and_stops() -> None:
    """Without the wrapper the thread dies on EIO and a full queue blocks ``stop``."""
    writer = WriterThread(TerminalOutput(HungUpTerminal()))  # type: ignore[arg-type]
    writer.start()
    for number in range(MAX_QUEUED_WRITES * 3):  # more than the queue holds
        writer.write(f"line {number}\n")
    stopper = threading.Thread(target=writer.stop, daemon=True)
    stopper.start()
    stopper.join(timeout=10)
    assert not stopper.is_alive(), "stopping the writer blocked on the hung-up terminal"


def test_only_the_terminal_driver_is_wrapped() -> None:
    wrapped = hang_up_safe(LinuxDriver)
    assert issubclass(wrapped, LinuxDriver) and wrapped is not LinuxDriver
    assert hang_up_safe(HeadlessDriver) is HeadlessDriver
