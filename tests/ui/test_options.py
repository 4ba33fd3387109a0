"""Options in the palette and on the command line; modes, language, progressive layout."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from reader.text.layout import Document, LayoutOptions
from reader.text.output import LRM, RTL_CLOSE, RTL_OPEN
from reader.ui.bindings import describe
from reader.ui.settings import PREFERENCES_KEY, Settings
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.article import view as view_module
from tests.conftest import shared_path
from tests.ui.conftest import (
    LAYOUT_SECONDS,
    choose_in_palette,
    make_app,
    seed_id,
    settle_library,
    settle_reading,
    wait_until,
)

SIZE = (100, 30)


async def test_palette_commands_change_and_save_the_options(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await choose_in_palette(pilot, "Harakat: strip")
        assert app.settings.harakat == "strip"
        assert library.get_state(PREFERENCES_KEY)["harakat"] == "strip"
        view = app.screen.query_one(ArticleView)
        shown = "".join(line.text for line in view.rows if line is not None)
        assert not any("\u064b" <= ch <= "\u0652" for ch in shown)  # the damma of عُقد is gone
        names = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Bidi mode: terminal", "Shaping: off", "Measure: 60 columns",
                "Language: Arabic", "Harakat: keep", "Theme"} <= names


async def test_measure_and_shaping_relayout_keeping_the_place(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.text_width == 72  # the measure, centred in a wide pane
        await pilot.press("pagedown")
        where = view.position().paragraph
        app.change(measure=40)
        await wait_until(pilot, lambda: view.text_width == 40, "the new measure")
        assert view.text_width == 40
        assert max(line.cells for line in view.rows if line) <= 40
        assert view.position().paragraph == where
        app.change(shape=False)
        await wait_until(pilot, lambda: view.rows[0] is not None and not any(
            "\ufb50" <= ch <= "\ufeff" for ch in view.rows[0].text), "the title unshaped")
        title = view.rows[0]
        assert title is not None and not any("\ufb50" <= ch <= "\ufeff" for ch in title.text)


async def test_terminal_mode_shows_logical_text(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library), bidi="terminal")
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        article = library.get(seed_id(library))
        # logical, between the marks that keep the terminal's bidi from moving its ends
        marked = RTL_OPEN + article.title + RTL_CLOSE + LRM
        assert view.rows[0] is not None and view.rows[0].text == marked
        assert app.bidi.mode == "terminal"


async def test_arabic_interface_labels_are_laid_out_by_the_engine(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library), lang="ar")
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)  # the side panes are mounted after the first paint
        expected = Document(["روابط ذات صلة"]).lines(LayoutOptions(width=1000))[0].text
        assert app.screen.query_one("#related").border_title == expected
        # Keys are described as the footer and help show them: looked up when drawn.
        descriptions = {describe(b.binding.description, app.labels)
                        for b in app.screen.active_bindings.values()}
        back = Document(["رجوع"]).lines(LayoutOptions(width=1000))[0].text
        assert back in descriptions and "Back" not in descriptions
        app.change(lang="en")  # switching back at run time relabels everything
        await wait_until(pilot, lambda: app.screen.query_one("#related").border_title
                         == "Related links", "the English labels")
        assert app.screen.query_one("#related").border_title == "Related links"
        assert "Back" in {describe(b.binding.description, app.labels)
                          for b in app.screen.active_bindings.values()}


async def test_long_document_is_laid_out_progressively(library: Any, tmp_path: Path,
                                                        monkeypatch: Any) -> None:
    # The whole 1.75 MB text. The background layout is held at a gate until the test
    # has looked: whether it would still be running otherwise depends on the machine.
    source = shared_path("corpus", "text", "tashkeela_fadel2019_test.txt")
    article = library.resolve(str(source))
    # The gate is in the worker's thread, at its first step (the layout is a thread
    # worker: waiting in its caller would hold the event loop instead).
    gate = threading.Event()
    current_worker = view_module.get_current_worker

    def gated_worker() -> Any:
        assert threading.current_thread() is not threading.main_thread()
        gate.wait(timeout=120)
        return current_worker()

    monkeypatch.setattr(view_module, "get_current_worker", gated_worker)
    # The worst machine: every paragraph overruns the first screens' time budget.
    clock = itertools.count(step=1.0)
    monkeypatch.setattr(view_module, "time", SimpleNamespace(perf_counter=lambda: next(clock)))
    app = make_app(library, article_id=article.id)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await wait_until(pilot, lambda: view.rows, "the first screens")
        assert view.rows and not view.layout_complete  # the first screens, not all
        assert len(view.rows) >= 2 * view.size.height  # a screen and a page, always
        await pilot.press("j", "pagedown")  # input is served while the rest waits
        assert view.scroll_y > 0
        monkeypatch.setattr(view_module, "time", time)  # the rest at the real pace
        gate.set()
        await wait_until(pilot, lambda: view.layout_complete, "the rest of the layout",
                         seconds=LAYOUT_SECONDS)
        assert view.layout_complete
        paragraphs = len(view.paragraphs)
        assert sum(1 for line in view.rows if line is None) == paragraphs - 1
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 1000


async def test_a_theme_change_is_saved_as_a_preference(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        app.theme = "nord"
        await wait_until(pilot, lambda: library.get_state(PREFERENCES_KEY, {}).get("theme")
                         == "nord", "the theme saved")
        assert library.get_state(PREFERENCES_KEY)["theme"] == "nord"
    saved = Settings.from_state(library.get_state(PREFERENCES_KEY))  # what the next start reads
    again = make_app(library, theme=saved.theme)
    async with again.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        assert again.theme == "nord"


async def test_the_palette_switches_the_interfaces_digits_and_saves_them(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_library(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Digits: eastern ١٢٣" in titles
        await choose_in_palette(pilot, "Digits: eastern ١٢٣")
        assert app.settings.digits == "eastern"
        assert library.get_state(PREFERENCES_KEY)["digits"] == "eastern"
        assert app.labels("library.count", count="16") == "١٦ articles"
