"""mlterm behind tmux: the reader's OSC reaches mlterm through tmux's passthrough.

mlterm lays rows out itself unless its OSC 5379 says ``use_ctl=false``; tmux 3.3
passes a wrapped sequence on only when the pane allows it (``allow-passthrough``, off
by default) and drops it while the pane waits for a redraw, right after the switch to
the alternate screen. Here a tmux client runs on a pseudo-terminal that says it is
mlterm (``TERM=mlterm``): what that client writes is what mlterm would get. The reader
runs in the pane the client shows, as a reader would start it from a shell there.
"""

from __future__ import annotations

import os
import pty
import shlex
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.resources import seed_article_path
from tests.e2e.conftest import Tmux, app_env
from tests.e2e.test_explicit_bidi_mode import EXIT_PATHS, exit_command

CTL_OFF = b"\x1b]5379;use_ctl=false\x07"
#: what would tell the reader of a terminal other than the one a client says it is
HINTS = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "KITTY_WINDOW_ID", "XTERM_VERSION",
         "ALACRITTY_WINDOW_ID")
CTL_ON = b"\x1b]5379;use_ctl=true\x07"


class OuterTerminal:
    """A tmux client attached on a pseudo-terminal; everything it writes is kept.

    A thread reads it all the time, as a terminal does: tmux stops writing to a client
    that does not read (and drops what it would have written)."""

    def __init__(self, tmux: Tmux, term: str, **variables: str) -> None:
        """A client whose terminal says TERM=*term*, with the terminal's *variables*."""
        env = {name: value for name, value in os.environ.items() if name not in HINTS}
        env.update(TERM=term, LANG="C.UTF-8", LC_ALL="C.UTF-8", **variables)
        env.pop("TMUX", None)
        argv = ["tmux", "-L", tmux.socket, "-f", str(tmux.config), "-u", "attach"]
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the client
            os.execvpe(argv[0], argv, env)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = b""
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    def read_until(self, predicate: Callable[[bytes], bool], what: str,
                   timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if predicate(self.output):
                    return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")

    def close(self) -> None:
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        self._reader.join(5)


def _start_reader(installed_command: Path | list[str], tmux: Tmux, library: Path,
                  *flags: str) -> None:
    """Run the reader (*installed_command*, or that argv) in the session's pane, as a
    reader would start it from a shell there."""
    env = {**app_env(library), "TERM": "tmux-256color"}
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    argv = installed_command if isinstance(installed_command, list) else [str(installed_command)]
    # TMUX and TMUX_PANE stay: they are how the reader knows it runs in tmux
    command = (f"env {assignments} {shlex.join(argv)} "
               f"{' '.join(flags)} {shlex.quote(str(seed_article_path()))}; "
               f"echo EXIT=$?; sleep 60")
    tmux("respawn-pane", "-k", command)
    tmux.wait_for(lambda s: "Related" in s, "the reading screen")


def _passthrough_of_the_pane(tmux: Tmux) -> str:
    return tmux("show-options", "-p", "-v", "allow-passthrough").strip()


def _wait_for_pane_setting(tmux: Tmux, value: str, what: str) -> None:
    deadline = time.monotonic() + 15
    while _passthrough_of_the_pane(tmux) != value:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_terminal_attaching_later_gets_what_it_needs_and_the_last_one_it_had_back(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    """The reader started in a session no terminal is attached to decides for no
    terminal (app, nothing sent through). tmux sends the pane a focus-in when a client
    attaches: the reader asks tmux again and sets up the terminal attached now."""
    tmux("-u", "new-session", "-d", "-x", "100", "-y", "30", "sleep 120")
    _start_reader(installed_command, tmux, tmp_path / "library.sqlite")
    assert _passthrough_of_the_pane(tmux) == ""  # no terminal yet that needs it
    first = OuterTerminal(tmux, "mlterm")
    try:
        first.read_until(lambda out: CTL_OFF in out, "the first mlterm's layout switched off")
        assert _passthrough_of_the_pane(tmux) == "on"
    finally:
        first.close()  # detached
    # re-attached from another mlterm, whose layout is on: it gets the OSC too
    second = OuterTerminal(tmux, "mlterm")
    try:
        second.read_until(lambda out: CTL_OFF in out, "the second mlterm's layout switched off")
    finally:
        second.close()
    # a terminal that needs nothing sent through: the pane gets its own setting back
    third = OuterTerminal(tmux, "xterm", XTERM_VERSION="XTerm(379)")
    try:
        third.read_until(lambda out: len(out) > 0, "the client to draw")
        _wait_for_pane_setting(tmux, "", "the pane's own passthrough setting back")
        # the second copy of the OSC for the last mlterm can reach a client attaching
        # right after it; then the leave sequence for that mlterm follows it
        tail = third.output[third.output.rfind(CTL_OFF):] if CTL_OFF in third.output else b""
        assert not tail or CTL_ON in tail
        tmux("send-keys", "q")
        tmux.wait_for(lambda s: "EXIT=0" in s, "the reader to quit")
    finally:
        third.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_terminal_attaching_with_another_strategy_gets_the_screen_laid_out_again(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    """From a session started detached (app: visual order) to a Konsole client
    (shaped-mirrored: logical order, which Konsole reorders): the same title, laid out
    again, comes out in the other order in tmux's cells."""
    title = "اجتماع سري"  # from the seed's title, "a secret meeting"
    tmux("-u", "new-session", "-d", "-x", "100", "-y", "30", "sleep 120")
    _start_reader(installed_command, tmux, tmp_path / "library.sqlite", "--lang", "en")

    def folded(screen: str) -> str:
        return unicodedata.normalize("NFKC", screen)

    # app: visual order (the article is drawn after the panes' frames)
    tmux.wait_for(lambda s: title[::-1] in folded(s), "the title in visual order")
    konsole = OuterTerminal(tmux, "xterm-256color", KONSOLE_VERSION="221203")
    try:
        tmux.wait_for(lambda s: title in folded(s), "the title in logical order")
        # the chooser opened by itself: Konsole's bidi setting is one auto cannot see
        tmux.wait_for(lambda s: "shaped-mirrored" in s, "the chooser")
    finally:
        konsole.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_mlterm_behind_tmux_gets_its_layout_off_and_back_and_the_pane_its_setting(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    library = tmp_path / "library.sqlite"
    tmux("-u", "new-session", "-d", "-x", "100", "-y", "30", "sleep 120")
    outer = OuterTerminal(tmux, "mlterm")
    try:
        outer.read_until(lambda out: len(out) > 0, "the client to draw")
        assert tmux("show-options", "-A", "-p", "-v", "allow-passthrough").strip() == "off"
        title = tmux("display-message", "-p", "#{pane_title}")
        env = {**app_env(library), "TERM": "tmux-256color"}
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # TMUX and TMUX_PANE stay: they are how the reader knows it runs in tmux
        command = (f"env {assignments} {shlex.quote(str(installed_command))} "
                   f"{shlex.quote(str(seed_article_path()))}; echo EXIT=$?; sleep 60")
        tmux("respawn-pane", "-k", command)
        tmux.wait_for(lambda s: "Related" in s, "the reading screen")
        outer.read_until(lambda out: CTL_OFF in out, "mlterm's layout switched off")
        # while the reader runs, its pane (and only its pane) lets the OSC through
        assert tmux("show-options", "-p", "-v", "allow-passthrough").strip() == "on"
        assert tmux("show-options", "-g", "-w", "-v", "allow-passthrough").strip() == "off"
        tmux("send-keys", "q")
        tmux.wait_for(lambda s: "EXIT=0" in s, "the reader to quit")
        outer.read_until(lambda out: CTL_ON in out[out.rfind(CTL_OFF):],
                         "mlterm's layout switched back on")
        # the pane's own setting and title are back as they were
        assert tmux("show-options", "-p", "-v", "allow-passthrough").strip() == ""
        assert tmux("display-message", "-p", "#{pane_title}") == title
    finally:
        outer.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("path", list(EXIT_PATHS))
def test_every_way_out_behind_tmux_puts_mlterm_and_the_pane_back(
    installed_command: Path, tmux: Tmux, tmp_path: Path, path: str
) -> None:
    """Quit, a crash and each terminating signal, once the reading screen is complete:
    mlterm's layout back on (the OSC reaches the attached mlterm after the last one
    that switched it off), and the pane's own passthrough setting and title back."""
    keys, signum, status = EXIT_PATHS[path]
    tmux("-u", "new-session", "-d", "-x", "100", "-y", "30", "sleep 120")
    outer = OuterTerminal(tmux, "mlterm")
    try:
        outer.read_until(lambda out: len(out) > 0, "the client to draw")
        title = tmux("display-message", "-p", "#{pane_title}")
        command = exit_command(installed_command, path)
        _start_reader(command, tmux, tmp_path / "library.sqlite")
        outer.read_until(lambda out: CTL_OFF in out, "mlterm's layout switched off")
        assert _passthrough_of_the_pane(tmux) == "on"
        # the reading screen complete: its footer is the last thing it mounts
        tmux.wait_for(lambda s: "Quit" in s, "the footer")
        if keys is not None:
            tmux("send-keys", keys.decode())
        else:
            os.kill(tmux.app_pid(), signum)
        tmux.wait_for(lambda s: "EXIT=" in s, "the reader to leave")
        assert f"EXIT={status}" in tmux.screen(), tmux("capture-pane", "-p", "-S", "-200")
        outer.read_until(lambda out: CTL_ON in out[out.rfind(CTL_OFF):],
                         "mlterm's layout switched back on")
        _wait_for_pane_setting(tmux, "", "the pane's own passthrough setting back")
        assert tmux("display-message", "-p", "#{pane_title}") == title
    finally:
        outer.close()
