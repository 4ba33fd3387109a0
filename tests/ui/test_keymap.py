"""The key model's table: the README shows it as generated, every row is a real
binding, and the help screen lists every row in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from reader.i18n import Translator
from reader.ui.app import ReaderApp
from reader.ui.keymap import KEY_MODEL, markdown
from reader.ui.labels import Labels
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.comments import CommentPane
from reader.ui.widgets.comments.editor import CommentEditor
from reader.ui.widgets.library import ArticleList
from tests.ui.conftest import make_app, seed_id, settle_reading

README = Path(__file__).resolve().parents[2] / "README.md"

#: Where each section's keys are bound.
BOUND_BY = {
    "keys.everywhere": (ReaderApp, App, ReadingScreen, LibraryScreen),
    "library.title": (LibraryScreen, ArticleList, ReaderApp),
    "pane.article": (ReadingScreen, ArticleView, ReaderApp),
    "pane.comment": (CommentPane, CommentEditor, ReadingScreen),
    "help.title": (HelpScreen,),
}
#: How the table writes a key, as Textual names it (tokens not listed are the name).
NAMES = {"↓": "down", "↑": "up", "←": "left", "→": "right", "PgDn": "pagedown",
         "PgUp": "pageup", "Home": "home", "End": "end", "Enter": "enter", "/": "slash",
         "Del": "delete", "Tab": "tab", "Shift+Tab": "shift+tab", "Backspace": "backspace",
         "Escape": "escape", "[": "left_square_bracket", "]": "right_square_bracket",
         "?": "question_mark"}
#: Keys handled by a widget itself rather than a binding.
HANDLED = {"shift+arrows": "CommentEditor's shift+arrow bindings"}


def _bound(classes: tuple[type, ...]) -> set[str]:
    keys: set[str] = set()
    for cls in classes:
        merged = cls._merged_bindings
        if merged is not None:
            keys |= set(merged.key_to_bindings)
    return keys


def test_the_readme_shows_the_table_as_generated() -> None:
    assert markdown() in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("section", [title for title, _ in KEY_MODEL])
def test_every_key_in_the_table_is_bound(section: str) -> None:
    rows = dict(KEY_MODEL)[section]
    bound = _bound(BOUND_BY[section])
    for row in rows:
        for token in row.keys.split():
            for part in ["/"] if token == "/" else token.split("/"):
                name = NAMES.get(part, part)
                if name not in HANDLED:
                    assert name in bound, (section, row.keys, name)


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_the_help_screen_lists_every_row(library: Any, lang: str) -> None:
    app = make_app(library, article_id=seed_id(library), lang=lang)
    async with app.run_test(size=(160, 60)) as pilot:
        await settle_reading(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-body").render())
        labels = Labels(Translator(lang), "app", "keep", True)
        for _, rows in KEY_MODEL:
            for row in rows:
                assert row.keys in shown, row
                first_line = labels.block(Translator(lang)(row.does), 1000)[0].text
                assert first_line.split()[0] in shown, row
