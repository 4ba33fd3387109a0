"""Screens and panes closed in the instant they are mounted (see reader.ui.mounting):
the app goes on (or ends as asked), with no NoMatches from a Mount handler that
expected children Textual never mounted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.screen import Screen

from tests.ui.conftest import make_app, seed_id, settle_library, settle_reading, wait_until


def _help() -> Screen:
    from reader.ui.screens.help import HelpScreen

    return HelpScreen()


def _chooser() -> Screen:
    from reader.ui.screens.bidi_chooser import BidiChooser

    return BidiChooser()


def _choice() -> Screen:
    from reader.ui.screens.choice import Choice, ChoiceScreen

    return ChoiceScreen(["?"], [Choice("escape", "close", None)], None)


def _library() -> Screen:
    from reader.ui.screens.library import LibraryScreen

    return LibraryScreen()


SCREENS: dict[str, Callable[[], Screen]] = {
    "help": _help, "chooser": _chooser, "choice": _choice, "library": _library}


@pytest.mark.parametrize("name", [*SCREENS, "reading"])
async def test_a_screen_closed_as_it_is_pushed(library: Any, name: str) -> None:
    # ? then Escape (or q) in the same instant: the screen is popped before it composed.
    from reader.ui.screens.reading import ReadingScreen

    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(120, 35)) as pilot:
        await settle_reading(pilot)
        below = app.screen
        screen = ReadingScreen(seed_id(library)) if name == "reading" else SCREENS[name]()
        app.push_screen(screen)
        app.pop_screen()
        await wait_until(pilot, lambda: not screen.is_attached, "the screen gone")
        assert app.screen is below  # (without the fix: NoMatches, raised on leaving)


async def test_the_reading_screen_closed_while_its_side_panes_mount(library: Any,
                                                                   monkeypatch: Any) -> None:
    # The side panes are mounted after the article's first paint: closing the screen in
    # that instant (quitting in the first second) removes them before they composed.
    from reader.ui.screens.reading import ReadingScreen

    mount_side_panes = ReadingScreen._mount_side_panes
    closed: list[ReadingScreen] = []

    async def close_as_they_mount(self: ReadingScreen) -> None:
        side = self.query_one("#side")
        mount_all = side.mount_all

        def mount_then_close(widgets: Any, **where: Any) -> Any:
            mounting = mount_all(widgets, **where)  # attached, not yet composed
            if self.app.screen is self and not closed:
                closed.append(self)
                self.app.pop_screen()
            return mounting

        side.mount_all = mount_then_close  # type: ignore[method-assign]
        await mount_side_panes(self)

    monkeypatch.setattr(ReadingScreen, "_mount_side_panes", close_as_they_mount)
    app = make_app(library)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle_library(pilot)
        below = app.screen
        app.open_article(seed_id(library))
        await wait_until(pilot, lambda: closed and not closed[0].is_attached,
                         "the reading screen closed")
        assert app.screen is below
