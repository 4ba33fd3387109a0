"""The command palette finds a command by what the reader types, in either language."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.commands import PaletteCommand, words_of
from tests.ui.conftest import choose_in_palette, make_app, settle_library

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
