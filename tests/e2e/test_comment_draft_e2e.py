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
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from reader.resources import seed_article_path
from tests.e2e.conftest import Tmux, app_env

COMMENT = "مقال مفيد عن الاتفاق النووي"
WIDTH, HEIGHT = 120, 45


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
def test_comment_draft_survives_sigkill(installed_command: Path, tmux: Tmux,
                                        tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    # A clean environment (tmux.start runs env -i): no COLUMNS/LINES, which Rich would
    # size the screen from (pytest-xdist workers set them); the app sizes itself from
    # its pane.
    env = app_env(library)
    argv = [str(installed_command), "--library", str(library), str(seed_article_path())]
    shaped = _shaped(COMMENT)
    tmux.start(argv, width=WIDTH, height=HEIGHT, env=env)
    # The comment form is mounted once the article is on screen; its byte counter is
    # what tells it from the screen's own summary of the page's form.
    tmux.wait_for(lambda s: "65,525 bytes" in s, "the comment form")
    tmux.keys("c")
    time.sleep(0.3)
    tmux.keys(COMMENT, literal=True)
    screen = tmux.wait_for(lambda s: shaped in s, "the typed comment, shaped")
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
    os.kill(tmux.app_pid(), signal.SIGKILL)
    tmux.wait_for(lambda s: "EXIT=137" in s, "the killed app's exit status")
    tmux.restart(argv, env=env)
    tmux.wait_for(lambda s: "65,525 bytes" in s, "the comment form again")
    tmux.keys("c")
    tmux.wait_for(lambda s: shaped in s, "the draft back in the pane")

    exported = subprocess.run(
        [str(installed_command), "drafts", "export", "--library", str(library)],
        capture_output=True, text=True, encoding="utf-8", env=env, check=True, timeout=30,
    ).stdout
    drafts = json.loads(exported)
    assert [d["comment"] for d in drafts] == [COMMENT]
    assert drafts[0]["article_id"]
    assert saved_after < 10, f"autosave took {saved_after:.1f} s"
