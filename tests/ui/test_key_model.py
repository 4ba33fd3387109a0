"""The key model, key by key: q, ctrl+q, Escape, b/space/Backspace, letters in fields."""

from __future__ import annotations

from typing import Any

from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.settings import PREFERENCES_KEY
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.comments import CommentPane
from tests.ui.conftest import make_app, seed_id, settle_library, settle_reading, wait_until

SIZE = (120, 40)


def _stored_comment(library: Any) -> str | None:
    rows = library.connection.execute("SELECT comment FROM drafts").fetchall()
    return rows[0][0] if rows else None


async def test_q_right_after_opening_an_article_quits(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article")
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, "the app to quit")
        assert app.return_code == 0  # the app is quitting


async def test_q_types_in_the_comment_escape_leaves_it_and_q_then_quits(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("c", *"abc q")
        pane = app.screen.query_one(CommentPane)
        assert pane.editor("comment").buffer.text == "abc q"
        assert app.return_code is None
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)  # still reading, the article shown
        assert app.screen.query_one(ArticleView).display
        assert app.focused is pane  # the pane, out of its text
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, "the app to quit")
        assert app.return_code == 0
    assert _stored_comment(library) == "abc q"  # saved before quitting


async def test_c_after_escape_goes_back_into_the_comment(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("c", "x", "escape", "c", "y")
        pane = app.screen.query_one(CommentPane)
        assert pane.editor("comment").buffer.text == "xy"
        await pilot.press("escape", "escape")  # field → pane → article
        assert isinstance(app.focused, ArticleView)
        await pilot.press("escape")  # article → library
        assert isinstance(app.screen, LibraryScreen)


async def test_ctrl_q_quits_from_inside_the_comment_and_saves_it(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("c", *"qrst", "ctrl+q")
        await wait_until(pilot, lambda: app.return_code is not None, "the app to quit")
        assert app.return_code == 0
    assert _stored_comment(library) == "qrst"


async def test_b_pages_up_space_pages_down_backspace_goes_back(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        page = view.scrollable_content_region.height
        await pilot.press("space")
        assert view.scroll_offset.y == page
        await pilot.press("b")
        assert view.scroll_offset.y == 0
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("backspace")
        assert isinstance(app.screen, LibraryScreen)


async def test_q_closes_the_help_and_escape_never_quits(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, ReadingScreen) and app.return_code is None
        for _ in range(4):
            await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen) and app.return_code is None


async def test_library_q_quits_but_types_in_the_search_field(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        await pilot.press("slash", "q")
        assert app.return_code is None
        assert app.screen.query_one("#library-search").value == "q"
        await pilot.press("escape", "q")
        await wait_until(pilot, lambda: app.return_code is not None, "the app to quit")
        assert app.return_code == 0


async def test_command_line_options_are_not_saved_palette_changes_are(library: Any) -> None:
    from reader.ui.app import ReaderApp
    from tests.ui.conftest import TEST_SETTINGS

    saved = TEST_SETTINGS  # what the library holds; this run is given --lang ar
    app = ReaderApp(library, saved.with_changes(lang="ar"), preferences=saved, environ={})
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        assert app.settings.lang == "ar"
        app.change(harakat="strip")  # as the palette does
        await wait_until(pilot, lambda: (library.get_state(PREFERENCES_KEY) or {}).get(
            "harakat") == "strip", "the preference saved")
    stored = library.get_state(PREFERENCES_KEY)
    assert stored["harakat"] == "strip" and stored["lang"] == "en"
