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
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.resources import seed_article_path
from tests.e2e.conftest import Tmux, app_env

CTL_OFF = b"\x1b]5379;use_ctl=false\x07"
CTL_ON = b"\x1b]5379;use_ctl=true\x07"


class OuterTerminal:
    """A tmux client attached on a pseudo-terminal; everything it writes is kept.

    A thread reads it all the time, as a terminal does: tmux stops writing to a client
    that does not read (and drops what it would have written)."""

    def __init__(self, tmux: Tmux, term: str) -> None:
        env = {**os.environ, "TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
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
