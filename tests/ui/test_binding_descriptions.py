"""Every key's description is a catalogue entry, shown in the interface language.

The footer shows some keys; Textual's key panel (from the command palette) lists them
all, hidden ones too, so a hidden binding's description is a user-visible string like
any other.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from reader.i18n import STRINGS
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_until

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


async def test_the_comment_fields_keys_are_described_in_arabic(library: Any) -> None:
    from reader.ui.widgets.comments.editor import CommentEditor

    app = make_app(library, seed_id(library), lang="ar")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle_reading(pilot)
        await pilot.press("c")  # the comment text has the focus
        await wait_until(pilot, lambda: isinstance(app.focused, CommentEditor), "the comment")
        assert isinstance(app.focused, CommentEditor)
        descriptions = [active.binding.description
                        for active in app.screen.active_bindings.values()
                        if active.node is app.focused]
        assert len(descriptions) > 10
        assert all(any("\ufe70" <= ch <= "\ufeff" or "\u0600" <= ch <= "\u06ff" for ch in text)
                   for text in descriptions), descriptions
