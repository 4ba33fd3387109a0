"""The comment form reads from the right in the Arabic interface and from the left in
the English one: on the screen the terminal receives, every line of interface text
starts on the reading side at the same distance from the pane's edge, the remember
box's mark is on that side, and so is the banner's warning bar."""

from __future__ import annotations

import re
from typing import Any

import pytest
from rich.cells import cell_len

from reader.comments.form import CommentDraft
from reader.comments.recovery import write_recovery
from tests.ui.conftest import screen_rows, wait_until
from tests.ui.test_comment_pane import TARGET, PaneApp

pytest.importorskip("reader.text.layout")

from reader.ui.widgets.comments import CommentPane
from reader.ui.widgets.comments.bidi_text import BidiText
from reader.ui.widgets.comments.remember import RememberBox

#: The interface texts of the form, each checked where it is drawn.
TEXTS = (".comment-heading", ".comment-note", "#label-comment", "#label-author",
         "#label-email", "#label-url", "#bytes-comment", "#bytes-author")


def _rows(app: Any) -> list[list[str]]:
    """The screen, one list of cells a row (a combining mark stays in its letter's cell)."""
    rows = []
    for row in screen_rows(app.screen):
        cells: list[str] = []
        for character in row:
            if cell_len(character) or not cells:
                cells.append(character)
            else:
                cells[-1] += character
        rows.append(cells)
    return rows


def _extent(row: list[str], left: int, right: int) -> tuple[int, int]:
    """The first and last drawn (non-blank) columns of *row* between *left* and *right*."""
    columns = [x for x in range(left, right) if row[x] != " "]
    return columns[0], columns[-1]


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_the_form_reads_from_the_interface_languages_side(store: Any, lang: str) -> None:
    write_recovery(TARGET.article_id, CommentDraft("نص لم يُحفظ"))  # so the banner shows
    app = PaneApp(store, language=lang)
    async with app.run_test(size=(70, 60)) as pilot:
        await wait_until(pilot, lambda: _drawn(app, *TEXTS, "#field-remember", "#comment-banner"),
                         "the form drawn")
        pane = app.query_one(CommentPane)
        fields = pane.query_one("#comment-fields")
        rows = _rows(app)
        inner = fields.region.x, fields.region.right - fields.scrollbar_size_vertical
        for selector in TEXTS:
            widget = pane.query_one(selector, BidiText)
            first, last = _extent(rows[widget.region.y], *inner)
            if lang == "ar":
                assert last == inner[1] - 2, selector  # one cell from the right
            else:
                assert first == inner[0] + 1, selector  # one cell from the left
        box = pane.query_one("#field-remember", RememberBox)
        row = "".join(rows[box.region.y][box.region.x:box.region.right]).strip()
        assert row.endswith("[ ]") if lang == "ar" else row.startswith("[ ]")
        banner = pane.query_one("#comment-banner")
        assert banner.display
        bar = rows[banner.region.y]
        side = banner.region.right - 1 if lang == "ar" else banner.region.x
        other = banner.region.x if lang == "ar" else banner.region.right - 1
        assert bar[side] != " " and bar[other] == " ", bar


@pytest.fixture
def store(tmp_path: Any) -> Any:
    from reader.comments.store import DraftStore
    from tests.comments.dbutil import open_database

    conn = open_database(tmp_path / "lib.sqlite3")
    yield DraftStore(conn)
    conn.close()


def _joined(cells: list[str]) -> str:
    return "".join(cells)


def _drawn(app: Any, *selectors: str) -> bool:
    """Whether each of *selectors* is laid out and drawn (its first row not blank)."""
    rows = _rows(app)
    for selector in selectors:
        region = app.query_one(selector).region
        if not region.width or region.y >= len(rows):
            return False
        if not "".join(rows[region.y][region.x:region.right]).strip():
            return False
    return True


async def test_a_date_in_an_arabic_banner_reads_as_a_date(store: Any) -> None:
    """The recovered draft's time is an isolate in the Arabic sentence: it is drawn
    2026-12-04 15:03, not turned around (04-12-2026) by the sentence's direction."""
    write_recovery(TARGET.article_id, CommentDraft("نص لم يُحفظ"))
    app = PaneApp(store, language="ar")
    async with app.run_test(size=(70, 30)) as pilot:
        await wait_until(pilot, lambda: _drawn(app, "#comment-banner"), "the banner drawn")
        banner = app.query_one("#comment-banner")
        rows = _rows(app)
        shown = " ".join(_joined(rows[y]) for y in range(banner.region.y,
                                                          banner.region.bottom))
        assert re.search(r"\(20\d\d-\d\d-\d\d \d\d:\d\d\)", shown), shown


async def test_the_forms_numbers_follow_the_digits_preference(store: Any) -> None:
    from reader.i18n import Translator
    from reader.ui.labels import Labels

    app = PaneApp(store, language="ar")
    async with app.run_test(size=(70, 40)) as pilot:
        pane = app.query_one(CommentPane)
        pane.configure(labels=Labels(Translator("ar"), "app", "keep", True, "eastern"))
        counter = pane.query_one("#bytes-comment", BidiText)
        await wait_until(pilot, lambda: _drawn(app, "#bytes-comment") and "٦٥٬٥٢٥ / ٠" in
                         _joined(_rows(app)[counter.region.y]), "the eastern digits")
        rows = _rows(app)
        assert "٦٥٬٥٢٥ / ٠" in _joined(rows[counter.region.y])
        pane.configure(labels=Labels(Translator("ar"), "app", "keep", True, "western"))
        await wait_until(pilot, lambda: "65,525 / 0" in _joined(_rows(app)[counter.region.y]),
                         "the western digits")
        assert "65,525 / 0" in _joined(_rows(app)[counter.region.y])


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_no_form_is_said_one_cell_in_from_the_reading_side(store: Any,
                                                                 lang: str) -> None:
    from types import SimpleNamespace

    app = PaneApp(store, language=lang)
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(CommentPane)
        pane.set_article(SimpleNamespace(comment_form=None))
        await wait_until(pilot, lambda: _drawn(app, "#comment-form"), "the no-form line")
        said = pane.query_one("#comment-form")
        row = _rows(app)[said.region.y]
        first, last = _extent(row, said.region.x, said.region.right)
        if lang == "ar":
            assert last == said.region.right - 2
        else:
            assert first == said.region.x + 1
