"""Fixtures for the interface tests: a temporary library and an app with fixed settings."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui.settings import Settings

#: How long a test waits for the app to settle (a thread's result, the footer's keys)
#: before it fails: a bound in seconds, not in pauses, since a pause takes far longer
#: on a loaded machine, and a generous one, since only a broken app needs it.
SETTLE_SECONDS = 30

#: The bound for waiting on a whole long text's layout (the 1.75 MB document): seconds
#: on an idle machine, but the work itself, so it grows with the machine's load.
LAYOUT_SECONDS = 4 * SETTLE_SECONDS

#: Fixed for determinism: no locale, no environment hints, one theme.
TEST_SETTINGS = Settings(bidi="app", harakat="keep", shape=True, measure=72, lang="en",
                         theme="textual-dark")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Any]:
    """A fresh library in a temporary folder holding the bundled articles (the seed)."""
    from reader.library import Library

    lib = Library.open(tmp_path / "library.sqlite")
    yield lib
    lib.close()


def make_app(library: Any, article_id: str | None = None, **changes: Any):
    """A ReaderApp on *library* with the test settings (and *changes*), no environment."""
    from reader.ui.app import ReaderApp

    return ReaderApp(library, TEST_SETTINGS.with_changes(**changes), article_id=article_id,
                     environ={})


def record_notices(app: Any) -> list[str]:
    """Every notice *app* gives from now on, as it is given.

    A notice on screen (and in ``App._notifications``) expires after a few seconds; on a
    loaded machine more than that can pass before a test looks, so a test that checks
    a notice was given reads this record instead.
    """
    said: list[str] = []
    notify = app.notify

    def recording(message: Any, *args: Any, **kwargs: Any) -> Any:
        said.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return said


def screen_rows(screen: Any) -> list[str]:
    """*screen*'s rows as drawn, one string a row (what the terminal gets, less the
    styles). Textual gives the drawn screen publicly only as an SVG document
    (``export_screenshot``), so its compositor is read, here only (see
    tests/ui/test_textual_hooks.py)."""
    return [strip.text for strip in screen._compositor.render_strips()]


def notices_stay(app: Any) -> None:
    """Keep *app*'s notices (those without a timeout of their own) on screen until the
    test has looked at how they are drawn: on a loaded machine the usual few seconds
    can pass before it looks."""
    app.NOTIFICATION_TIMEOUT = 10 * SETTLE_SECONDS


def seed_id(library: Any) -> str:
    """The seed article's id (the bundled library's first article)."""
    from reader.resources import seed_article_path

    return library.resolve(str(seed_article_path())).id


async def wait_until(pilot: Any, predicate: Callable[[], object], what: str,
                     state: Callable[[], object] | None = None,
                     seconds: float = SETTLE_SECONDS) -> None:
    """Pause until *predicate()* holds, failing (naming *what*) after SETTLE_SECONDS.

    One pause waits only for the messages queued when it starts: what those cause (a
    screen pushed, mounted and composed; a thread's result; a refresh's callback) can
    come later, and later still on a loaded machine. So a test waits for the state it
    checks, bounded by the clock (*seconds*). A widget not mounted yet counts as not
    yet. On failure the message names *what* and shows *state()* (what was instead).
    """
    from textual.css.query import NoMatches

    await pilot.pause()
    deadline = time.monotonic() + seconds
    while True:
        try:
            if predicate():
                return
        except NoMatches:
            pass
        if time.monotonic() > deadline:
            instead = "" if state is None else f"; instead: {state()!r}"
            raise AssertionError(f"waited {seconds} s for {what}{instead}")
        await pilot.pause(0.02)


async def settle_reading(pilot: Any) -> None:
    """Wait until the reading screen shows its related links (found in a thread) and
    its footer its keys."""
    from reader.ui.screens.reading import ReadingScreen

    def related_shown() -> bool:
        screen = pilot.app.screen
        return not isinstance(screen, ReadingScreen) or screen.related_loaded

    await wait_until(pilot, related_shown, "the related links")
    await wait_for_footer(pilot)


async def settle_library(pilot: Any) -> None:
    """Wait until the library screen is up with its footer's keys (the app may start
    on another screen first, or push it after the first refresh)."""
    from reader.ui.screens.library import LibraryScreen

    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen),
                     "the library screen")
    await wait_for_footer(pilot)


async def wait_for_footer(pilot: Any, until: Callable[[list[Any]], bool] | None = None) -> None:
    """Wait until the screen's footer (if it has one) shows its keys, laid out (and, with
    *until*, until its keys satisfy it: after a change of language, the new ones).

    A footer composes its keys only after the screen announces its bindings, and then
    after a refresh (Textual's ``Footer.bindings_changed``): how many pauses that takes
    depends on the machine's load, so a test waits for the keys, not for one pause.
    Keys shown are not enough: after a change of focus the old ones are still shown
    until the footer composes again, after the next refresh. So each look comes after
    the screen's next refresh (``wait_for_refresh``): Textual runs after-refresh
    callbacks in order, so the footer's recompose and fit, due before it, have run.
    """
    from textual.widgets import Footer

    def keys_shown(screen: Any) -> bool:
        footers = screen.query(Footer)
        if not footers:
            return True
        footer = footers.first()
        keys = [key for key in footer.query("FooterKey") if key.display]  # Textual's or ours
        return bool(keys and getattr(footer, "fitted", True)
                    and all(key.region.width for key in keys)
                    and (until is None or until(keys)))

    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        await pilot.pause()
        screen = pilot.app.screen
        if screen.is_running:  # bounded: a screen replaced meanwhile refreshes no more
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(screen.wait_for_refresh(), timeout=1)
        if screen is pilot.app.screen and screen.is_running and keys_shown(screen):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {SETTLE_SECONDS} s for the footer's keys")


async def choose_in_palette(pilot: Any, title: str, typed: str | None = None) -> None:
    """Open the command palette, type *typed* (or *title*) and run the command *title*.

    The palette searches in a worker once typing pauses: Enter pressed before the
    search answered runs nothing or another command, so it is pressed only when the
    highlighted command is *title*.
    """
    from textual.widgets import OptionList

    from reader.ui.screens.palette import Palette

    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, Palette),
                     "the command palette")
    await pilot.press(*(title if typed is None else typed))

    def offered() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, Palette):
            return False
        commands = screen.query_one("#palette-list", OptionList)
        index = commands.highlighted
        if index is None:
            return False
        prompt = commands.get_option_at_index(index).prompt
        shown = getattr(prompt, "plain", str(prompt))  # the title, then its help line
        return shown.split("\n")[0].strip() == title

    await wait_until(pilot, offered, f"the palette to offer {title!r}")
    await pilot.press("enter")
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, Palette),
                     f"the palette to run {title!r}")
