"""In app mode the reader switches the terminal to explicit bidi mode before drawing.

VTE terminals reorder right-to-left text themselves unless told not to: the
first bytes the reader writes must include ``CSI 8 l`` before any Arabic, and the
last ``CSI 8 h``. Read from a pseudo-terminal, byte for byte.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import app_env


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def run_in_pty(argv: list[str], env: dict[str, str], keys: bytes, marker: bytes) -> bytes:
    """Run *argv* on a pty of 100x30, type *keys* once *marker* showed; all output."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.execve(argv[0], argv, env)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    output = b""
    typed = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if b"\x1b[6n" in chunk:  # answer a cursor position query, as a terminal does
                os.write(fd, b"\x1b[1;1R")
        if not typed and marker in output:
            time.sleep(0.5)
            os.write(fd, keys)
            typed = True
    os.waitpid(pid, 0)
    return output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_app_mode_brackets_its_output_with_explicit_mode(
    installed_command: Path, tmp_path: Path
) -> None:
    library = tmp_path / "library.sqlite"
    env = app_env(library)
    env.pop("TMUX", None)
    env["TERM"] = "xterm-256color"
    marker = b"Search the library"
    output = run_in_pty([str(installed_command), "--library", str(library), "--bidi", "app",
                         "--lang", "en"], env, b"q", marker)
    assert marker in output, output[-2000:]
    text = output.decode("utf-8", errors="replace")
    first_arabic = next(i for i, ch in enumerate(text) if _is_arabic(ch))
    enter = text.find("\x1b[8l")
    assert 0 <= enter < first_arabic, "CSI 8 l must come before any Arabic text"
    assert text.rfind("\x1b[8h") > first_arabic, "CSI 8 h must be sent on exit"


def test_terminal_mode_leaves_the_terminal_bidi_alone(
    installed_command: Path, tmp_path: Path
) -> None:
    library = tmp_path / "library.sqlite"
    env = app_env(library)
    env["TERM"] = "xterm-256color"
    marker = b"Search the library"
    output = run_in_pty([str(installed_command), "--library", str(library), "--bidi",
                         "terminal", "--lang", "en"], env, b"q", marker)
    assert marker in output
    # it needs the terminal's own bidi: implicit mode asked for, explicit mode never
    assert b"\x1b[8l" not in output and b"\x1b[8h" in output
    # Logical, unshaped Arabic goes out: base letters, never presentation forms.
    text = output.decode("utf-8", errors="replace")
    assert any("\u0621" <= ch <= "\u064a" for ch in text)
    assert not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefc" for ch in text)


#: Runs the real command with one action broken, to take the path of a crash: an
#: unhandled exception in the app (pressing "?" raises).
CRASHING = """
import sys
from reader.ui.app import ReaderApp

def broken(self):
    raise RuntimeError("a bug in the app")

ReaderApp.action_help = broken
from reader.cli import main
sys.argv[0] = "rtl-reader"
raise SystemExit(main())
"""

#: Each way out: how it is taken, and the exit status it gives.
EXIT_PATHS = {
    "quit": (b"q", None, 0),
    "crash": (b"?", None, 1),
    "TERM": (None, signal.SIGTERM, 128 + signal.SIGTERM),
    "HUP": (None, signal.SIGHUP, 128 + signal.SIGHUP),
    "INT": (None, signal.SIGINT, 128 + signal.SIGINT),
}


def exit_command(installed_command: Path, path: str) -> list[str]:
    """The reader as installed, or (for the crash) the same code with a bug put in."""
    if path == "crash":
        return [str(Path(installed_command).parent / "python"), "-c", CRASHING]
    return [str(installed_command)]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("path", list(EXIT_PATHS))
def test_every_way_out_puts_the_terminal_back(
    installed_command: Path, tmp_path: Path, path: str
) -> None:
    """Quit, a crash and each terminating signal: implicit mode and mlterm's layout come
    back after the last Arabic, as the last thing about bidi the terminal hears."""
    keys, signum, status = EXIT_PATHS[path]
    library = tmp_path / "library.sqlite"
    env = app_env(library)
    env.pop("TMUX", None)
    env["TERM"] = "mlterm"
    marker = b"Search the library"
    argv = [*exit_command(installed_command, path), "--library", str(library), "--lang", "en"]
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.execve(argv[0], argv, env)
    output = b""
    acted = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if b"\x1b[6n" in chunk:
                os.write(fd, b"\x1b[1;1R")
        if not acted and marker in output:
            time.sleep(0.5)
            if keys is not None:
                os.write(fd, keys)
            else:
                os.kill(pid, signum)
            acted = True
    _, wait_status = os.waitpid(pid, 0)
    assert acted, output[-2000:]
    assert os.waitstatus_to_exitcode(wait_status) == status
    text = output.decode("utf-8", errors="replace")
    if path == "crash":
        assert "a bug in the app" in text  # it did crash
    last_arabic = max(i for i, ch in enumerate(text) if _is_arabic(ch))
    ctl_off = "\x1b]5379;use_ctl=false\x07"
    restored = text.rfind("\x1b[8h\x1b]5379;use_ctl=true\x07")
    assert text.find(ctl_off) < last_arabic
    assert restored > last_arabic and text.rfind(ctl_off) < restored


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_terminal_mode_on_mlterm_parts_its_rows_at_ascii_frames(
    installed_command: Path, tmp_path: Path
) -> None:
    """``--bidi terminal`` on mlterm: its rows parted at the frames' verticals and corners
    (``bidi_separators``) before any Arabic, the frames in ASCII (a box-drawing character
    switches mlterm's whole row to left to right), a right-to-left line filled after its
    text up to a no-break space; the separators gone again on the way out."""
    library = tmp_path / "library.sqlite"
    env = app_env(library)
    env.pop("TMUX", None)
    env["TERM"] = "mlterm"
    marker = b"Search the library"
    output = run_in_pty([str(installed_command), "--library", str(library), "--bidi",
                         "terminal", "--lang", "en"], env, b"q", marker)
    assert marker in output, output[-2000:]
    text = output.decode("utf-8", errors="replace")
    first_arabic = next(i for i, ch in enumerate(text) if _is_arabic(ch))
    last_arabic = max(i for i, ch in enumerate(text) if _is_arabic(ch))
    parted = text.find("\x1b]5379;bidi_mode=normal\x07\x1b]5379;bidi_separators=|\x07")
    assert 0 <= parted < first_arabic
    assert "\x1b]5379;bidi_mode=left" not in text
    assert text.rfind("\x1b]5379;bidi_separators=\x07") > last_arabic
    assert not any("\u2500" <= ch <= "\u259f" for ch in text)
    assert "|" in text
    assert "\u00a0" in text  # a right-to-left list line's fill, ended for mlterm
