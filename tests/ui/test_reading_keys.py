"""Every key and pane move of the reading screen, driven through Pilot."""

from __future__ import annotations

import re
from typing import Any

from textual import events

from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.comments import CommentPane
from reader.ui.widgets.related import RelatedPane
from tests.conftest import shared_path
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_until

SIZE = (100, 30)


def view_of(app: Any) -> ArticleView:
    return app.screen.query_one(ArticleView)


async def open_seed(library: Any, **changes: Any):
    app = make_app(library, article_id=seed_id(library), **changes)
    return app


async def test_line_page_and_end_keys_scroll_the_article(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = view_of(app)
        assert view.has_focus and view.max_scroll_y > 0
        for key, expected in (("j", 1), ("down", 2), ("k", 1), ("up", 0)):
            await pilot.press(key)
            assert view.scroll_y == expected, key
        page = view.scrollable_content_region.height
        await pilot.press("pagedown")
        assert view.scroll_y == min(page, view.max_scroll_y)
        await pilot.press("pageup")
        assert view.scroll_y == 0
        await pilot.press("space")
        assert view.scroll_y == min(page, view.max_scroll_y)
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_y == 0
        await pilot.mouse_down(view)  # clicking focuses; the wheel scrolls
        await pilot.pause()
        view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await wait_until(pilot, lambda: view.scroll_y > 0, "the wheel to scroll")
        assert view.scroll_y > 0


async def test_tab_and_letter_keys_move_between_panes(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        await pilot.press("tab")
        assert screen._focused_pane() == "related"
        await pilot.press("tab")
        assert screen._focused_pane() == "comment"
        # Tab walks the comment form's fields, then leaves for the article.
        fields = []
        while screen._focused_pane() == "comment" and len(fields) < 10:
            fields.append(app.focused)
            await pilot.press("tab")
        assert screen._focused_pane() == "article" and len(set(fields)) >= 4
        await pilot.press("shift+tab")
        assert screen._focused_pane() == "comment"
        await pilot.press("a")  # in the draft a letter is text, not a shortcut
        assert screen._focused_pane() == "comment"
        await pilot.click(ArticleView)
        await pilot.press("r")
        assert isinstance(app.focused, RelatedPane)
        await pilot.press("a")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("r")
        await pilot.press("c")
        assert screen._focused_pane() == "comment"
        await pilot.press(*"رأي")  # typed into the draft, not taken as shortcuts
        assert screen._focused_pane() == "comment"
        assert screen.query_one(CommentPane).draft.comment == "a" + "رأي"
        await pilot.click(RelatedPane)
        assert isinstance(app.focused, RelatedPane)
        await pilot.click(ArticleView)
        assert isinstance(app.focused, ArticleView)


async def test_rtl_article_sits_on_the_right_with_titled_panes(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)  # the side panes are mounted after the first paint
        screen = app.screen
        article, related, comment = (screen.query_one(f"#{name}")
                                     for name in ("article", "related", "comment"))
        assert article.region.x > related.region.x and article.region.x > comment.region.x
        assert article.region.right == app.size.width
        assert (article.border_title, related.border_title, comment.border_title) == (
            "Article", "Related links", "Comment draft")


async def test_find_highlights_matches_and_n_moves_between_them(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = view_of(app)
        await pilot.press("slash")
        find = app.screen.query_one("#find")
        assert find.display and find.has_focus
        await pilot.press(*"إيران", "enter")
        await wait_until(pilot, lambda: not find.display and view.has_focus, "the find done")
        assert not find.display and view.has_focus
        total = len(view.matches)
        text = "\n".join(view.paragraphs)
        assert total == text.count("إيران") > 3
        assert view.current_match == 0
        await pilot.press("n")
        assert view.current_match == 1
        await pilot.press("N", "N")
        assert view.current_match == total - 1
        # The current match is on screen and highlighted where the engine draws it.
        match = view.matches[view.current_match]
        rows = [i for i, line in enumerate(view.rows)
                if line is not None and line.paragraph == match.paragraph
                and line.start <= match.start < line.end]
        assert rows and view.scroll_y <= rows[0] < view.scroll_y + view.size.height
        await pilot.press("escape")  # clears the highlights, stays on the article
        assert view.matches == [] and isinstance(app.screen, ReadingScreen)


async def test_y_copies_the_logical_text_of_the_current_paragraph(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = view_of(app)
        await pilot.press("y")
        article = library.get(seed_id(library))
        assert app.clipboard == article.title  # the top line is the title
        while view.current_paragraph() in (0, 1):
            await pilot.press("j")
        await pilot.press("y")
        assert app.clipboard == article.paragraphs[view.current_paragraph() - 2]
        assert app.clipboard in article.paragraphs  # logical, not the shaped visual text


async def test_brackets_move_through_the_library_and_back_returns(library: Any) -> None:
    library.resolve(str(shared_path("corpus", "text", "mixed_02_alweeam.txt")))
    library.resolve(str(shared_path("corpus", "text", "news_harakat_01_alyaum.txt")))
    ids = [summary.id for summary in library.list_articles()]
    app = make_app(library, article_id=ids[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        screen = app.screen
        await pilot.press("right_square_bracket")
        assert screen.article_id == ids[1]
        await pilot.press("right_square_bracket")
        assert screen.article_id == ids[2]
        await pilot.press("left_square_bracket")
        assert screen.article_id == ids[1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.article_id == ids[0]  # no article before the first one
        await pilot.press("backspace")  # no history: back to the library
        assert isinstance(app.screen, LibraryScreen)


async def test_related_link_opens_and_back_restores_article_and_position(library: Any) -> None:
    for name in ("mixed_01_alriyadh.txt", "mixed_03_aawsat.txt", "news_harakat_02_aljazirah.txt"):
        library.resolve(str(shared_path("corpus", "text", name)))
    seed = seed_id(library)
    app = make_app(library, article_id=seed)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        screen, view = app.screen, view_of(app)
        await pilot.press("j", "j", "j")
        before = view.position()
        await pilot.press("r")
        pane = screen.query_one(RelatedPane)
        stored = [i for i, item in enumerate(pane.items) if item.article_id]
        assert stored, "the library found no related stored article"
        pane.highlighted = stored[0]
        target = pane.items[stored[0]].article_id
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.article_id == target, "the related article")
        assert screen.article_id == target != seed
        assert view.has_focus
        await pilot.press("backspace")
        await wait_until(pilot, lambda: screen.article_id == seed and view.position() == before,
                         "the article and the place before")
        assert screen.article_id == seed and view.position() == before


async def test_external_link_is_copied_and_enter_keeps_the_article(library: Any) -> None:
    # A saved WordPress page whose "read also" links point outside the library.
    page = library.resolve(str(shared_path("corpus", "html", "wp_elbaladtv.net_1806793639.html")))
    app = make_app(library, article_id=page.id)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        pane = app.screen.query_one(RelatedPane)
        external = [i for i, item in enumerate(pane.items) if not item.article_id and item.url]
        assert external, "the page's related links were not found"
        await pilot.press("r")
        pane.highlighted = external[0]
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.clipboard == pane.items[external[0]].url,
                         "the link copied")
        assert app.clipboard == pane.items[external[0]].url
        assert app.screen.article_id == page.id  # copying does not navigate


async def test_escape_returns_to_the_library_and_the_position_is_restored(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = view_of(app)
        await pilot.press("pagedown", "j", "j")
        where = view.position()
        assert where.paragraph > 1
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen)
                         and view_of(app).position() == where, "the place restored")
        assert view_of(app).position() == where
    again = make_app(library, article_id=seed_id(library))
    async with again.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        assert view_of(again).position() == where


async def test_help_lists_every_key_and_the_bidi_decision(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        assert isinstance(app.screen, HelpScreen)
        cells = " ".join(app.screen._body().plain.split())
        assert "Bidi mode: app. Chosen with --bidi or a saved preference." in cells
        shown = set(cells.split()) | set(re.split(r"[\s/]+", cells))
        for key in ("j", "k", "PgDn", "space", "g", "G", "Tab", "r", "c", "a", "/", "n",
                    "N", "[", "]", "Backspace", "b", "y", "Escape", "q", "?", "m"):
            assert key in shown, key
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_resize_lays_the_article_out_again_at_the_new_width(library: Any) -> None:
    app = await open_seed(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        view = view_of(app)
        wide = max(line.cells for line in view.rows if line is not None)
        await pilot.press("pagedown")
        where = view.position()
        await pilot.resize_terminal(60, 20)
        await wait_until(pilot, lambda: view.text_width < wide
                         and view.position().paragraph == where.paragraph,
                         "the new width, the place kept")
        narrow = max(line.cells for line in view.rows if line is not None)
        assert narrow <= view.text_width < wide
        assert view.position().paragraph == where.paragraph


async def test_clicking_a_related_link_opens_it(library: Any) -> None:
    for name in ("mixed_01_alriyadh.txt", "mixed_03_aawsat.txt"):
        library.resolve(str(shared_path("corpus", "text", name)))
    seed = seed_id(library)
    app = make_app(library, article_id=seed)
    async with app.run_test(size=SIZE) as pilot:
        await settle_reading(pilot)
        pane = app.screen.query_one(RelatedPane)
        assert pane.items and pane.items[0].article_id
        target = pane.items[0].article_id
        await pilot.click(RelatedPane, offset=(6, 1))  # the first link's first line
        await wait_until(pilot, lambda: app.screen.article_id == target, "the related article")
        assert app.screen.article_id == target != seed
        assert [visit.article_id for visit in app.screen.history] == [seed]
