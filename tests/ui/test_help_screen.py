"""The help screen's bidi section: its sentences lay their values in as isolates."""

from __future__ import annotations

from typing import Any

from reader.text.isolates import LRI, PDI, RLI
from reader.text.output import LRM
from reader.ui.screens.help import HelpScreen
from reader.ui.terminal import decide, identify
from tests.ui.conftest import make_app, seed_id

SIZE = (100, 30)


async def _help_lines(library: Any, bidi: str) -> list[str]:
    """The help body's lines, in Arabic, for a terminal known by nothing but TERM=."""
    app = make_app(library, article_id=seed_id(library), bidi=bidi, lang="ar")
    app.terminal = identify({})  # evidence "TERM=": its "=" is what moved
    app.bidi = decide(bidi, app.terminal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        return app.screen._body().plain.splitlines()


async def test_the_reason_and_its_hint_keep_their_order_in_the_arabic_help(
    library: Any
) -> None:
    """The reason is a sentence inside "Bidi mode: {mode}. {reason}", and the hint
    (what told the terminal apart) a value inside the reason: each an isolate. Without
    them the hint's "=" took the Arabic sentence's direction: "(=TERM)"."""
    lines = await _help_lines(library, "auto")
    line = next(line for line in lines if "TERM" in line)
    assert "(TERM=)" in line and "=TERM" not in line
    assert line.strip().endswith("ﻩﺎﺠﺗﻻﺍ ﻊﺿﻭ")  # "وضع الاتجاه:" read first, at the right


async def test_a_terminal_that_orders_is_given_the_reason_as_an_isolate(library: Any) -> None:
    """Where the terminal runs bidi itself (``--bidi terminal``) the interface's isolates
    reach it: the mode and the reason sentence each one, ordered by the terminal as the
    engine orders them in app mode."""
    lines = await _help_lines(library, "terminal")
    line = next(line for line in lines if "--bidi" in line)
    assert f"{LRI}{LRM}terminal{PDI}. {RLI}اختير بالخيار --bidi أو بتفضيل محفوظ.{PDI}" in line


async def test_terminal_mode_on_mlterm_says_what_it_cannot_do_there(library: Any) -> None:
    """On mlterm ``--bidi terminal`` draws the frames in ASCII and still reads a line
    starting with a Latin word left to right: the help says so, and that auto's app
    mode is right there; on another terminal it says nothing of the kind."""
    from reader.i18n import Translator

    note = Translator("en")("help.terminal_mlterm")
    for env, shown in (({"TERM": "mlterm"}, True), ({"VTE_VERSION": "7006"}, False)):
        app = make_app(library, article_id=seed_id(library), bidi="terminal", lang="en")
        app.terminal = identify(env)
        app.bidi = decide("terminal", app.terminal)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            body = " ".join(line.strip() for line in app.screen._body().plain.splitlines())
            assert (note[:40] in body) == shown
