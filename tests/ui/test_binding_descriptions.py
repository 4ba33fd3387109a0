"""Every key's description is a catalogue entry, shown in the interface language.

Bindings keep their catalogue keys; the footer looks each up as it draws it, and the
palette offers the help screen (every key, translated) instead of Textual's key panel,
which would show the catalogue keys.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from reader.i18n import STRINGS
from reader.ui.bindings import describe
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_for_footer, wait_until

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"


def test_every_binding_description_is_a_catalogue_key() -> None:
    offenders = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Binding":
                description = node.args[2] if len(node.args) > 2 else next(
                    (k.value for k in node.keywords if k.arg == "description"), None)
                if isinstance(description, ast.Constant) and description.value not in STRINGS:
                    offenders.append(f"{path.relative_to(UI)}:{node.lineno} {description.value}")
    assert offenders == []


def _arabic(text: str) -> bool:
    return any("\ufe70" <= ch <= "\ufeff" or "\u0600" <= ch <= "\u06ff" for ch in text)


async def test_the_comment_fields_keys_are_described_in_arabic(library: Any) -> None:
    """Bindings keep their declared catalogue keys; what shows them looks the text up."""
    from reader.ui.widgets.comments.editor import CommentEditor
    from reader.ui.widgets.footer import FooterKey

    app = make_app(library, seed_id(library), lang="ar")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle_reading(pilot)
        await pilot.press("c")  # the comment text has the focus
        await wait_until(pilot, lambda: isinstance(app.focused, CommentEditor), "the comment")
        assert isinstance(app.focused, CommentEditor)
        declared = [active.binding.description
                    for active in app.screen.active_bindings.values()
                    if active.node is app.focused]
        assert len(declared) > 10 and all(key in STRINGS for key in declared), declared
        descriptions = [describe(key, app.labels) for key in declared]
        assert all(_arabic(text) for text in descriptions), descriptions
        await wait_for_footer(pilot)
        shown = [key.description for key in app.screen.query(FooterKey) if key.description]
        assert shown and all(_arabic(text) for text in shown), shown


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_the_palette_opens_the_help_screen_not_textuals_key_panel(
        library: Any, lang: str) -> None:
    """Textual's key panel shows the declared descriptions (catalogue keys) and its own
    English for its widgets: the palette offers the help screen in its place."""
    from reader.ui.screens.help import HelpScreen

    app = make_app(library, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        commands = list(app.get_system_commands(app.screen))
        callbacks = [command.callback for command in commands]
        assert app.action_show_help_panel not in callbacks
        assert app.action_hide_help_panel not in callbacks
        (keys,) = [command for command in commands if command.callback == app.action_help]
        assert keys.title == app.labels("key.help")
        keys.callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
