"""Textual as it is meant to be used: public hooks, no private modules, no private names
of Textual's read, set or overridden, no clashing names.

Textual dispatches an event to every class of a widget's MRO: a subclass that overrides
a private handler (``_on_mouse_scroll_up``) and calls ``super()`` runs Textual's handler
twice. Handlers here are the public ``on_*`` and ``watch_*`` ones, and our attributes
never take a name Textual's own classes use (``_closing`` stops a widget's messages).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from textual import events

from tests.ui.conftest import make_app, seed_id, settle_library, settle_reading, wait_until

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "reader" / "ui"
TESTS = ROOT / "tests"
#: Names Textual's own widgets use for their state; ours must not take them.
TEXTUAL_STATE = {"_closing", "_closed", "_render_cache", "_layout_cache", "_dirty_regions"}


def _modules(root: Path = UI) -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in root.rglob("*.py")]


@pytest.mark.parametrize("root", [UI, TESTS], ids=["reader/ui", "tests"])
def test_no_private_textual_module_is_imported(root: Path) -> None:
    offenders = [f"{path.relative_to(root)}:{node.lineno} {node.module}"
                 for path, tree in _modules(root) for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module
                 and node.module.startswith("textual")
                 and any(part.startswith("_") for part in node.module.split("."))]
    assert offenders == []


def test_no_private_textual_handler_is_overridden() -> None:
    offenders = [f"{path.relative_to(UI)}:{node.lineno} {node.name}"
                 for path, tree in _modules() for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                 and node.name.startswith(("_on_", "_watch_"))]
    assert offenders == []


#: The private name of Textual's that the app still uses, with the reason: Textual
#: offers no public way to do the job (see the docstring at the place of use).
SEAMS = {
    # The file the terminal driver's writer thread writes to, wrapped so that a hung-up
    # terminal silences the writes instead of killing the thread (reader.ui.signals).
    ("signals.py", "_file"),
}


#: The private names of Textual's that tests still read, each in one helper, with the
#: reason: Textual offers no public way to see what they check.
TEST_SEAMS = {
    # The screen's rows as drawn (conftest.screen_rows): Textual gives them only as an
    # SVG document (export_screenshot), not as lines of text.
    ("conftest.py", "_compositor"),
    # The keys a widget class binds, its bases' merged as Textual merges them (with
    # ``inherit_bindings``): read from the classes, without running an app.
    ("test_keymap.py", "_merged_bindings"),
}


@cache
def _private_names(cls: type) -> frozenset[str]:
    """The private names a Textual class defines or sets on its instances."""
    names = {name for name in vars(cls) if name.startswith("_") and not name.startswith("__")}
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return frozenset(names)
    names |= {node.attr for node in ast.walk(ast.parse(source))
              if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and node.value.id == "self" and _private(node.attr)}
    return frozenset(names)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _textual_classes(cls: type) -> list[type]:
    return [base for base in cls.__mro__ if base.__module__.split(".")[0] == "textual"]


def _textual_private_uses(root: Path = UI) -> list[tuple[Path, int, str]]:
    """Every use under *root* of a private name of Textual's: on ``self`` in a class
    deriving from Textual's (read, set, or a method defining it), or on anything else."""
    from textual.app import App
    from textual.binding import BindingsMap
    from textual.driver import Driver
    from textual.drivers.linux_driver import LinuxDriver
    from textual.screen import Screen
    from textual.widget import Widget

    known: set[str] = set()
    for cls in (App, Screen, Widget, Driver, LinuxDriver, BindingsMap):
        for base in _textual_classes(cls):
            known |= _private_names(base)
    uses = []
    for path, tree in _modules(root):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__"
                                                  else parts))
        # (``os._exit`` is the standard library's, not a private name of an object.)
        modules = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                   if isinstance(node, ast.Import) for alias in node.names}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr) and not (
                    isinstance(node.value, ast.Name)
                    and node.value.id in {"self", "cls", *modules}) and node.attr in known:
                uses.append((path, node.lineno, node.attr))
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            # A class made in a function (a driver subclass) is checked against them all.
            names = known if not isinstance(cls, type) else set().union(
                *(_private_names(base) for base in _textual_classes(cls)))
            for inner in ast.walk(node):
                if isinstance(inner, ast.Attribute) and inner.attr in names and isinstance(
                        inner.value, ast.Name) and inner.value.id in ("self", "cls"):
                    uses.append((path, inner.lineno, inner.attr))
                if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef) \
                        and inner.name in names:
                    uses.append((path, inner.lineno, inner.name))
    return sorted(set(uses))


def test_no_private_textual_name_is_used() -> None:
    """No private attribute or method of Textual's is read, set or overridden (the seam
    above aside, documented where it is used)."""
    assert [f"{path.relative_to(UI)}:{line} {name}" for path, line, name in
            _textual_private_uses() if (path.name, name) not in SEAMS] == []


def test_tests_read_no_private_textual_name_but_the_listed_ones() -> None:
    """Tests drive the app through Textual's public API too (notices through
    ``record_notices``, toasts by their type name, the app's exit by its return code),
    so that they test what a reader sees and survive Textual's releases."""
    assert [f"{path.relative_to(ROOT)}:{line} {name}" for path, line, name in
            _textual_private_uses(TESTS) if (path.name, name) not in TEST_SEAMS] == []


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


async def test_mode_sequences_go_out_through_the_driver_textual_built(
        library: Any, monkeypatch: Any) -> None:
    """The app writes its mode sequences through the very driver Textual writes the
    screen through (in one queue, in order), which the driver hands to the app as it
    is built: no private attribute of the app is read for it."""
    from textual.app import App
    from textual.drivers.linux_driver import LinuxDriver

    from reader.ui.signals import TerminalOutput, terminal_output

    written: list[str] = []

    class Recording(LinuxDriver):
        def write(self, data: str) -> None:
            written.append(data)

        def flush(self) -> None:
            written.append("flush")

    monkeypatch.setattr(App, "get_driver_class", lambda self: Recording)
    app = make_app(library)
    assert app.terminal_driver is None
    driver = app.get_driver_class()(app, debug=False, mouse=False, size=(80, 24))
    assert isinstance(driver, Recording) and app.terminal_driver is driver
    assert isinstance(terminal_output(driver), TerminalOutput)  # still hang-up safe
    app._write_raw("\x1b[8l")
    assert written == ["\x1b[8l", "flush"]
