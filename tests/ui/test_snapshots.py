"""Snapshots of the library and reading screens with the seed, at 100x30 and 60x20.

Deterministic: a temporary library holding only the bundled articles, a fixed
theme, no environment hints, English interface (and one Arabic one).
Update after an intended change with ``pytest tests/ui --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import make_app, seed_id, settle_reading

SIZES = [(100, 30), (60, 20)]


async def _settle(pilot: Any) -> None:
    """Wait until the screen is complete (side panes fill after the first paint)."""
    await settle_reading(pilot)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_library_screen(snap_compare: Any, library: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(library), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_reading_screen(snap_compare: Any, library: Any, size: tuple[int, int]) -> None:
    app = make_app(library, article_id=seed_id(library))
    assert snap_compare(app, terminal_size=size, run_before=_settle)


def test_reading_screen_in_arabic(snap_compare: Any, library: Any) -> None:
    app = make_app(library, article_id=seed_id(library), lang="ar")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_settle)
