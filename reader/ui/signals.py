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
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

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
