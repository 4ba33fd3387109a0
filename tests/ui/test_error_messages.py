"""A failure in the interface says what failed, also when it happens in a background job."""

from __future__ import annotations

from typing import Any

import pytest

from reader.library.errors import LibraryError
from reader.ui.widgets.article import ReadingPosition
from tests.ui.conftest import make_app, record_notices, seed_id, settle_reading, wait_until


async def _messages_after_opening(library: Any, expected: str) -> list[str]:
    """The notices said once one starting with *expected* is among them (the job that
    fails runs after the first paint, in a thread: its turn depends on the machine's
    load). Recorded as they are said: a notice on screen expires, and on a loaded
    machine it could expire between two looks."""
    app = make_app(library, seed_id(library))
    said = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: any(m.startswith(expected) for m in said),
                         f"a notice starting {expected!r}")
    return said


@pytest.mark.parametrize("failure", [LibraryError("lib.sqlite", "the library is busy"),
                                     RuntimeError("unexpected")])
async def test_related_articles_that_cannot_be_found_say_so(
    library: Any, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    def related(*_args: Any, **_kwargs: Any) -> list[Any]:
        raise failure

    monkeypatch.setattr(library, "related", related)
    messages = await _messages_after_opening(library, "Cannot find the related articles")
    assert any(m.startswith("Cannot find the related articles") and str(failure) in m
               for m in messages), messages


async def test_a_reading_position_that_cannot_be_saved_says_so(
    library: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(library, seed_id(library))
    said = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)

        def set_state(*_args: Any, **_kwargs: Any) -> None:
            raise LibraryError("lib.sqlite", "the disk is full")

        monkeypatch.setattr(library, "set_state", set_state)
        app.save_position(seed_id(library), ReadingPosition(3, 0))
        await wait_until(pilot, lambda: any(m.startswith("Cannot save the reading position: ")
                                            for m in said), "the notice", lambda: said)
        messages = said
        assert any(m.startswith("Cannot save the reading position: ") and "the disk is full" in m
                   for m in messages), messages
