"""One rule, checked once: the interface never hands Textual a string it would parse as
markup. Every notice goes through :mod:`reader.ui.plain`; every border title is
``Content``; every ``Static`` and ``Label`` is made with markup off; and every message
of the catalogue, in both languages, shows markup-bearing parameters literally."""

from __future__ import annotations

import ast
import string
from pathlib import Path
from typing import Any

import pytest

from reader.i18n import LANGUAGES, STRINGS, Translator
from reader.ui.labels import Labels
from tests.ui.conftest import (
    SETTLE_SECONDS,
    make_app,
    record_notices,
    settle_library,
    wait_until,
)

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"
#: Textual markup an attacker would try, each breaking or steering a markup parser.
HOSTILE = ["[/]", "[@click=app.quit]x[/]", "[link=https://evil.example]y[/link]", "[b]z[/b]",
           "[on red]w[/]", "[", "\\[", "a]b[", "[@click=app.screenshot('/tmp/p')]"]


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and (
        (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        or (isinstance(node.func, ast.Name) and node.func.id == name))]


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in UI.rglob("*.py")]


def test_only_the_adapter_sends_notices() -> None:
    offenders = [f"{path.relative_to(UI)}:{call.lineno}" for path, tree in _modules()
                 if path.name != "plain.py" for call in _calls(tree, "notify")]
    assert offenders == []


def test_border_titles_are_content_never_strings() -> None:
    offenders = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in (
                        "border_title", "border_subtitle"):
                    value = node.value
                    empty = isinstance(value, ast.Constant) and value.value in ("", None)
                    adapter = (isinstance(value, ast.Call) and isinstance(
                        value.func, ast.Attribute | ast.Name) and getattr(
                        value.func, "attr", getattr(value.func, "id", "")) in (
                        "content", "plain"))
                    if not (empty or adapter):
                        offenders.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert offenders == []


def test_statics_and_labels_parse_no_markup() -> None:
    offenders = []
    for path, tree in _modules():
        for name in ("Static", "Label"):
            for call in _calls(tree, name):
                markup = [k for k in call.keywords if k.arg == "markup"]
                if not (markup and isinstance(markup[0].value, ast.Constant)
                        and markup[0].value.value is False):
                    offenders.append(f"{path.relative_to(UI)}:{call.lineno}")
    assert offenders == []


def test_no_markup_parsing_is_asked_for() -> None:
    offenders = [f"{path.relative_to(UI)}:{call.lineno}" for path, tree in _modules()
                 for name in ("from_markup", "render_str") for call in _calls(tree, name)]
    assert offenders == []


def _parameters(key: str) -> dict[str, bool]:
    """The key's named parameters, each with whether it is a number (has a format spec)."""
    found: dict[str, bool] = {}
    for template in STRINGS[key].values():
        for _, field, spec, _ in string.Formatter().parse(template):
            if field:
                found[field] = found.get(field, False) or bool(spec)
    return found


KEYS_WITH_TEXT = sorted(k for k in STRINGS if any(not n for n in _parameters(k).values()))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_shows_markup_parameters_literally(lang: str) -> None:
    labels = Labels(Translator(lang), "app", "keep", True)
    assert len(KEYS_WITH_TEXT) > 10
    for key in KEYS_WITH_TEXT:
        for hostile in HOSTILE:
            values: dict[str, Any] = {name: 7 if number else f"q{hostile}"
                                      for name, number in _parameters(key).items()}
            content = labels.content(key, **values)
            assert content.plain == labels(key, **values), key
            assert list(content.spans) == [], key  # no style came from the text
            if lang == "en":
                assert f"q{hostile}" in content.plain, (key, content.plain)


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_message_as_a_notice_and_a_title_keeps_the_app_up(
        library: Any, lang: str) -> None:
    app = make_app(library, lang=lang)
    said = record_notices(app)
    ran: list[str] = []
    app.action_quit = lambda: ran.append("quit")  # type: ignore[method-assign]
    app.action_screenshot = lambda *a: ran.append("screenshot")  # type: ignore[method-assign]
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await settle_library(pilot)
        for key in KEYS_WITH_TEXT:
            values = {name: 7 if number else "[@click=app.quit]q[/][b][link=x]"
                      for name, number in _parameters(key).items()}
            # on screen until the test looks, however loaded the machine
            app.say(key, timeout=10 * SETTLE_SECONDS, **values)
            app.screen.border_title = app.labels.content(key, **values)
            await pilot.pause()
        # (Textual's toasts, found by their type name: the class has no public export)
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == len(said),
                         "a toast for every notice",
                         lambda: (len(app.screen.query("Toast")), len(said)))
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert toasts
        if lang == "en":
            assert all("[@click=app.quit]q[/][b][link=x]" in t for t in toasts[-3:]), toasts
        from textual.pilot import OutOfBounds

        for toast in app.screen.query("Toast"):  # a click would run an @click action
            try:
                await pilot.click(toast)
            except OutOfBounds:  # stacked beyond the screen's edge
                continue
        await pilot.pause()
        assert app.is_running and ran == []
