"""The reading screen's scrollbar says where the reader is in the whole text, also while
the text is not all laid out: a deep place shown from a window, the end, the main rows
still growing. It measured only the rows laid out, so it said "near the top" at the end
of a 48 MB text. The layout is held at a gate (as in tests/ui/test_long_article.py) for
as long as each test looks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.scrollbar import ScrollBarRender

from reader.ui.screens import reading
from reader.ui.widgets.article import ArticleView
from tests.ui import test_long_article as long_texts
from tests.ui.conftest import make_app, wait_until
from tests.ui.test_long_article import PARAGRAPHS, _HeldLayout, _top

long_article = long_texts.long_article  # the fixture: a text of PARAGRAPHS paragraphs

SIZES = [(80, 24), (40, 20)]


class _Bar:
    """The vertical scrollbar as drawn: its values and its cells."""

    def __init__(self, view: ArticleView) -> None:
        scrollbar = view.vertical_scrollbar
        drawn = scrollbar.render()
        assert isinstance(drawn, ScrollBarRender)
        self.position, self.rows = drawn.position, drawn.virtual_size
        self.window = drawn.window_size
        self.share = self.position / (self.rows - self.window)
        height = scrollbar.size.height
        segments = ScrollBarRender.render_bar(size=height, virtual_size=self.rows,
                                              window_size=self.window, position=self.position)
        #: each cell: its glyph and whether it is the thumb's (drawn reversed)
        self.cells = [(segment.text, bool(segment.style and segment.style.reverse))
                      for segment in segments.segments if segment.text != "\n"]
        self.height = height

    @property
    def thumb(self) -> list[int]:
        """The cells of the thumb, a part of one included."""
        return [n for n, (glyph, reverse) in enumerate(self.cells) if reverse or glyph != " "]


async def _deep_place_held(library: Any, article: str, monkeypatch: Any) -> Any:
    from reader.ui.app import position_key

    library.set_state(position_key(article), [PARAGRAPHS - 150, 0])
    return _HeldLayout(monkeypatch)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_deep_place_shows_its_place_in_the_whole_text_and_keeps_it(
    library: Any, long_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    """From a window the thumb is where the place is in the whole text, and stays there
    when the main rows take over at the same top line."""
    held = await _deep_place_held(library, long_article, monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown")
        assert not view.layout_complete and view.scroll_y < 10  # near the window's top
        shown = _Bar(view)
        here = _top(view)
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        await pilot.pause()
        assert _top(view) == here
        exact = _Bar(view)
        assert exact.share == view.scroll_y / view.max_scroll_y  # Textual's own now
        assert 0.5 < exact.share < 0.75  # the place is past the middle of the text
        assert abs(shown.share - exact.share) < 0.01
        assert abs(shown.rows - exact.rows) < 0.05 * exact.rows  # an estimate
        # the reader sees no jump: the thumb's cells are the same, give or take the
        # eighth of a cell its top is drawn to
        eighths = [int(bar.share * (bar.height - max(1, bar.window * bar.height / bar.rows)) * 8)
                   for bar in (shown, exact)]
        assert abs(eighths[0] - eighths[1]) <= 1
        assert shown.thumb == exact.thumb or eighths[0] != eighths[1]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_thumb_moves_only_the_way_the_reader_moves(
    library: Any, long_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    """Paging down and up past the window's edges (it grows both ways, rows coming in
    where an estimate stood): the thumb never moves against the reader."""
    held = await _deep_place_held(library, long_article, monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown")
        shares = [_Bar(view).share]
        for key in ["pagedown"] * 6 + ["pageup"] * 12 + ["down"] * 5 + ["up"] * 5:
            was = _top(view)
            await pilot.press(key)
            now, share = _top(view), _Bar(view).share
            if (now.paragraph, now.start) > (was.paragraph, was.start):
                assert share >= shares[-1], key
            elif (now.paragraph, now.start) < (was.paragraph, was.start):
                assert share <= shares[-1], key
            shares.append(share)
        assert not view.layout_complete  # all of it from the window
        assert max(shares) > shares[0] > min(shares)  # it did move, both ways
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")


@pytest.fixture
def uneven_article(library: Any, tmp_path: Path, monkeypatch: Any) -> str:
    """Short paragraphs but for a run of long ones just before paragraph UNEVEN_PLACE: an
    estimate made from the short ones counts far fewer rows there than come."""
    monkeypatch.setattr(reading, "OPENING_BYTES", long_texts.OPENING)
    short = "أعلنت الحكومة اليوم عن خطة جديدة"
    long = " ".join(["تطوير التعليم في المدن والقرى"] * 80)
    body = "\n\n".join(long if UNEVEN_PLACE - 8 <= n < UNEVEN_PLACE else f"{n}: {short}"
                        for n in range(PARAGRAPHS))
    path = tmp_path / "uneven.txt"
    path.write_text("نص متفاوت الفقرات\n\n" + body + "\n", encoding="utf-8")
    return str(library.resolve(str(path)).id)


UNEVEN_PLACE = 250


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_rows_far_more_than_estimated_do_not_move_the_thumb_against_the_reader(
    library: Any, uneven_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    """Paging up into long paragraphs the estimate had counted as short: the rows before
    the top are fewer by a page but the estimate of what is before the window drops by
    far less than the rows that came, so the estimate alone would move the thumb down."""
    from reader.ui.app import position_key

    library.set_state(position_key(uneven_article), [UNEVEN_PLACE + 2, 0])  # + title, meta
    held = _HeldLayout(monkeypatch)
    app = make_app(library, article_id=uneven_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown")
        shares = [_Bar(view).share]
        for _ in range(6):
            await pilot.press("pageup")
            shares.append(_Bar(view).share)
        assert _top(view).paragraph < UNEVEN_PLACE + 2  # into the long paragraphs
        assert not view.layout_complete
        assert shares == sorted(shares, reverse=True)
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")


async def test_an_estimate_that_would_move_the_thumb_against_the_reader_is_held(
    library: Any, long_article: str, monkeypatch: Any
) -> None:
    """Whatever the estimate says after a move (here: pages more rows before the top
    after paging up, fewer after paging down), the thumb does not move against the
    reader; it moves with the estimate again once that agrees."""
    from reader.ui.widgets.article import view as view_module

    held = await _deep_place_held(library, long_article, monkeypatch)
    bias = [0]
    estimate = view_module.whole_text_extent

    def biased(*args: Any) -> Any:
        extent = estimate(*args)
        return extent._replace(top=extent.top + bias[0])

    monkeypatch.setattr(view_module, "whole_text_extent", biased)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown")
        await pilot.press("pagedown", "pagedown")
        start = _Bar(view).share
        bias[0] = 3 * view.page_height
        await pilot.press("pageup")
        assert _Bar(view).share == start  # held, not 2 pages further down
        bias[0] = -3 * view.page_height
        await pilot.press("pagedown")
        assert _Bar(view).share == start  # held, not 4 pages further up
        bias[0] = 0
        await pilot.press("pagedown")
        assert _Bar(view).share > start  # moving down with the estimate again
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_end_puts_the_thumb_at_the_bottom_before_the_layout_reaches_it(
    library: Any, long_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    held = _HeldLayout(monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole, "the whole text read")
        await pilot.press("G")
        await pilot.pause()
        assert not view.layout_complete
        assert view.show_vertical_scrollbar
        bar = _Bar(view)
        assert bar.share == 1.0
        assert bar.cells[-1][1]  # the thumb reaches the last cell
        assert bar.thumb[0] > bar.height // 2  # and is no big block from the top
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_while_the_main_rows_grow_the_scrollbar_measures_the_whole_text(
    library: Any, long_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    """At the beginning, the layout held after its first screens: the thumb is as small
    as the whole text makes it, not a third of the bar."""
    held = _HeldLayout(monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole, "the whole text read")
        await pilot.press("pagedown")
        assert not view.layout_complete
        assert view.rows[0] is not None and view.rows[0].paragraph == 0  # the main rows
        growing = _Bar(view)
        assert growing.rows > 10 * len(view.rows)  # the whole text, not the rows so far
        here = _top(view)
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
        await pilot.pause()
        assert _top(view) == here
        whole = _Bar(view)
        # the rows before the top are known: the thumb is where it was
        assert whole.position == pytest.approx(growing.position)
        # estimated from the first screens alone: short paragraph numbers, fewer lines
        assert abs(growing.rows - whole.rows) < 0.1 * whole.rows


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_click_on_the_track_pages_past_the_window_as_the_keys_do(
    library: Any, long_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    """Below the thumb a page down, above it a page up, as PageDown and PageUp: the
    window grows (Textual's own page stopped at the window's last screen)."""
    held = await _deep_place_held(library, long_article, monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown")
        first = _top(view)
        scrollbar = view.vertical_scrollbar
        column = scrollbar.region.x  # on the screen
        below = scrollbar.region.bottom - 1  # the thumb is mid-bar
        above = scrollbar.region.y
        window_end = view.rows[-1]
        assert window_end is not None
        for _ in range(6):
            before = view.scroll_y
            await pilot.click(offset=(column, below))
            assert _top(view).paragraph > first.paragraph
            assert view.scroll_y >= before  # a window's rows may come in front, never lost
            assert _Bar(view).share > 0.5
        assert _top(view).paragraph > window_end.paragraph  # past the window it opened with
        for _ in range(12):
            await pilot.click(offset=(column, above))
        assert _top(view).paragraph < first.paragraph  # and before it
        assert not view.layout_complete  # all of it from the window
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_thumb_dragged_goes_where_it_is_taken_in_the_whole_text(
    library: Any, long_article: str, monkeypatch: Any, size: tuple[int, int]
) -> None:
    """Textual's scrollbar reckons a drag in the rows on screen: from a window, the
    thumb drawn mid-bar and dragged to the bottom moved the view a few rows. It goes
    to the end of the whole text now, and dragged back up to its beginning."""
    held = await _deep_place_held(library, long_article, monkeypatch)
    app = make_app(library, article_id=long_article)
    async with app.run_test(size=size) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.whole and view.settled, "the place shown")
        scrollbar = view.vertical_scrollbar
        bar = _Bar(view)
        column, top = scrollbar.region.x, scrollbar.region.y
        thumb = top + bar.thumb[-1]
        await pilot.mouse_down(offset=(column, thumb))
        await pilot.hover(offset=(column, scrollbar.region.bottom))  # just past the bar
        await pilot.pause()
        last = view.rows[-1]
        assert last is not None and last.paragraph == PARAGRAPHS + 1  # the text's end
        assert view.scroll_y == view.max_scroll_y
        assert not view.layout_complete  # from a window
        assert _Bar(view).share == 1.0
        await pilot.hover(offset=(column, (top + scrollbar.region.bottom) // 2))
        await pilot.pause()
        middle = _top(view).paragraph
        assert PARAGRAPHS * 0.3 < middle < PARAGRAPHS * 0.7  # about the middle
        assert 0.3 < _Bar(view).share < 0.7
        await pilot.hover(offset=(column, top - 1))
        await pilot.mouse_up(offset=(column, top - 1))
        await pilot.pause()
        assert _top(view).paragraph < 5  # its beginning
        assert _Bar(view).share < 0.05
        held.gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the whole text laid out")
