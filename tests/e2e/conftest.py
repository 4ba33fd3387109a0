"""Drive the installed ``rtl-reader`` inside tmux and read the screen as cells.

Each test gets a private tmux server (``-L``) and a temporary library. Tests skip
with the reason when the command is not installed next to this Python or tmux is
missing (the CI script installs both).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).parent / "rtl-reader"


class Tmux:
    """A private tmux server holding one session."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"rtl-reader-test-{uuid.uuid4().hex[:12]}"
        self.config = workdir / "tmux.conf"
        self.config.write_text("set -g set-clipboard on\nset -g history-limit 100\n")

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True, text=True, timeout=20, check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self, argv: list[str], *, width: int = 100, height: int = 30,
              env: dict[str, str] | None = None, shell_first: str = "",
              status_file: Path | None = None) -> None:
        """Run *argv* in a new session; when it exits the pane shows its status (and
        *status_file* holds it: the screen may be gone).

        *shell_first* runs in the pane's shell before *argv* (``trap '' HUP``: a
        parent that ignores the hang-up and so outlives its terminal)."""
        command = self._command(argv, env, status_file)
        self("-u", "new-session", "-d", "-x", str(width), "-y", str(height),
             f"{shell_first}; {command}" if shell_first else command)

    def restart(self, argv: list[str], *, env: dict[str, str] | None = None) -> None:
        """Run *argv* again in the same pane, ending what runs there now.

        The server stays: ``kill-server`` returns before the server has exited, and a
        new session started at once on the same socket can reach the dying server
        ("server exited unexpectedly").
        """
        self("respawn-pane", "-k", self._command(argv, env))

    @staticmethod
    def _command(argv: list[str], env: dict[str, str] | None,
                 status_file: Path | None = None) -> str:
        """*argv* in a clean environment; when it exits the pane shows its status."""
        assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in
                               (env or {}).items())
        keep = f"echo $status > {shlex.quote(str(status_file))}; " if status_file else ""
        return (f"env -i {assignments} {shlex.join(argv)}; status=$?; {keep}"
                "echo EXIT=$status; sleep 60")

    def screen(self) -> str:
        return self("capture-pane", "-p")

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send key names one by one, or with *literal* each string as typed text."""
        for key in keys:
            self("send-keys", *(["-l"] if literal else []), key)
            time.sleep(0.05)

    def pane_pid(self) -> int:
        """The pane's shell."""
        return int(self("list-panes", "-F", "#{pane_pid}").split()[0])

    def app_pid(self) -> int:
        """The process :meth:`start` runs (the child of the pane's shell)."""
        shell = self.pane_pid()
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        if not children:
            raise AssertionError("the pane runs no command")
        return int(children[0])

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")

    def kill(self) -> None:
        self("kill-server", check=False)


@pytest.fixture
def installed_command() -> Path:
    if not COMMAND.exists():
        pytest.skip(f"rtl-reader is not installed next to {sys.executable}")
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    return COMMAND


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.kill()


def app_env(library: Path) -> dict[str, str]:
    """A plain environment: UTF-8, no hints of a terminal that reorders by itself."""
    return {
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "RTL_READER_LIBRARY": str(library),
        # no bidi choice saved by whoever runs the tests
        "RTL_READER_CONFIG": str(library.parent / "terminals.json"),
        # nor a draft recovered into (or offered from) the user's own recovery folder
        "RTL_READER_RECOVERY": str(library.parent / "unsaved-drafts"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "tmux-256color",
    }
