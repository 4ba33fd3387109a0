"""A long article is painted from its beginning; the rest is read after the first paint.

Nothing before the first paint reads or prepares the whole text; the reader sees
progress while the rest is read and laid out, and the rows already on screen stay.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.text.layout import Document
from reader.ui.screens import reading
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article import ArticleView, ReadingPosition
from tests.ui.conftest import make_app, record_notices, settle_reading, wait_until

SIZE = (100, 30)
#: The bytes read before the first paint, made small so that a short text is "long".
OPENING = 8 * 1024
PARAGRAPHS = 400


@pytest.fixture
def long_article(library: Any, tmp_path: Path, monkeypatch: Any) -> str:
    monkeypatch.setattr(reading, "OPENING_BYTES", OPENING)
    path = tmp_path / "long.txt"
    body = "\n\n".join(
        f"الفقرة {n}: أعلنت الحكومة اليوم عن خطة جديدة لتطوير التعليم في المدن والقرى"
        for n in range(PARAGRAPHS)
    )
    path.write_text("نص طويل جدا\n\n" + body + "\n", encoding="utf-8")
    return str(library.resolve(str(path)).id)


class _WholeReads:
    """Counts reads of whole articles (``Library.get``), and holds them at a gate."""

    def __init__(self, monkeypatch: Any) -> None:
        self.calls = 0
        self.gate = threading.Event()
        self.gate.set()
        get = Library.get

        def counted(library: Library, article_id: str) -> Any:
            self.calls += 1
            self.gate.wait(timeout=60)
            return get(library, article_id)

        monkeypatch.setattr(Library, "get", counted)


class _HeldLayout:
    """Holds the background layout (the worker's paragraphs) at a gate, so the main
    rows stay short of a place deep in the text for as long as a test wants."""

    def __init__(self, monkeypatch: Any) -> None:
        self.gate = threading.Event()
        paragraph_lines = Document.paragraph_lines
        gate = self.gate

        def gated(document: Document, index: int, options: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                gate.wait(timeout=60)
            return paragraph_lines(document, index, options)

        monkeypatch.setattr(Document, "paragraph_lines", gated)


async def test_the_first_paint_reads_only_the_beginning(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    reads = _WholeReads(monkeypatch)
    at_first_render: list[tuple[int, bool, int]] = []
    render_line = ArticleView.render_line

    def recording(view: ArticleView, y: int) -> Any:
        if not at_first_render and view.rows:
            at_first_render.append((reads.calls, view.whole, len(view.paragraphs)))
        return render_line(view, y)

    monkeypatch.setattr(ArticleView, "render_line", recording)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        calls, whole, shown = at_first_render[0]
        assert calls == 0 and not whole  # nothing read the whole text before the paint
        assert 2 < shown < PARAGRAPHS // 2  # the title, the metadata, the first paragraphs
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        assert view.whole and len(view.paragraphs) == PARAGRAPHS + 2
        assert view.document is app.kept_document(long_article)
        assert sum(1 for row in view.rows if row is None) == PARAGRAPHS + 1
        await pilot.press("G")  # the end of the whole text, not of its beginning
        assert view.scroll_y + view.scrollable_content_region.height == len(view.rows)


async def test_the_rows_on_screen_stay_while_the_rest_comes(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    reads = _WholeReads(monkeypatch)
    reads.gate.clear()
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: reads.calls == 1, "the whole text asked for")
        assert not view.whole and not view.layout_complete
        assert view.border_subtitle is not None
        assert str(view.border_subtitle) == "Loading the rest…"
        await pilot.press("pagedown", "j")
        place = view.position()
        top = view.scroll_y
        rows_before = list(view.rows)
        view.search("الفقرة 3")
        assert view.matches and view.current_match >= 0
        found, current = len(view.matches), view.matches[view.current_match]
        await pilot.press("G")  # End before the rest is there: the view follows it
        reads.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        assert view.rows[: len(rows_before)] == rows_before  # laid out once, kept
        assert len(view.matches) > found  # the search covers the whole text now
        assert view.matches[view.current_match] == current  # the same match is current
        await wait_until(pilot, lambda: view.scroll_y == view.max_scroll_y, "End followed")
        assert view.scroll_y == view.max_scroll_y  # End followed the rows as they came
        assert not view.border_subtitle
        view.clear_search()
        view.scroll_to(0, top, animate=False, immediate=True, force=True)
        await pilot.pause()
        assert view.position() == place


async def test_progress_shows_while_the_rest_is_laid_out(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    held = _HeldLayout(monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole, "the whole text read")
        await wait_until(pilot, lambda: view.border_subtitle, "the progress shown")
        subtitle = view.border_subtitle
        assert subtitle is not None
        done = len([row for row in view.rows if row is None]) + 1
        assert str(subtitle) == f"Laying out… {done}/{PARAGRAPHS + 2}"
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        await wait_until(pilot, lambda: not view.border_subtitle, "the progress gone")
        assert not view.border_subtitle


async def test_a_place_beyond_the_beginning_is_restored_when_the_rest_comes(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    from reader.ui.app import position_key

    deep = PARAGRAPHS - 10
    library.set_state(position_key(long_article), [deep, 0])
    reads = _WholeReads(monkeypatch)
    reads.gate.clear()
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: reads.calls == 1, "the whole text asked for")
        # Nothing is on screen meanwhile: the beginning would jump away to the place.
        assert not view.whole and not view.rows
        assert view.position() == ReadingPosition(deep, 0)  # the place, still to come
        reads.gate.set()
        await wait_until(pilot, lambda: view.settled, "the place restored")
        assert view.position() == ReadingPosition(deep, 0)
        top = view.rows[int(view.scroll_y)]
        assert top is not None and top.paragraph == deep


async def test_a_layout_that_fails_says_so(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    paragraph_lines = Document.paragraph_lines

    def failing(document: Document, index: int, options: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            raise MemoryError("no room")
        return paragraph_lines(document, index, options)

    monkeypatch.setattr(Document, "paragraph_lines", failing)
    app = make_app(library, article_id=long_article)
    said = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: any("Cannot lay out the article" in m for m in said),
                         "the failure said", lambda: said)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.query_one(ArticleView).rows  # the beginning stays


async def test_a_rest_that_cannot_be_read_says_so_and_keeps_the_beginning(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    from reader.errors import ReaderError

    def failing(library: Library, article_id: str) -> Any:
        raise ReaderError("the disk went away")

    monkeypatch.setattr(Library, "get", failing)
    app = make_app(library, article_id=long_article)
    said = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)  # the related links come all the same
        await wait_until(pilot, lambda: any("the disk went away" in m for m in said),
                         "the failure said", lambda: said)
        assert app.screen.related_loaded
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.layout_complete, "the beginning laid out")
        await wait_until(pilot, lambda: not view.border_subtitle, "the progress gone")
        assert view.rows and not view.border_subtitle  # no "Loading the rest…" left
        assert len(view.paragraphs) < PARAGRAPHS


def _top(view: ArticleView) -> Any:
    """The line at the top of the view (the first line at or below the top row)."""
    rows = view.rows
    return next(line for line in rows[int(view.scroll_y):] if line is not None)


async def test_a_deep_place_shows_before_the_layout_reaches_it(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    """The place is on screen once the text is read, not once every paragraph before
    it is laid out; the view changes over to the whole layout at the same line."""
    from reader.ui.app import position_key

    deep = PARAGRAPHS - 150
    library.set_state(position_key(long_article), [deep, 0])
    held = _HeldLayout(monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown",
                         lambda: (view.whole, view.position(), view.scroll_y))
        assert not view.layout_complete  # the layout is held far before the place
        assert _top(view).paragraph == deep and _top(view).start == 0
        assert view.position() == ReadingPosition(deep, 0)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")  # past the window
        assert _top(view).paragraph > deep
        await pilot.press("pageup", "pageup", "pageup", "pageup", "pageup", "pageup")
        assert _top(view).paragraph < deep  # and before it
        here = _top(view)
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        assert _top(view) == here  # the same line at the top after the change-over
        assert view.rows[0] is not None and view.rows[0].paragraph == 0


async def test_end_and_find_reach_the_end_of_a_text_not_laid_out_yet(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    held = _HeldLayout(monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole, "the whole text read")
        await pilot.press("G")
        assert not view.layout_complete
        last = view.rows[-1]
        assert last is not None and last.paragraph == PARAGRAPHS + 1  # the text's last line
        assert view.scroll_y == view.max_scroll_y > 0
        view.search(f"الفقرة {PARAGRAPHS // 2}:")
        match = view.matches[view.current_match]
        on_screen = view.rows[int(view.scroll_y):int(view.scroll_y) + view.size.height]
        assert any(line is not None and line.paragraph == match.paragraph
                   for line in on_screen)
        await pilot.press("g")  # Home: the beginning, which the layout holds
        assert view.scroll_y == 0 and _top(view).paragraph == 0
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")


async def test_a_key_before_the_rest_comes_shows_the_beginning(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    """Waiting for a place in the rest is not a dead end: a key moves in what is here."""
    from reader.ui.app import position_key

    library.set_state(position_key(long_article), [PARAGRAPHS - 10, 0])
    reads = _WholeReads(monkeypatch)
    reads.gate.clear()
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: reads.calls == 1, "the whole text asked for")
        assert not view.rows
        await pilot.press("j")
        assert view.rows and view.rows[0] is not None and view.rows[0].paragraph == 0
        assert view.scroll_y == 1  # the beginning, a row down
        here = _top(view)
        reads.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        assert view.scroll_y == 1 and _top(view) == here  # the reader's move stands


async def test_a_place_in_a_rest_that_cannot_be_read_gives_the_beginning(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    from reader.errors import ReaderError
    from reader.ui.app import position_key

    def failing(library: Library, article_id: str) -> Any:
        raise ReaderError("the disk went away")

    library.set_state(position_key(long_article), [PARAGRAPHS - 10, 0])
    monkeypatch.setattr(Library, "get", failing)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.layout_complete and view.rows, "the beginning")
        assert view.rows[0] is not None and view.rows[0].paragraph == 0
        assert view.position() == ReadingPosition(0, 0)
