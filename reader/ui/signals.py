"""Leaving the app on SIGHUP, SIGTERM and SIGINT without losing a draft.

Closing the terminal (HUP), a ``kill`` (TERM) or an interrupt sent from outside
(INT: inside the app Ctrl+C is a key) used to end the process where it stood: a
draft typed within the autosave delay was lost, and the terminal was left in
the app's modes. Here each of them, handled on the app's event loop (so nothing
else runs meanwhile):

1. saves every comment pane's draft at once, synchronously, from what the form
   holds (a draft the library refuses goes to the recovery folder, as on quit);
2. leaves through :meth:`textual.app.App.exit`, the same path as a normal quit,
   so unmounting restores the terminal exactly as quitting does;
3. sets the exit status to the convention, 128 + the signal's number.

A second signal while leaving saves again and ends the process at once: the
drafts are safe by then, and a hung-up terminal must not keep it alive.

Nothing may wait on a terminal that is gone. Textual writes through a thread fed
by a bounded queue; when the terminal vanishes that thread's write fails (EIO on
a hung-up pty) and ends the thread, and the next writes (the screen being drawn,
the modes reset on the way out, the ``None`` that stops the thread) block on the
full queue for ever, the event loop with them, so no later signal is handled
either. Worse, a hang-up can also bring a SIGCONT, on which Textual enters
application mode again with a new writer thread that dies the same way. So the
driver writes through :class:`TerminalOutput`, which turns the first failure
into silence: the writer thread lives on and drains its queue, leaving takes no
longer than saving the drafts, and nothing is restored on a terminal that is gone.

When no SIGHUP comes at all (the session's leader ignores it and lives on), the
driver's :class:`~reader.ui.hangup.HangUpWatch` notices the tty's hang-up or a failed
read and sends the process SIGHUP, so the app leaves by the same path.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from typing import IO, TYPE_CHECKING, Any

from reader.ui.hangup import HangUpWatch

if TYPE_CHECKING:
    from textual.app import App
    from textual.driver import Driver

#: The signals that end the app as a quit does.
EXIT_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)


def exit_status(signum: int) -> int:
    """The shell's convention for a process ended by signal *signum*."""
    return 128 + signum


def save_every_draft(app: App[Any]) -> None:
    """Save each comment pane's draft now, from what its form holds."""
    from reader.ui.widgets.comments.pane import CommentPane

    for screen in app.screen_stack:  # the reading screen may be under another one
        for pane in screen.query(CommentPane):
            with contextlib.suppress(Exception):  # one pane's failure must not stop the rest
                pane.save_before_exit()


class TerminalOutput:
    """The driver's output file, silent from the moment the terminal is gone.

    Gone means a write or flush failed (EIO from a hung-up pty, EPIPE): from then
    on everything written is dropped, so the thread that writes never dies and the
    queue feeding it never fills. A SIGHUP alone does not silence it: sent by
    ``kill`` to an app whose terminal is still there, the app leaves as a quit does,
    putting the terminal back.
    """

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False
        #: what every write is translated through (``str.translate``), or None: the
        #: terminal's form of the app's frames (``reader.ui.terminal.frames``)
        self.translation: dict[int, str] | None = None

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                if self.translation is not None:
                    self._file.write(text.translate(self.translation))
                    return len(text)
                return self._file.write(text)
            except BlockingIOError:  # a terminal left non-blocking by another program
                pass  # this write is lost, the terminal is not
            except (OSError, ValueError):  # ValueError: the file was closed
                self._terminal_went_away()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._terminal_went_away()

    def _terminal_went_away(self) -> None:
        self.gone = True
        with contextlib.suppress(OSError, ValueError):
            point_at_nothing(self._file.fileno())

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return self._file.isatty()


def point_at_nothing(fd: int) -> None:
    """Point *fd*, and standard output and error where they are the same terminal, at
    the null device.

    What is still buffered for a terminal that is gone would otherwise fail again
    when the interpreter flushes it on the way out, and that failure turns the exit
    status into 120, hiding the 128 + n of the signal that ended the app.
    """
    terminal = os.fstat(fd)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for target in sorted({fd, 1, 2}):
            with contextlib.suppress(OSError):
                shown = os.fstat(target)
                if (shown.st_dev, shown.st_ino) == (terminal.st_dev, terminal.st_ino):
                    os.dup2(null, target)
    finally:
        os.close(null)


def hang_up_safe(driver_class: type[Driver]) -> type[Driver]:
    """*driver_class*, writing through a :class:`TerminalOutput` when it is Textual's
    terminal driver for Linux and macOS (the headless and other drivers as they are)."""
    from textual.drivers.linux_driver import LinuxDriver

    if not issubclass(driver_class, LinuxDriver):
        return driver_class

    class HangUpSafeDriver(driver_class):  # type: ignore[valid-type,misc]
        """The one private name of Textual's the app uses (listed in
        tests/ui/test_textual_hooks): ``_file``, the file the terminal driver hands
        to its writer thread. Textual has no public way to give that thread another
        file, nor a hook when its write fails (the thread just ends, see the module
        docstring), and the failure must be caught at the write itself: a hang-up
        noticed later comes after the writer is already dead.

        The driver's public ``write`` and ``flush`` are no way round it: ``write``
        only queues for the writer thread, so overriding it either writes on the
        event loop (every frame waiting on the terminal) or feeds a second writer
        thread of ours beside Textual's (which is in a private module): the same
        job done twice, and two queues to keep in order with the app's own mode
        sequences. So the thread stays Textual's and only its file is wrapped."""

        _file: Any  # the terminal (Textual's own attribute), then its TerminalOutput
        fileno: int  # the terminal's input (Textual's own attribute)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.output = self._file = TerminalOutput(self._file)
            self.hang_up_watch = HangUpWatch(self.fileno)

        def start_application_mode(self) -> None:
            super().start_application_mode()
            self.hang_up_watch.start()

        def stop_application_mode(self) -> None:
            self.hang_up_watch.stop()
            super().stop_application_mode()

        def run_input_thread(self) -> None:
            try:
                super().run_input_thread()
            except OSError:  # EIO: the terminal's other side closed (Textual would panic)
                self.hang_up_watch.report()

    HangUpSafeDriver.__name__ = HangUpSafeDriver.__qualname__ = driver_class.__name__
    return HangUpSafeDriver


def terminal_output(driver: Driver | None) -> TerminalOutput | None:
    """*driver*'s :class:`TerminalOutput` (None for a driver :func:`hang_up_safe` left
    as it was, or no driver)."""
    output = getattr(driver, "output", None)
    return output if isinstance(output, TerminalOutput) else None


def terminal_gone(driver: Driver | None) -> bool:
    """Whether *driver*'s terminal hung up (nothing more should be written to it)."""
    output = terminal_output(driver)
    return output is not None and output.gone


def install(app: App[Any]) -> None:
    """Handle :data:`EXIT_SIGNALS` on the running loop (call from ``on_mount``)."""
    loop = asyncio.get_running_loop()
    leaving: list[int] = []

    def handle(signum: int) -> None:
        save_every_draft(app)
        if leaving:  # a second signal: the drafts are saved; do not wait any longer
            os._exit(exit_status(leaving[0]))
        leaving.append(signum)
        app.exit(return_code=exit_status(signum))

    for sig in EXIT_SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, handle, int(sig))
