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
from reader.ui.widgets.bidi_input import BidiInput
from reader.ui.widgets.comments import CommentPane
from reader.ui.widgets.comments.editor import CommentEditor
from reader.ui.widgets.comments.remember import RememberBox
from reader.ui.widgets.library import ArticleList
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_until

README = Path(__file__).resolve().parents[2] / "README.md"

#: Where each section's keys are bound.
BOUND_BY = {
    "keys.everywhere": (ReaderApp, App, ReadingScreen, LibraryScreen),
    "library.title": (LibraryScreen, ArticleList, ReaderApp),
    "pane.article": (ReadingScreen, ArticleView, ReaderApp),
    "pane.comment": (CommentPane, CommentEditor, RememberBox, ReadingScreen),
    "keys.search_fields": (BidiInput, LibraryScreen, ReadingScreen),
    "help.title": (HelpScreen,),
}
#: How the table writes a key, as Textual names it (tokens not listed are the name).
NAMES = {"↓": "down", "↑": "up", "←": "left", "→": "right", "PgDn": "pagedown",
         "PgUp": "pageup", "Home": "home", "End": "end", "Enter": "enter", "/": "slash",
         "Del": "delete", "Tab": "tab", "Shift+Tab": "shift+tab", "Backspace": "backspace",
         "Escape": "escape", "[": "left_square_bracket", "]": "right_square_bracket",
         "?": "question_mark", "Ins": "insert", "shift": "shift", "ctrl": "ctrl"}
#: How the table writes a group of keys.
GROUPS = {"shift+arrows": {"shift+left", "shift+right", "shift+up", "shift+down"}}
#: Keys the comment pane's widgets handle in their own key handler, not as a binding.
HANDLED_KEYS = {CommentEditor: {"enter"}, BidiInput: {"enter"}}


def _names(keys: str) -> set[str]:
    """Textual's names of the keys a row of the table writes (a slash separates
    whole keys: ``Home/End`` is home and end)."""
    names: set[str] = set()
    for token in keys.split():
        for part in ["/"] if token == "/" else token.split("/"):
            if part in GROUPS:
                names |= GROUPS[part]
            elif part in NAMES:
                names.add(NAMES[part])
            else:
                names.add("+".join(NAMES.get(piece, piece) for piece in part.split("+")))
    return names


def _bound(classes: tuple[type, ...]) -> set[str]:
    """The keys *classes* bind, their bases' included as Textual merges them (the
    merged map is private; tests/ui/test_textual_hooks.py says why it is read)."""
    keys: set[str] = set()
    for widget in classes:
        merged = widget._merged_bindings  # type: ignore[attr-defined]
        if merged is not None:
            keys |= set(merged.key_to_bindings)
    return keys


def test_the_readme_shows_the_table_as_generated() -> None:
    assert markdown() in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("section", [title for title, _ in KEY_MODEL])
def test_every_key_in_the_table_is_bound(section: str) -> None:
    rows = dict(KEY_MODEL)[section]
    bound = _bound(BOUND_BY[section]).union(
        *(HANDLED_KEYS.get(widget, set()) for widget in BOUND_BY[section]))
    for row in rows:
        for name in _names(row.keys):
            assert name in bound, (section, row.keys, name)


def test_every_key_the_comment_pane_handles_is_in_the_table() -> None:
    """The reverse: the comment form's keys (the pane's, the editor's, the remember
    box's, and those an editor reads itself) are all on the help screen and README."""
    listed = set().union(*(_names(row.keys) for row in dict(KEY_MODEL)["pane.comment"]))
    for widget in (CommentPane, CommentEditor, RememberBox):
        handled = _bound((widget,)) | HANDLED_KEYS.get(widget, set())
        assert handled - listed == set(), widget.__name__


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_the_help_screen_lists_every_row(library: Any, lang: str) -> None:
    app = make_app(library, article_id=seed_id(library), lang=lang)
    async with app.run_test(size=(160, 60)) as pilot:
        await settle_reading(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen) and str(
            app.screen.query_one("#help-body").render()).strip(), "the help screen filled")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-body").render())
        labels = Labels(Translator(lang), "app", "keep", True)
        for _, rows in KEY_MODEL:
            for row in rows:
                assert row.keys in shown, row
                first_line = labels.block(Translator(lang)(row.does), 1000)[0].text
                assert first_line.split()[0] in shown, row


@pytest.mark.parametrize("digits, measure", [("eastern", "٧٢"), ("western", "72")])
async def test_the_help_screens_numbers_follow_the_digits_preference(
        library: Any, digits: str, measure: str) -> None:
    app = make_app(library, article_id=seed_id(library), lang="ar", digits=digits,
                   measure=72)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_reading(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen) and str(
            app.screen.query_one("#help-body").render()).strip(), "the help screen filled")
        shown = str(app.screen.query_one("#help-body").render())
        assert f" {measure} " in shown


#: The search fields' keys the table leaves out, so that the help's key column (as wide
#: as the longest row, for every row) stays narrow: second names of keys it lists (as in
#: a terminal's line editing), and selecting word by word (ctrl+shift+arrows).
FIELD_ALIASES = {"ctrl+a", "ctrl+e", "super+backspace", "ctrl+backspace", "alt+backspace",
                 "super+c", "ctrl+insert", "shift+insert", "ctrl+shift+left",
                 "ctrl+shift+right"}


def test_every_key_of_the_search_fields_is_in_the_table() -> None:
    """The help screen, which the palette opens in place of Textual's key panel, lists
    the search and find field's keys: all of them, aliases aside."""
    listed = set().union(*(_names(row.keys) for row in dict(KEY_MODEL)["keys.search_fields"]))
    handled = _bound((BidiInput,)) | HANDLED_KEYS[BidiInput]
    assert handled - listed == FIELD_ALIASES
