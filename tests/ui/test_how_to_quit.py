"""Ctrl+C with nothing to copy says how to quit, in the interface language, naming the
key that quits from where the reader is (in a text field, not the ``q`` it types)."""

from __future__ import annotations

from typing import Any

import pytest

from reader.i18n import message
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import (
    make_app,
    record_notices,
    seed_id,
    settle_library,
    settle_reading,
    wait_until,
)

SIZE = (100, 30)


def _how_to_quit(app: Any) -> str:
    return app.labels("msg.how_to_quit", quit_key="ctrl+q")


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_ctrl_c_in_the_library_and_its_search_field_says_how_to_quit(
        library: Any, lang: str) -> None:
    app = make_app(library, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        said = record_notices(app)
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: said, "a notice", lambda: said)
        await pilot.press("slash")  # the search field, empty: nothing to copy
        await wait_until(pilot, lambda: app.focused is not None
                         and app.focused.id == "library-search", "the search field")
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: len(said) == 2, "a second notice", lambda: said)
        assert said == [_how_to_quit(app)] * 2
        assert app.return_code is None  # Ctrl+C did not quit


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_ctrl_c_while_reading_says_how_to_quit(library: Any, lang: str) -> None:
    app = make_app(library, article_id=seed_id(library), lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        said = record_notices(app)
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: said, "a notice", lambda: said)
        assert said == [_how_to_quit(app)]
        assert isinstance(app.screen, ReadingScreen)


def test_the_notice_is_in_both_languages() -> None:
    english = message("en", "msg.how_to_quit", quit_key="ctrl+q")
    arabic = message("ar", "msg.how_to_quit", quit_key="ctrl+q")
    assert "ctrl+q" in english and "quit" in english
    assert "ctrl+q" in arabic and "للخروج" in arabic


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_ctrl_c_while_writing_a_comment_says_how_to_quit(library: Any, lang: str) -> None:
    """The comment editor copies a selection; with none, Ctrl+C is the app's."""
    from reader.ui.widgets.comments import CommentPane

    app = make_app(library, article_id=seed_id(library), lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        app.screen.query_one(CommentPane).focus_comment()
        await pilot.press("ن", "ص")
        said = record_notices(app)
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: said, "a notice", lambda: said)
        assert said == [_how_to_quit(app)]
        await pilot.press("shift+home", "ctrl+c")  # a selection: copied, nothing said
        assert app.clipboard == "نص"
        assert said == [_how_to_quit(app)]
