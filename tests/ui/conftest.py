"""Fixtures for the interface tests: a temporary library and an app with fixed settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui.settings import Settings

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
    """Wait until the reading screen shows its related links (found in a thread)."""
    from reader.ui.screens.reading import ReadingScreen

    await pilot.pause()
    for _ in range(300):
        screen = pilot.app.screen
        if not isinstance(screen, ReadingScreen) or screen.related_loaded:
            break
        await pilot.pause(0.02)
    await pilot.pause()
