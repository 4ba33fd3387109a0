"""The one-key bidi chooser, the help screen's bidi section, and the terminal put back."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest

from reader.text.output import LRM, MODES, RTL_CLOSE, RTL_OPEN
from reader.ui.saved_choices import load_choices
from reader.ui.screens.bidi_chooser import SAMPLE, BidiChooser, sample_lines
from reader.ui.screens.help import HelpScreen
from reader.ui.terminal import TmuxClient, chooser_due, decide, identify
from reader.ui.widgets.article import ArticleView
from tests.ui.conftest import choose_in_palette, make_app, seed_id, settle_reading, wait_until

SIZE = (100, 30)
KONSOLE = {"KONSOLE_VERSION": "221203", "TERM": "xterm-256color"}


def test_the_sample_has_what_goes_wrong_first() -> None:
    assert "لا" in SAMPLE and "(2015)" in SAMPLE and "\u064e" in SAMPLE  # lam-alef, fatha
    rows = sample_lines(60)
    assert [mode for mode, _ in rows] == list(MODES)
    assert len({sample for _, sample in rows}) == len(MODES)  # every strategy differs
    assert dict(rows)["terminal"].endswith(RTL_OPEN + SAMPLE + RTL_CLOSE + LRM)


def test_the_samples_come_out_as_the_readers_text_would() -> None:
    # with the reader's own settings: harakat stripped, no joining
    for _, sample in sample_lines(60, harakat="strip"):
        assert "\u064e" not in sample and "\u064f" not in sample and "\u0651" not in sample
    assert dict(sample_lines(60, shape=False))["app"].strip().startswith(".")
    assert not any("\ufe70" <= ch <= "\ufefc" for ch in dict(sample_lines(60, shape=False))["app"])
    # on a terminal that reorders rows, every sample ends in an LRM: without one the
    # app sample's Arabic joined the article's beside the chooser (VTE in tmux)
    plain = dict(sample_lines(60))
    assert not plain["app"].endswith(LRM) and not plain["words"].endswith(LRM)
    marked = sample_lines(60, end_mark=True)
    assert all(sample.endswith(LRM) and not sample.endswith(LRM + LRM) for _, sample in marked)
    assert [s.rstrip(LRM) for _, s in marked] == [s.rstrip(LRM) for s in plain.values()]


def test_mlterms_terminal_sample_goes_in_the_form_of_the_stretch_it_shares() -> None:
    """On mlterm the terminal sample shares its stretch of the row with the number and
    name before it, which mlterm lays out left to right: its full stop goes first,
    as it shows, and it is filled before it (filled after it, as a pane's line is,
    it read in left-to-right order, at the left)."""
    sample = dict(sample_lines(60, "mlterm"))["terminal"]
    assert sample.startswith(" ") and sample.rstrip() == sample
    assert sample.strip().startswith(".") and "\u00a0" not in sample
    # elsewhere the terminal sample is the strategy's line as it is
    assert dict(sample_lines(60, "vte"))["terminal"].strip().endswith(".\u202c\u200e")


def test_the_chooser_opens_by_itself_only_where_auto_cannot_see_the_setting() -> None:
    konsole = identify(KONSOLE)
    auto = decide("auto", konsole)
    assert chooser_due("auto", auto, interactive=True)
    assert not chooser_due("auto", auto, interactive=False)  # stdin/stdout not a tty
    assert not chooser_due("app", decide("app", konsole), interactive=True)  # --bidi given
    saved = decide("auto", konsole, {"konsole": "app"})
    assert not chooser_due("auto", saved, interactive=True)  # answered once already
    for env in ({"VTE_VERSION": "7006"}, {"TERM": "xterm"}, {"KITTY_WINDOW_ID": "1"}, {}):
        assert not chooser_due("auto", decide("auto", identify(env)), interactive=True)


async def test_one_key_picks_saves_and_applies_a_strategy(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library), bidi="auto")
    app.environ = dict(KONSOLE)
    app.terminal = identify(KONSOLE)
    app.bidi = decide("auto", app.terminal)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        assert app.bidi.mode == "shaped-mirrored"
        await choose_in_palette(pilot, "Bidi chooser: which line reads right?",
                                typed="Bidi chooser")
        await wait_until(pilot, lambda: isinstance(app.screen, BidiChooser), "the chooser")
        assert isinstance(app.screen, BidiChooser)
        # Konsole reorders rows: each sample ends in an LRM, the "app" one included
        body = app.screen.query_one("#chooser-body").render()
        samples = [line for line in str(body).splitlines() if "app " in line]
        assert samples and samples[0].endswith(LRM)
        await pilot.press(str(MODES.index("app") + 1))
        await wait_until(pilot, lambda: not isinstance(app.screen, BidiChooser),
                         "the chooser to close")
        assert not isinstance(app.screen, BidiChooser)
        assert load_choices() == {"konsole": "app"}
        assert (app.bidi.mode, app.bidi.source, app.settings.bidi) == ("app", "saved", "auto")
        view = app.screen.query_one(ArticleView)
        assert view.mode == "app"
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(app.screen._body().plain.split())
        assert "Bidi mode: app. Chosen in the bidi chooser for this terminal" in text
        assert "b opens the bidi chooser" in text
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, BidiChooser), "the chooser")
        assert isinstance(app.screen, BidiChooser)
        await pilot.press("escape")  # opened by the reader: nothing saved, nothing changed
        await wait_until(pilot, lambda: not isinstance(app.screen, BidiChooser),
                         "the chooser to close")
        assert load_choices() == {"konsole": "app"} and app.bidi.mode == "app"


async def test_help_names_the_strategy_auto_picked_and_why(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library), bidi="auto")
    app.terminal = identify({"KITTY_WINDOW_ID": "1"})
    app.bidi = decide("auto", app.terminal)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        text = " ".join(app.screen._body().plain.split())
        assert "Bidi mode: words. Picked by auto for this terminal (KITTY_WINDOW_ID)." in text
        assert "each Arabic word backwards" in text


@pytest.mark.parametrize("terminal", [{"TERM": "mlterm"}, {}])
def test_the_terminal_is_put_back_when_the_normal_exit_was_skipped(
    library: Any, monkeypatch: pytest.MonkeyPatch, terminal: dict[str, str]
) -> None:
    app = make_app(library, bidi="auto")
    app.terminal = identify(terminal)
    app.bidi = decide("auto", app.terminal)
    out = io.StringIO()
    monkeypatch.setattr(sys, "__stdout__", out)
    from reader.ui.terminal import mode_sequences

    app._leave_sequence = mode_sequences(app.bidi)[1]  # entered, never left (a crash)
    app.restore_terminal()
    app.restore_terminal()  # once only
    expected = "\x1b[8h" + ("\x1b]5379;use_ctl=true\x07" if terminal else "")
    assert out.getvalue() == expected


async def test_a_terminal_attaching_to_tmux_later_is_followed(library: Any) -> None:
    # started in a tmux session no terminal is attached to: app, for no terminal
    inside = {"TMUX": "/tmp/tmux-0/default,1,0", "TMUX_PANE": "%0", "TERM": "tmux-256color"}
    app = make_app(library, article_id=seed_id(library), bidi="auto")
    app.environ = inside
    app._tmux_client = TmuxClient()
    app.terminal = identify(inside, app._tmux_client)
    app.bidi = decide("auto", app.terminal)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        assert app.bidi.mode == "app"
        # a kitty attaches: the strategy, the labels and the article follow it
        app.follow_tmux_client(TmuxClient("xterm-kitty", "kitty(0.26.5)", None, "4242"))
        await wait_until(pilot, lambda: app.screen.query_one(ArticleView).mode == "words",
                         "the article in the new strategy")
        assert (app.terminal.kind, app.bidi.mode) == ("kitty", "words")
        assert app.labels.mode == "words"
        assert app.screen.query_one(ArticleView).mode == "words"
        # no answer, the last client detaching, or the same client again: no change
        for same in (None, TmuxClient(), TmuxClient("xterm", "XTerm(379)", None, "4242")):
            app.follow_tmux_client(same)
            assert app.bidi.mode == "words"
        app.follow_tmux_client(TmuxClient("xterm", "XTerm(379)", None, "4343"))
        await wait_until(pilot, lambda: app.screen.query_one(ArticleView).mode == "app",
                         "the article in the new strategy")
        assert (app.terminal.kind, app.bidi.mode) == ("xterm", "app")


async def test_a_refused_save_names_the_file_in_its_own_order(
        library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the Arabic interface the error (a Latin message naming a file) is an isolate:
    without one, "[Errno 13] Permission denied:" was laid out in pieces around it."""
    from reader.ui.screens import bidi_chooser

    said: list[str] = []

    def refuse(key: str, mode: str) -> None:
        raise PermissionError(13, "Permission denied", "/cfg/rtl-reader/choices.json")

    monkeypatch.setattr("reader.ui.saved_choices.save_choice", refuse)
    monkeypatch.setattr(bidi_chooser, "notice",
                        lambda app, text, **kwargs: said.append(str(text)))
    app = make_app(library, article_id=seed_id(library), bidi="auto", lang="ar")
    app.terminal = identify(KONSOLE)
    app.bidi = decide("auto", app.terminal)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        app.push_screen(BidiChooser())
        await wait_until(pilot, lambda: isinstance(app.screen, BidiChooser), "the chooser")
        await pilot.press(str(MODES.index("app") + 1))
        await wait_until(pilot, lambda: said, "the refusal said")
    assert said and "[Errno 13] Permission denied: '/cfg/rtl-reader/choices.json'" in said[0]
