"""Snapshots of the library and reading screens with the seed, at 100x30 and 60x20.

Deterministic: a temporary library holding only the bundled articles, a fixed
theme, no environment hints, English interface (and one Arabic one).
Update after an intended change with ``pytest tests/ui --snapshot-update``.

Looking at one: the SVG holds each row's cells already in visual order. A renderer
that applies bidi and collapses spaces in SVG text (librsvg, browsers) turns Arabic
runs around again and drops the leading spaces that right-align them, so Arabic lines
look left-aligned there though the terminal shows them right-aligned. Add
``text { direction: ltr; unicode-bidi: bidi-override; white-space: pre; }`` to the
SVG's style (and ``xml:space="preserve"`` to its root) to see what the terminal shows.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import (
    make_app,
    screen_rows,
    seed_id,
    settle_library,
    settle_reading,
    wait_until,
)

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


# ---------------------------------------------------------------------------------
# The reading screen on both sides of the narrow breakpoint (100 columns), each pane
# shown alone below it, maximized panes, the help, the editor and a conflict, in
# both interface languages. Each was looked at when it was made or updated.

def _pressing(*keys: str) -> Any:
    """A run_before that settles the screen, presses *keys*, and settles again."""

    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        await _settle(pilot)
        await _field_shown(pilot)

    return run_before


async def _field_shown(pilot: Any) -> None:
    """Wait until a focused field shows what was typed into it, then show its caret and
    stop its blinking: the caret turns every half second, and on a loaded machine more
    than that can pass between the last key and the picture, which then lacked it."""
    from reader.ui.widgets.bidi_input import BidiInput

    screen = pilot.app.screen

    def on_screen(field: BidiInput) -> str:
        """The field's row as the screen (which the picture is taken from) shows it."""
        row = screen_rows(screen)[field.region.y]
        return row[field.region.x:field.region.right]

    for field in screen.query(BidiInput):
        if field.has_focus:
            await wait_until(pilot, lambda field=field: not field.value
                             or on_screen(field).strip(), "the field drawn",
                             lambda field=field: (field.value, field.scroll_column,
                                                  field.size, on_screen(field)))
            field.cursor_blink = False  # the caret shown, and kept shown
            await pilot.pause()


READING_CASES = {
    "99x30-narrow-article": ((99, 30), "en", ()),
    "120x35-three-panes": ((120, 35), "en", ()),
    "80x24-narrow-article": ((80, 24), "en", ()),
    "70x22-narrow-related": ((70, 22), "en", ("r",)),
    "70x22-narrow-comment": ((70, 22), "en", ("c",)),
    "70x22-narrow-arabic": ((70, 22), "ar", ()),
    "80x24-at-the-end": ((80, 24), "en", ("end",)),
    "120x35-maximized-article": ((120, 35), "en", ("m",)),
    "70x22-maximized-related": ((70, 22), "en", ("r", "m")),
    "120x35-help": ((120, 35), "en", ("question_mark",)),
    "100x30-help-arabic": ((100, 30), "ar", ("question_mark",)),
    # Found as it is typed (no Enter: its count notice would time out on its own).
    "100x30-find": ((100, 30), "en", ("slash", *"إيران")),
}


@pytest.mark.parametrize("case", list(READING_CASES))
def test_reading_screen_case(snap_compare: Any, library: Any, case: str) -> None:
    size, lang, keys = READING_CASES[case]
    app = make_app(library, article_id=seed_id(library), lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=_pressing(*keys))


def test_library_screen_in_arabic(snap_compare: Any, library: Any) -> None:
    assert snap_compare(make_app(library, lang="ar"), terminal_size=(100, 30),
                        run_before=_settle)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_comment_editor_with_arabic_text(snap_compare: Any, library: Any, lang: str) -> None:
    """The comment being written: shaped, right to left, the editor's keys in the footer."""
    app = make_app(library, article_id=seed_id(library), lang=lang)
    assert snap_compare(app, terminal_size=(120, 35), run_before=_typing("مقال مفيد جدا"))


def _typing(text: str, then: tuple[str, ...] = ()) -> Any:
    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("c")
        for ch in text:
            await pilot.press("space" if ch == " " else ch)
        for key in then:
            await pilot.press(key)
        await _settle(pilot)

    return run_before


def test_comment_conflict_banner(snap_compare: Any, library: Any) -> None:
    """A save from another window: the question at the top of the comment pane."""
    from reader.comments.form import CommentDraft
    from reader.comments.store import DraftStore, DraftTarget

    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("c", "a")
        pane = pilot.app.screen.query_one("#comment")
        pane.save_now()
        article = library.get(seed_id(library))
        DraftStore.for_library(library).save(DraftTarget.for_article(article),
                                             CommentDraft("نص من نافذة أخرى"), base_revision=1)
        await pilot.press("b")
        pane.save_now()
        await _settle(pilot)

    app = make_app(library, article_id=seed_id(library))
    assert snap_compare(app, terminal_size=(120, 35), run_before=run_before)


# ---------------------------------------------------------------------------------
# The command palette in the Arabic interface with Arabic typed: the field shaped and
# in visual order, the list right-aligned, the matched letters highlighted.

def _palette_typed(typed: str, first_key: str, **values: str) -> Any:
    async def run_before(pilot: Any) -> None:
        from reader.ui.screens.palette import Palette

        await settle_library(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, Palette), "the palette")
        await pilot.press(*typed)
        labels = pilot.app.labels
        first = labels(first_key, **{name: labels.translate(value)
                                     for name, value in values.items()})
        screen = pilot.app.screen
        await wait_until(pilot, lambda: bool(screen.hits) and str(screen.hits[0].text) == first,
                         f"the palette to offer {first!r}")
        await pilot.wait_for_scheduled_animations()
        await _field_shown(pilot)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (50, 16)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_palette_with_arabic_typed(snap_compare: Any, library: Any,
                                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(library, lang="ar"), terminal_size=size,
                        run_before=_palette_typed("لغة", "cmd.lang", value="lang.en"))
