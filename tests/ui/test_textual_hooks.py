"""Textual as it is meant to be used: public hooks, no private modules, no clashing names.

Textual dispatches an event to every class of a widget's MRO: a subclass that overrides
a private handler (``_on_mouse_scroll_up``) and calls ``super()`` runs Textual's handler
twice. Handlers here are the public ``on_*`` and ``watch_*`` ones, and our attributes
never take a name Textual's own classes use (``_closing`` stops a widget's messages).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from textual import events

from tests.ui.conftest import make_app, seed_id, settle_library, settle_reading, wait_until

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"
#: Names Textual's own widgets use for their state; ours must not take them.
TEXTUAL_STATE = {"_closing", "_closed", "_render_cache", "_layout_cache", "_dirty_regions"}
#: Private modules whose one export Textual gives nowhere else (see the import's comment).
ALLOWED_PRIVATE = {"textual.widgets._footer"}


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in UI.rglob("*.py")]


def test_no_private_textual_module_is_imported() -> None:
    offenders = [f"{path.relative_to(UI)}:{node.lineno} {node.module}"
                 for path, tree in _modules() for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module
                 and node.module.startswith("textual")
                 and any(part.startswith("_") for part in node.module.split("."))
                 and node.module not in ALLOWED_PRIVATE]
    assert offenders == []


def test_no_private_textual_handler_is_overridden() -> None:
    offenders = [f"{path.relative_to(UI)}:{node.lineno} {node.name}"
                 for path, tree in _modules() for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                 and node.name.startswith(("_on_", "_watch_"))]
    assert offenders == []


def test_no_attribute_takes_a_name_textual_uses() -> None:
    offenders = [f"{path.relative_to(UI)}:{node.lineno} {node.attr}"
                 for path, tree in _modules() for node in ast.walk(tree)
                 if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                 and node.value.id == "self" and node.attr in TEXTUAL_STATE]
    assert offenders == []


async def test_one_turn_of_the_wheel_scrolls_as_far_up_as_down(library: Any) -> None:
    app = make_app(library, seed_id(library))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_reading(pilot)
        from reader.ui.widgets.article.view import ArticleView

        view = app.screen.query_one(ArticleView)
        region = view.scrollable_content_region
        x, y = region.x + region.width // 2, region.y + region.height // 2

        async def wheel(event: type[events.MouseEvent]) -> None:
            app.post_message(event(None, x, y, 0, 1, 0, False, False, False,
                                   screen_x=x, screen_y=y))
            await pilot.pause()

        for _ in range(4):
            await wheel(events.MouseScrollDown)
        down = view.scroll_offset.y
        assert down > 0
        await wheel(events.MouseScrollDown)
        step = view.scroll_offset.y - down
        await wheel(events.MouseScrollUp)
        assert view.scroll_offset.y == down, (down, step)


async def test_the_library_order_is_state_that_relists(library: Any) -> None:
    """``sort`` is reactive: whatever sets it (the s key, code), the list, the status
    line and the saved order follow."""
    from reader.ui.screens.library import SORT_STATE_KEY
    from reader.ui.widgets.library import ArticleList

    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        app.screen.sort = "source"
        await wait_until(pilot, lambda: "sorted by source" in str(
            app.screen.query_one("#library-status").render()), "the new order")
        status = str(app.screen.query_one("#library-status").render())
        assert "sorted by source" in status
        assert app.screen.query_one(ArticleList).source.sort == "source"
        assert library.get_state(SORT_STATE_KEY) == "source"


async def test_the_pane_shown_on_a_narrow_screen_is_state_that_redraws(library: Any) -> None:
    """``shown`` is reactive: setting it shows that pane alone and names it in the bar."""
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(70, 22)) as pilot:
        await settle_reading(pilot)
        screen = app.screen
        screen.shown = "related"
        await wait_until(pilot, lambda: str(screen.query_one("#pane-bar").render())
                         .startswith("Related links"), "the pane bar")
        assert screen.has_class("-show-related") and not screen.has_class("-show-article")
        assert str(screen.query_one("#pane-bar").render()).startswith("Related links")
