"""Fixtures for the interface tests: a temporary library and an app with fixed settings."""

from __future__ import annotations

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


def seed_id(library: Any) -> str:
    """The seed article's id (the bundled library's first article)."""
    from reader.resources import seed_article_path

    return library.resolve(str(seed_article_path())).id


async def settle_reading(pilot: Any) -> None:
    """Wait until the reading screen shows its related links (found in a thread) and
    its footer its keys."""
    from reader.ui.screens.reading import ReadingScreen

    await pilot.pause()
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        screen = pilot.app.screen
        if not isinstance(screen, ReadingScreen) or screen.related_loaded:
            break
        await pilot.pause(0.02)
    await wait_for_footer(pilot)


async def wait_for_footer(pilot: Any, until: Callable[[list[Any]], bool] | None = None) -> None:
    """Wait until the screen's footer (if it has one) shows its keys, laid out (and, with
    *until*, until its keys satisfy it: after a change of language, the new ones).

    A footer composes its keys only after the screen announces its bindings, and then
    after a refresh (Textual's ``Footer.bindings_changed``): how many pauses that takes
    depends on the machine's load, so a test waits for the keys, not for one pause.
    """
    from textual.widgets import Footer

    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        await pilot.pause(0.01)
        footers = pilot.app.screen.query(Footer)
        if not footers:
            return
        footer = footers.first()
        keys = [key for key in footer.query("FooterKey") if key.display]  # Textual's or ours
        if (keys and getattr(footer, "fitted", True) and all(key.region.width for key in keys)
                and (until is None or until(keys))):
            return
    raise AssertionError("the footer never showed its keys")
