"""The screens' stacks: the article opened at start-up is the first screen of its own
stack (Textual's modes), and going to the library replaces that stack with the
library's, through Textual's public calls only."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import UnknownModeError

from reader.ui.app import LIBRARY_MODE, START_MODE
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from tests.ui.conftest import make_app, seed_id, settle_library, settle_reading, wait_until

SIZE = (100, 30)


async def test_leaving_the_start_up_article_for_the_library_removes_its_stack(
        library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        first = app.screen
        assert isinstance(first, ReadingScreen) and app.screen_stack == [first]
        assert app.current_mode == START_MODE
        await pilot.press("escape")
        await settle_library(pilot)
        assert app.current_mode == LIBRARY_MODE
        assert len(app.screen_stack) == 1 and isinstance(app.screen_stack[0], LibraryScreen)
        # the start-up article's screen is gone, not kept in a hidden stack
        await wait_until(pilot, lambda: not first.is_attached, "the first screen removed")
        with pytest.raises(UnknownModeError):
            app.switch_mode(START_MODE)
        library_screen = app.screen
        # reading → back → reading → back: pushed over the library, popped back to it
        for _ in range(2):
            await pilot.press("enter")
            await settle_reading(pilot)
            assert app.screen_stack[0] is library_screen and len(app.screen_stack) == 2
            await pilot.press("escape")
            await settle_library(pilot)
            assert app.screen_stack == [library_screen]


async def test_the_library_started_with_stays_the_one_stack(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        library_screen = app.screen
        assert app.current_mode == START_MODE
        await pilot.press("enter")
        await settle_reading(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "reading")
        await pilot.press("escape")
        await settle_library(pilot)
        assert app.current_mode == START_MODE and app.screen_stack == [library_screen]


async def test_a_language_switch_after_leaving_the_start_up_article_relabels_the_library(
        library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("escape")
        await settle_library(pilot)
        before = str(app.screen.query_one("#library-status").render())
        app.change(lang="ar")
        await wait_until(pilot, lambda: str(app.screen.query_one("#library-status").render())
                         != before, "the library relabelled")
        status = str(app.screen.query_one("#library-status").render())
        assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in status)


async def test_a_draft_typed_on_the_start_up_article_is_saved_when_its_stack_goes(
        library: Any) -> None:
    """Removing the start-up mode unmounts its reading screen as a switch would: the
    comment pane saves what was typed, even within the autosave delay."""
    from reader.comments.store import DraftStore

    article_id = seed_id(library)
    app = make_app(library, article_id=article_id)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        first = app.screen
        await pilot.press("c", *"رأيي")
        await wait_until(pilot, lambda: first.query_one("#comment").draft.comment == "رأيي",
                         "the typed comment")
        app.show_library()  # what Escape does from the article
        await settle_library(pilot)
        await wait_until(pilot, lambda: not first.is_attached, "the first screen removed")
    record = DraftStore.for_library(library).load(article_id)
    assert record is not None and record.draft.comment == "رأيي"
