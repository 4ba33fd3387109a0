"""The English library screen shows an Arabic title in its own order (read back from tmux)."""

from __future__ import annotations

from pathlib import Path

from reader.text.layout import LayoutOptions, layout_text
from tests.e2e.conftest import Tmux, app_env

TITLE = "تسريب تصميم لجهاز iPad mini 4 بسماكة رفيعة"


def _drawn(word: str) -> str:
    """``word`` as the engine draws it alone (shaped, in visual order)."""
    return layout_text(word, LayoutOptions(width=100))[0].text


def test_continue_reading_keeps_an_arabic_title_right_to_left(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    from reader.library import Library

    article = tmp_path / "ipad.txt"
    article.write_text(TITLE + "\n\nنشرت مصادر صورا لتصميم الجهاز الجديد.\n", encoding="utf-8")
    library_path = tmp_path / "library.sqlite"
    Library.open(library_path).close()
    tmux.start([str(installed_command), str(article), "--library", str(library_path),
                "--bidi", "app", "--lang", "en"], env=app_env(library_path))
    tmux.wait_for(lambda s: _drawn("بسماكة") in s, "the article")
    tmux.keys("Escape")
    screen = tmux.wait_for(lambda s: "Continue reading:" in s, "the library screen")
    row = next(r for r in screen.splitlines() if "Continue reading:" in r)
    # the title reads right to left as a whole: بسماكة left of iPad, لجهاز right of it
    assert row.index(_drawn("بسماكة")) < row.index("iPad mini 4") < row.index(_drawn("لجهاز"))
    assert not any(c in row for c in "\u2066\u2067\u2068\u2069\u200e\u200f")
    tmux.keys("q")
    tmux.wait_for(lambda s: "EXIT=0" in s, "the app to exit")
