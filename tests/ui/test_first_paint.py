"""The reading screen paints the article first; the rest follows it.

The side panes, the footer and the start-up's deferred work (the app's
``on_first_paint``) wait for the article's first paint, or for a short timeout
when the article cannot be drawn at all.
"""

from __future__ import annotations

from typing import Any

from reader.ui.app import ReaderApp
from reader.ui.screens.reading import COMPLETE_AFTER, ReadingScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.comments import CommentPane
from reader.ui.widgets.related import RelatedPane
from tests.ui.conftest import TEST_SETTINGS, record_notices, seed_id, settle_reading, wait_until


class _Recorder:
    """Records what the screen held when the article's first rows were rendered."""

    def __init__(self) -> None:
        self.first_paint_calls = 0
        self.at_first_render: tuple[int, int] | None = None

    def on_first_paint(self) -> None:
        self.first_paint_calls += 1


def _app(library: Any, recorder: _Recorder) -> ReaderApp:
    return ReaderApp(library, TEST_SETTINGS, article_id=seed_id(library), environ={},
                     on_first_paint=recorder.on_first_paint)


async def test_the_article_is_drawn_before_the_side_panes_and_footer(
    library: Any, monkeypatch: Any
) -> None:
    recorder = _Recorder()
    original = ArticleView.render_line

    def render_line(view: ArticleView, y: int) -> Any:
        if recorder.at_first_render is None and view.rows:
            screen = view.screen
            recorder.at_first_render = (len(screen.query(RelatedPane)),
                                        len(screen.query("Footer")))
        return original(view, y)

    monkeypatch.setattr(ArticleView, "render_line", render_line)
    app = _app(library, recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        assert recorder.at_first_render == (0, 0)  # nothing else was mounted yet
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert len(screen.query(RelatedPane)) == 1 and len(screen.query("#comment")) == 1
        assert isinstance(screen.query_one("#comment"), CommentPane)
        footer = screen.query_one("Footer")
        assert footer.children, "the footer lists no keys"
        assert recorder.first_paint_calls == 1
        # The next article is painted too: the hook stays spent.
        await pilot.press("right_square_bracket")
        await settle_reading(pilot)
        assert recorder.first_paint_calls == 1


async def test_a_paint_later_than_the_fallback_still_comes_first(
    library: Any, monkeypatch: Any
) -> None:
    """On a loaded machine the first paint can come after the fallback's timer: the
    timer must not mount the side panes before an article that can be painted."""
    from textual.screen import Screen

    fired: list[bool] = []

    def first_at_once(screen: Screen, delay: float, callback: Any, *args: Any,
                      **kwargs: Any) -> Any:
        if not fired:  # the fallback's timer fires before anything is painted
            fired.append(True)
            return screen.call_later(callback)
        return Screen.set_timer(screen, delay, callback, *args, **kwargs)

    monkeypatch.setattr(ReadingScreen, "set_timer", first_at_once)
    recorder = _Recorder()
    original = ArticleView.render_line

    def render_line(view: ArticleView, y: int) -> Any:
        if recorder.at_first_render is None and view.rows:
            recorder.at_first_render = (len(view.screen.query(RelatedPane)),
                                        len(view.screen.query("Footer")))
        return original(view, y)

    monkeypatch.setattr(ArticleView, "render_line", render_line)
    app = _app(library, recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        assert fired
        assert recorder.at_first_render == (0, 0)
        assert app.screen.query(RelatedPane) and recorder.first_paint_calls == 1


async def test_a_screen_too_small_to_draw_the_article_still_completes(library: Any) -> None:
    recorder = _Recorder()
    app = _app(library, recorder)
    async with app.run_test(size=(60, 2)) as pilot:  # the article pane is all border
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.size.width, "the article pane laid out")
        assert view.size.height == 0
        await pilot.pause(COMPLETE_AFTER)
        await wait_until(pilot, lambda: app.screen.query(RelatedPane) and app.screen.query(
            "Footer"), "the screen completed")
        assert app.screen.query(RelatedPane) and app.screen.query("Footer")
        assert recorder.first_paint_calls == 1


async def test_an_article_missing_from_the_library_falls_back_to_the_library(
    library: Any,
) -> None:
    from reader.ui.screens.library import LibraryScreen

    app = ReaderApp(library, TEST_SETTINGS, article_id="0000000000000000", environ={})
    said = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: any("0000000000000000" in m for m in said), "the notice")
        assert isinstance(app.screen, LibraryScreen)
        assert len(app.screen_stack) == 1
        assert any("0000000000000000" in m for m in said)
        await pilot.press("enter")  # the library works: the newest article opens
        await settle_reading(pilot)
        assert isinstance(app.screen, ReadingScreen)


async def test_the_pane_bar_waits_until_the_screen_is_narrow(
    library: Any, monkeypatch: Any
) -> None:
    # The bar naming the shown pane is laid out by the engine; a wide screen hides it,
    # so it is not described before the first paint, only when the screen narrows.
    described: list[str] = []
    describe = ReadingScreen._describe_shown_pane

    def counting(screen: ReadingScreen) -> None:
        described.append("ar" if screen.app.labels.rtl else "en")
        describe(screen)

    monkeypatch.setattr(ReadingScreen, "_describe_shown_pane", counting)
    app = _app(library, _Recorder())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle_reading(pilot)
        assert described == []
        app.change(lang="ar")  # while wide
        await pilot.pause()
        assert described == []
        await pilot.resize_terminal(70, 22)
        await wait_until(pilot, lambda: described, "the narrow layout described")
        assert described == ["ar"]
        bar = app.screen.query_one("#pane-bar")
        assert bar.display
        shown = str(bar.render())
        app.screen._describe_shown_pane()  # described again: the same, in Arabic
        assert str(bar.render()) == shown
