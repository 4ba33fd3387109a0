"""The question to tmux about its client is asked early and answered when needed."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from reader.ui.terminal import TmuxQuestion
from tests.ui.conftest import TEST_SETTINGS


def _fake_tmux(folder: Path, body: str) -> dict[str, str]:
    """An environment inside "tmux" whose ``tmux`` command runs the shell *body*."""
    folder.mkdir(exist_ok=True)
    script = folder / "tmux"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return {"TMUX": "/tmp/fake,1,0", "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def test_outside_tmux_nothing_is_asked(tmp_path: Path) -> None:
    environ = _fake_tmux(tmp_path, f"touch {tmp_path / 'asked'}")
    del environ["TMUX"]
    assert TmuxQuestion(environ).answer() is None
    assert not (tmp_path / "asked").exists()


def test_the_question_goes_out_before_the_answer_is_wanted(tmp_path: Path) -> None:
    asked = tmp_path / "asked"
    environ = _fake_tmux(tmp_path, f"touch {asked}\nprintf '1\\tmlterm\\tmlterm 3.9\\n'")
    question = TmuxQuestion(environ)
    deadline = time.monotonic() + 10
    while not asked.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert asked.exists()  # tmux runs while the caller goes on
    answer = question.answer()
    assert answer is not None
    assert (answer.termname, answer.termtype) == ("mlterm", "mlterm 3.9")
    assert question.answer() is None  # answered once; nothing left running


def test_a_tmux_that_does_not_answer_is_given_up_after_a_second(tmp_path: Path) -> None:
    question = TmuxQuestion(_fake_tmux(tmp_path, "exec sleep 30"))
    started = time.monotonic()
    assert question.answer() is None
    assert time.monotonic() - started < 5


def test_a_failing_or_garbled_answer_is_no_client(tmp_path: Path) -> None:
    assert TmuxQuestion(_fake_tmux(tmp_path / "a", "exit 1")).answer() is None
    assert TmuxQuestion(_fake_tmux(tmp_path / "b", "echo nonsense")).answer() is None


def test_the_app_identifies_the_terminal_from_the_question_given(
    library: Any, tmp_path: Path
) -> None:
    from reader.ui.app import ReaderApp

    environ = _fake_tmux(tmp_path, "printf '1\\tmlterm\\tmlterm 3.9\\n'")
    app = ReaderApp(library, TEST_SETTINGS, environ={"TMUX": environ["TMUX"]},
                    tmux=TmuxQuestion(environ))
    assert app.terminal.kind == "mlterm" and app.terminal.inside_tmux
