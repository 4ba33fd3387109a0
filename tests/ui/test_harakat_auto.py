"""Harakat not chosen: stripped on kitty, which draws a letter carrying a haraka over
its neighbours in every strategy (docs/terminals.md), kept elsewhere; a choice wins."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.settings import PREFERENCES_KEY, Settings, merge_command_line
from reader.ui.widgets.article import ArticleView
from tests.ui.conftest import (
    TEST_SETTINGS,
    choose_in_palette,
    seed_id,
    settle_reading,
    wait_until,
)

KITTY = {"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}
VTE = {"TERM": "xterm-256color", "VTE_VERSION": "7006"}
HARAKAT = tuple(chr(code) for code in range(0x064B, 0x0653))
SIZE = (100, 30)


def reader(library: Any, environ: dict[str, str], harakat: str) -> ReaderApp:
    return ReaderApp(library, TEST_SETTINGS.with_changes(harakat=harakat),
                     article_id=seed_id(library), environ=environ)


def shown(app: ReaderApp) -> str:
    return "".join(line.text for line in app.screen.query_one(ArticleView).rows
                   if line is not None)


def test_not_chosen_is_auto_on_the_command_line_and_in_saved_preferences() -> None:
    assert Settings().harakat == "auto"
    assert Settings.from_state({"theme": "nord"}).harakat == "auto"
    saved_keep = Settings(harakat="keep").to_state()
    assert Settings.from_state(saved_keep).harakat == "keep"  # saved: chosen
    # Saved before harakat had "auto": every save wrote the default keep, not a choice.
    assert Settings.from_state({"harakat": "keep", "theme": "nord"}).harakat == "auto"
    assert Settings.from_state({"harakat": "keep", "theme": "nord"}).theme == "nord"
    assert Settings.from_state({"harakat": "strip"}).harakat == "strip"  # a choice then too
    given = merge_command_line(Settings.from_state({}), harakat="keep")
    assert given.harakat == "keep"


@pytest.mark.parametrize(("environ", "requested", "decided"), [
    (KITTY, "auto", "strip"),
    (KITTY, "keep", "keep"),  # --harakat keep (or a saved keep) still wins
    (VTE, "auto", "keep"),
    (VTE, "strip", "strip"),
])
async def test_the_app_decides_harakat_for_the_terminal(library: Any, environ: dict[str, str],
                                                        requested: str, decided: str) -> None:
    app = reader(library, environ, requested)
    assert app.settings.harakat == decided
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        assert any(mark in shown(app) for mark in HARAKAT) == (decided == "keep")


async def test_help_names_the_stripping_only_when_auto_did_it(library: Any) -> None:
    for environ, requested, named in ((KITTY, "auto", True), (KITTY, "keep", False),
                                      (VTE, "auto", False)):
        app = reader(library, environ, requested)
        async with app.run_test(size=SIZE) as pilot:
            await settle_reading(pilot)
            await pilot.press("question_mark")
            await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen),  # noqa: B023
                             "the help screen")
            text = " ".join(app.screen._body().plain.split())
            assert ("Harakat stripped by auto: this terminal (kitty) draws a letter carrying"
                    in text) == named
            assert f"Harakat: {app.settings.harakat}." in text


async def test_choosing_in_the_palette_on_kitty_keeps_them_and_saves_it(library: Any) -> None:
    app = reader(library, KITTY, "auto")
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await choose_in_palette(pilot, "Harakat: keep")
        assert app.settings.harakat == "keep" and app.harakat_requested == "keep"
        assert library.get_state(PREFERENCES_KEY)["harakat"] == "keep"
        await wait_until(pilot, lambda: any(mark in shown(app) for mark in HARAKAT),
                         "the harakat back")


async def test_a_kitty_attaching_to_tmux_later_gets_them_stripped_then_back(
        library: Any) -> None:
    from reader.ui.terminal import TmuxClient, identify

    inside = {"TMUX": "/tmp/tmux-0/default,1,0", "TMUX_PANE": "%0", "TERM": "tmux-256color"}
    app = reader(library, {}, "auto")  # (not asking a real tmux)
    app.environ = inside
    app._tmux_client = TmuxClient()
    app.terminal = identify(inside, app._tmux_client)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        assert app.settings.harakat == "keep"
        app.follow_tmux_client(TmuxClient("xterm-kitty", "kitty(0.26.5)", None, "4242"))
        assert app.settings.harakat == "strip"
        await wait_until(pilot, lambda: not any(mark in shown(app) for mark in HARAKAT),
                         "the harakat stripped")
        app.follow_tmux_client(TmuxClient("xterm", "XTerm(379)", None, "4343"))
        assert app.settings.harakat == "keep"
        assert app.preferences.harakat == "auto"  # nothing was chosen, nothing saved
