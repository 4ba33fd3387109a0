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

import pytest

from reader.resources import seed_article_path
from tests.e2e.conftest import Tmux, app_env

COMMENT = "تعليق كُتب قبل الإشارة بربع ثانية"


def _type_a_comment(installed_command: Path, tmux: Tmux, library: Path) -> int:
    tmux.start([str(installed_command), "--library", str(library), str(seed_article_path())],
               width=120, height=45, env=app_env(library))
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
