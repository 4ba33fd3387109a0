"""The installed command in tmux: the seed reads right, related links open, quit is clean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.resources import seed_article_path
from reader.text.layout import Document, LayoutOptions
from tests.conftest import shared_path
from tests.e2e.conftest import Tmux, app_env

WIDTH, HEIGHT = 100, 30


def rows_of(screen: str) -> list[str]:
    return screen.split("\n")


def engine_lines(text: str, width: int) -> list[str]:
    """The engine's own display text for *text* at *width* (app mode, defaults)."""
    document = Document([text], direction="rtl")
    return [line.text for line in document.paragraph_lines(0, LayoutOptions(width=width))]


def find_laid_out(screen: str, text: str) -> tuple[int, list[str]]:
    """The width at which *text* appears on *screen* as consecutive engine lines.

    Returns (first row, lines). Fails when no width reproduces the screen.
    """
    rows = rows_of(screen)
    for width in range(WIDTH, 9, -1):
        lines = engine_lines(text, width)
        for first, row in enumerate(rows):
            if lines[0] in row and all(
                first + k < len(rows) and line in rows[first + k] for k, line in enumerate(lines)
            ):
                return first, lines
    raise AssertionError(f"{text[:40]!r} is not on the screen as the engine lays it out:\n{screen}")


def right_aligned(row: str, text: str) -> bool:
    """*text* ends at the right edge of its pane (only air and the frame after it)."""
    before, _, after = row.partition(text)
    return after.replace("│", "").strip() == "" and len(before) > len(after)


def open_library(tmp_path: Path) -> tuple[Path, Any]:
    from reader.library import Library

    path = tmp_path / "library.sqlite"
    library = Library.open(path)
    for name in ("mixed_01_alriyadh.txt", "mixed_03_aawsat.txt", "news_harakat_02_aljazirah.txt"):
        library.resolve(str(shared_path("corpus", "text", name)))
    return path, library


def test_seed_reads_right_related_opens_and_quit_is_clean(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    library_path, library = open_library(tmp_path)
    seed = library.resolve(str(seed_article_path()))
    related = library.related(seed.id)
    library.close()
    tmux.start([str(installed_command), seed.id, "--library", str(library_path),
                "--bidi", "app", "--lang", "en"], width=WIDTH, height=HEIGHT,
               env=app_env(library_path))
    title = engine_lines(seed.title, 90)[0]

    def shows_article(screen: str) -> bool:
        try:
            find_laid_out(screen, seed.paragraphs[0])
        except AssertionError:
            return False
        return title in screen

    screen = tmux.wait_for(shows_article, "the seed's title and first paragraph")
    title_row = next(row for row in rows_of(screen) if title in row)
    assert right_aligned(title_row, title), title_row
    first, lines = find_laid_out(screen, seed.paragraphs[0])
    for k, line in enumerate(lines[:-1]):  # a paragraph's last line may be short
        assert right_aligned(rows_of(screen)[first + k], line)
    # The article is on the right, the related links pane on the left (the side panes
    # are mounted right after the article's first paint).
    screen = tmux.wait_for(lambda s: "Related links" in s, "the side panes")
    assert screen.index("Related links") < screen.index("Article")

    stored = [number for number, item in enumerate(related) if item.article_id]
    assert stored, "the library found no related stored article for the seed"
    tmux.wait_for(lambda s: "\u25cf" in s, "the related links (with their relevance bars)")
    tmux.keys("r", *["j"] * stored[0], "Enter")
    other = related[stored[0]].title
    other_line = engine_lines(other, 200)[0][-20:]  # the title's first words
    tmux.wait_for(lambda s: other_line in s and title not in s, f"the related article {other!r}")
    tmux.keys("BSpace")
    tmux.wait_for(lambda s: title in s, "the seed again after Back")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Search the library" in s, "the library screen")
    tmux.keys("q")
    screen = tmux.wait_for(lambda s: "EXIT=" in s, "the app to exit")
    assert "EXIT=0" in screen
    assert "Traceback" not in screen
