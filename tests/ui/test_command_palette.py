"""The command palette finds a command by what the reader types, in either language."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest

from reader.text.folding import fold
from reader.ui.commands import PaletteCommand, words_of
from tests.ui.conftest import (
    choose_in_palette,
    make_app,
    screen_rows,
    settle_library,
    wait_until,
)

SIZE = (100, 30)


@pytest.mark.parametrize("typed", [
    "لغة",  # a word of the title, as typed: logical order, plain letters
    "اللغة",
    "لغه",  # ة typed as ه, as many do
    "الانجليزية",  # the value, without the hamza under the alef
    "إنجليزية",
])
async def test_arabic_typed_in_the_palette_finds_the_arabic_command(
        library: Any, typed: str) -> None:
    """The Arabic titles are shown shaped and in visual order; what is typed is logical
    text, so the palette matches it against the logical title."""
    app = make_app(library, lang="ar")
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        english = app.labels.translate("lang.en")
        title = app.labels("cmd.lang", value=english)
        assert title != app.labels.sentence("cmd.lang", value=english)  # shown shaped
        await choose_in_palette(pilot, title, typed=typed)
        assert app.settings.lang == "en"


async def test_latin_typed_in_the_english_palette_still_finds_its_command(library: Any) -> None:
    app = make_app(library, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        await choose_in_palette(pilot, "Language: Arabic", typed="languagearab")
        assert app.settings.lang == "ar"


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_every_command_of_ours_is_matched_by_its_logical_title(
        library: Any, lang: str) -> None:
    app = make_app(library, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        ours = [entry for entry in app.get_system_commands(app.screen)
                if isinstance(entry, PaletteCommand)]
        assert len(ours) >= 8
        for entry in ours:
            assert max(words_of(entry)) < "\ufb50", entry.title  # no presentation form
        if lang == "ar":
            assert "اللغه: الانجليزيه" in {words_of(entry) for entry in ours}


async def _palette_with(pilot: Any, typed: str, first: str) -> Any:
    """Open the palette, type *typed*, and wait until the list offers *first* first."""
    from textual.widgets import OptionList

    from reader.ui.screens.palette import Palette

    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, Palette), "the palette")
    await pilot.press(*typed)
    screen = pilot.app.screen
    listing = screen.query_one("#palette-list", OptionList)

    def offered() -> bool:
        if not screen.hits or listing.highlighted != 0:
            return False
        return str(screen.hits[0].text) == first

    await wait_until(pilot, offered, f"the palette to offer {first!r}")
    return screen


def _rows(screen: Any, widget: Any) -> list[str]:
    """*widget*'s rows as the screen shows them."""
    rows = screen_rows(screen)
    region = widget.region
    return [rows[y][region.x:region.right] for y in range(region.y, region.bottom)]


async def test_typed_arabic_shows_shaped_and_in_visual_order_in_the_palettes_field(
        library: Any) -> None:
    """Textual's own palette field showed "لغة" as stored: unjoined, left to right."""
    from reader.ui.widgets.bidi_input import BidiInput

    app = make_app(library, lang="ar")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_library(pilot)
        english = app.labels.translate("lang.en")
        screen = await _palette_with(pilot, "لغة", app.labels("cmd.lang", value=english))
        field = screen.query_one("#palette-input", BidiInput)
        await wait_until(pilot, lambda: "ﺔﻐﻟ" in _rows(screen, field)[0], "the field drawn",
                         lambda: _rows(screen, field))
        row = _rows(screen, field)[0]
        assert "لغة" not in row
        assert row.rstrip().endswith("ﺔﻐﻟ")  # from the right, as the interface reads


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_the_list_reads_from_the_interfaces_side(library: Any, lang: str) -> None:
    from textual.widgets import OptionList

    app = make_app(library, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_library(pilot)
        title = app.labels("cmd.harakat", value=app.labels.translate("value.strip"))
        screen = await _palette_with(pilot, "harakat" if lang == "en" else "حركات", title)
        listing = screen.query_one("#palette-list", OptionList)
        row = next(row for row in _rows(screen, listing) if title in row)
        lead, trail = len(row) - len(row.lstrip(" ")), len(row) - len(row.rstrip(" "))
        if lang == "ar":  # against the right edge (its padding and a scrollbar's cell aside)
            assert trail <= 2 < lead
        else:
            assert lead <= 2 < trail


@pytest.mark.parametrize(("typed", "letters"), [("لغة", "لغة"), ("انجل", "انجل")])
async def test_the_matched_letters_are_highlighted_on_the_shaped_title(
        library: Any, typed: str, letters: str) -> None:
    """The highlight lands on the characters drawing the letters typed: shaped forms of
    them (NFKC gives the letters back), in the word they belong to on screen."""
    app = make_app(library, lang="ar")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_library(pilot)
        english = app.labels.translate("lang.en")
        title = app.labels("cmd.lang", value=english)
        screen = await _palette_with(pilot, typed, title)
        prompt = screen.hits[0].prompt
        shown = prompt.plain
        assert shown == title
        cells = sorted({index for span in prompt.spans
                        for index in range(span.start, span.end)})
        marked = "".join(unicodedata.normalize("NFKC", shown[cell]) for cell in cells)
        folded = fold(marked, teh_marbuta=True)
        for letter in fold(letters, teh_marbuta=True):  # a lam-alef cell draws two letters
            assert letter in folded
            folded = folded.replace(letter, "", 1)
        assert folded in ("", "ل")
        words = [(found.start(), found.end()) for found in re.finditer(r"\S+", shown)]
        assert any(all(start <= cell < end for cell in cells) for start, end in words)


async def test_escape_closes_the_palette_and_runs_nothing(library: Any) -> None:
    from reader.ui.screens.palette import Palette

    app = make_app(library, lang="ar")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_library(pilot)
        english = app.labels.translate("lang.en")
        await _palette_with(pilot, "لغة", app.labels("cmd.lang", value=english))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, Palette), "the palette gone")
        assert app.settings.lang == "ar"


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_textuals_own_commands_speak_the_interfaces_language(
        library: Any, lang: str) -> None:
    """Theme, Quit, Maximize and Screenshot were English in the Arabic palette."""
    app = make_app(library, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        entries = list(app.get_system_commands(app.screen))
        assert all(isinstance(entry, PaletteCommand) for entry in entries)
        titles = {entry.title for entry in entries}
        if lang == "en":
            assert {"Theme", "Quit", "Screenshot"} <= titles  # Textual's words, as before
        else:
            assert {app.labels("cmd.textual.Quit"), app.labels("cmd.textual.Theme")} <= titles
            assert not titles & {"Theme", "Quit", "Screenshot", "Maximize"}
