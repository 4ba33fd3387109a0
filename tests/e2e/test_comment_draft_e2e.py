"""End to end: write an Arabic comment in the installed app, kill it, find the draft again.

Drives the *installed* ``rtl-reader`` inside a private tmux server: opens the
seed article, presses ``c``, types an Arabic comment with ``send-keys``,
checks that the screen shows it shaped and right to left, waits for the
autosave, kills the app with SIGKILL, starts it again and finds the draft in
the comment pane and in ``rtl-reader drafts export``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SHARED

COMMENT = "مقال مفيد عن الاتفاق النووي"
SEED_NAME = "000_ea300a519c8a66f3.txt"
WIDTH, HEIGHT = 120, 45


def _installed_command() -> str:
    """The rtl-reader installed beside this Python (CI's venv), else on PATH."""
    beside = Path(sys.executable).parent / "rtl-reader"
    if beside.exists():
        return str(beside)
    found = shutil.which("rtl-reader")
    if not found:
        pytest.skip("rtl-reader is not installed (pip install -e . into the test venv)")
    return found


def _seed() -> Path:
    for candidate in (REPO_ROOT / "assets" / "articles" / SEED_NAME, SHARED / "seed" / SEED_NAME):
        if candidate.exists():
            return candidate
    pytest.skip("the seed article is in neither assets/articles nor ../shared/seed")


class Tmux:
    """A tmux server of our own (-L), so nothing touches the user's sessions."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"rtl-reader-e2e-{uuid.uuid4().hex[:8]}"
        self.env = env

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, encoding="utf-8", env=self.env, check=check)
        return done.stdout

    def start(self, command: str) -> int:
        self.run("-u", "new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), "-s", "e2e",
                 command)
        return int(self.run("list-panes", "-t", "e2e", "-F", "#{pane_pid}").split()[0])

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", "e2e", *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "e2e", check=False)

    def wait_for(self, predicate, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError("screen never matched; last screen:\n" + screen)

    def kill_server(self) -> None:
        self.run("kill-server", check=False)


def _stored_comment(library: Path) -> str | None:
    """The seed's draft as the library holds it now (read-only; WAL lets us read alongside)."""
    if not library.exists():
        return None
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT comment FROM drafts").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return rows[0][0] if rows else None


def _wait_until_stored(library: Path, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _stored_comment(library) == text:
            return
        time.sleep(0.1)
    stored = _stored_comment(library)
    raise AssertionError(f"the draft was not saved within {timeout} s: {stored!r}")


def _shaped(text: str) -> str:
    """How the app draws *text* on one line: shaped and in visual order."""
    from reader.text.layout import LayoutOptions, layout_text

    (line,) = layout_text(text, LayoutOptions(width=200))
    return line.text


@pytest.mark.timeout(120)
def test_comment_draft_survives_sigkill(tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    command = _installed_command()
    seed = _seed()
    library = tmp_path / "library.sqlite3"
    env = {**os.environ, "RTL_READER_LIBRARY": str(library), "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
    env.pop("TMUX", None)
    # Rich sizes the screen from COLUMNS/LINES when they are set (pytest-xdist workers
    # run with COLUMNS=80 LINES=24); the app must size itself from its pane.
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    tmux = Tmux(env)
    shaped = _shaped(COMMENT)
    app_line = (f"RTL_READER_LIBRARY={library} LANG=C.UTF-8 LC_ALL=C.UTF-8 "
                f"exec {command} --library {library} {seed}")
    try:
        pid = tmux.start(app_line)
        # The comment form is mounted once the article is on screen; its byte counter is
        # what tells it from the screen's own summary of the page's form.
        tmux.wait_for(lambda s: "65,525 bytes" in s)
        tmux.keys("c")
        time.sleep(0.3)
        tmux.keys(COMMENT, literal=True)
        screen = tmux.wait_for(lambda s: shaped in s)
        assert COMMENT not in screen  # never the logical, unshaped letters
        # Right to left: the comment is right-aligned in its pane (between borders).
        row = next(line for line in screen.splitlines() if shaped in line)
        at = row.index(shaped)
        left_border = row.rfind("│", 0, at)
        right_border = row.find("│", at + len(shaped))
        inside = row[left_border + 1 : right_border if right_border >= 0 else len(row)]
        trailing = len(inside) - len(inside.rstrip(" "))
        leading = len(inside) - len(inside.lstrip(" "))
        assert trailing <= 3 < leading, row
        # Autosave: at most a second after the last key (allowing for a loaded machine).
        typed_at = time.monotonic()
        _wait_until_stored(library, COMMENT)
        saved_after = time.monotonic() - typed_at
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        tmux.kill_server()

        tmux = Tmux(env)
        tmux.start(app_line)
        tmux.wait_for(lambda s: "65,525 bytes" in s)
        tmux.keys("c")
        tmux.wait_for(lambda s: shaped in s)  # the draft is back in the pane

        exported = subprocess.run(
            [command, "drafts", "export", "--library", str(library)], capture_output=True,
            text=True, encoding="utf-8", env=env, check=True, timeout=30,
        ).stdout
        drafts = json.loads(exported)
        assert [d["comment"] for d in drafts] == [COMMENT]
        assert drafts[0]["article_id"]
        assert saved_after < 10, f"autosave took {saved_after:.1f} s"
    finally:
        tmux.kill_server()
