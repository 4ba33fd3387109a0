"""End to end: HUP, TERM and INT a quarter second after the last key keep the draft.

The installed ``rtl-reader`` runs in a private tmux server; an Arabic comment is
typed, and 0.25 s after the app has counted its last key (well within the autosave
delay) the app gets the signal or its terminal is closed. The draft must be in
``drafts export``; for a signal sent to the process, the app must leave as a quit
does (the terminal back on its normal screen) with the conventional status, 128 +
the signal's number.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from reader.resources import seed_article_path
from tests.e2e.conftest import Tmux, app_env

COMMENT = "تعليق كُتب قبل الإشارة بربع ثانية"


def _type_a_comment(installed_command: Path, tmux: Tmux, library: Path, *,
                    width: int = 120, height: int = 45,
                    env: dict[str, str] | None = None, **start: Any) -> int:
    tmux.start([str(installed_command), "--library", str(library), str(seed_article_path())],
               width=width, height=height, env=env or app_env(library), **start)
    tmux.wait_for(lambda s: "65,525 bytes" in s, "the comment form", timeout=30)
    tmux.keys("c")
    time.sleep(0.3)
    tmux.keys(COMMENT, literal=True)
    # The keys are in the app once its byte counter counts them all: on a loaded
    # machine they can still sit in the terminal's buffer a quarter second after
    # being sent, and a signal then would end the app before they were typed.
    typed = f"{len(COMMENT.encode('utf-8')):,} / 65,525 bytes"
    tmux.wait_for(lambda s: typed in s, "the typed comment counted", timeout=30)
    time.sleep(0.25)
    return tmux.app_pid()


def _exported(installed_command: Path, library: Path) -> list[str]:
    result = subprocess.run(
        [str(installed_command), "drafts", "export", "--library", str(library)],
        capture_output=True, text=True, encoding="utf-8", env=app_env(library), timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return [draft["comment"] for draft in json.loads(result.stdout)]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT],
                         ids=["HUP", "TERM", "INT"])
def test_a_signal_saves_the_draft_and_leaves_as_a_quit_does(
        installed_command: Path, tmux: Tmux, tmp_path: Path, signum: signal.Signals) -> None:
    library = tmp_path / "library.sqlite3"
    pid = _type_a_comment(installed_command, tmux, library)
    os.kill(pid, signum)
    screen = tmux.wait_for(lambda s: "EXIT=" in s, "the app's exit status", timeout=30)
    assert f"EXIT={128 + signum}" in screen
    # The normal exit path ran: the app's screen is gone, the shell's is back.
    assert "Related links" not in screen and "65,525 bytes" not in screen
    assert "Traceback" not in screen
    assert _exported(installed_command, library) == [COMMENT]


@pytest.mark.timeout(120)
def test_closing_the_terminal_saves_the_draft(installed_command: Path, tmux: Tmux,
                                              tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    pid = _type_a_comment(installed_command, tmux, library)
    tmux("kill-session")  # the terminal goes away: the app gets SIGHUP
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{pid}").exists(), "the app outlived its terminal"
    assert _exported(installed_command, library) == [COMMENT]


@pytest.mark.timeout(120)
def test_the_app_ends_when_the_terminal_vanishes_under_a_big_screen(
        installed_command: Path, tmux: Tmux, tmp_path: Path) -> None:
    """``kill-server`` takes the pty away at once: the writes in flight (the screen,
    the modes reset on the way out) fail, and the hang-up can bring a SIGCONT on
    which Textual enters application mode again. The app must still save the draft
    and end promptly, not wait for ever on a terminal that is gone."""
    library = tmp_path / "library.sqlite3"
    # unbuffered, every write of Textual's writer thread meets the hang-up
    pid = _type_a_comment(installed_command, tmux, library, width=200, height=60,
                          env=app_env(library) | {"PYTHONUNBUFFERED": "1"})
    tmux.kill()  # the pty is gone at once, under a big screen
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = Path(f"/proc/{pid}").exists()
    if alive:
        os.kill(pid, signal.SIGKILL)  # a stuck app would ignore TERM
    assert not alive, "the app outlived its terminal"
    assert _exported(installed_command, library) == [COMMENT]


@pytest.mark.timeout(120)
def test_the_app_leaves_when_its_terminal_goes_though_no_hang_up_signal_comes(
        installed_command: Path, tmux: Tmux, tmp_path: Path) -> None:
    """The pane's shell ignores SIGHUP (as under ``nohup`` or a session manager), so
    it outlives the terminal and the kernel, which signals only the session's leader,
    never tells the app. The app must see the hang-up on its tty itself and leave as
    on SIGHUP: the draft kept, the status 128 + SIGHUP, no traceback."""
    library = tmp_path / "library.sqlite3"
    status = tmp_path / "status"
    pid = _type_a_comment(installed_command, tmux, library, shell_first="trap '' HUP",
                          status_file=status)
    assert signal.Signals.SIGHUP in _ignored_signals(tmux.pane_pid())
    tmux.kill()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = Path(f"/proc/{pid}").exists()
    if alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "the app outlived its terminal"
    deadline = time.monotonic() + 10
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status.read_text().strip() == str(128 + signal.SIGHUP)
    assert _exported(installed_command, library) == [COMMENT]


def _ignored_signals(pid: int) -> set[signal.Signals]:
    """The signals process *pid* ignores (its ``SigIgn`` mask)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigIgn:"):
            mask = int(line.split()[1], 16)
            return {sig for sig in signal.Signals if mask >> (sig - 1) & 1}
    raise AssertionError(f"no SigIgn line for process {pid}")
