"""The library screen: listing, search as you type, opening, the last article offered."""

from __future__ import annotations

from typing import Any

from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.library import ArticleList
from tests.ui.conftest import make_app, seed_id


async def test_lists_the_seed_and_enter_opens_it(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.query_one(ArticleList)
        ids = [articles.article_id_at(i) for i in range(len(articles.entries))]
        assert seed_id(library) in ids
        assert ids == [summary.id for summary in library.list_articles()]  # newest first
        articles.select_article(seed_id(library))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article_id == seed_id(library)


async def test_search_filters_as_you_type_and_escape_returns_to_the_list(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        assert app.focused is not None and app.focused.id == "library-search"
        await pilot.press(*"zzqqxx")  # typed into the field: q must not quit
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert articles.entries == []
        for _ in range(6):
            await pilot.press("backspace")
        await pilot.press(*"إيران")
        await pilot.pause()
        hits = [articles.article_id_at(i) for i in range(len(articles.entries))]
        assert seed_id(library) in hits
        search = app.screen.query_one("#library-search")
        # The field itself shows the query laid out (shaped, right to left), no echo.
        assert app.labels.line("إيران") in search.render_line(0).text
        assert search.border_title is None
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)


async def test_q_quits_from_the_library(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_the_last_opened_article_is_offered_at_start(library: Any) -> None:
    article = seed_id(library)
    first = make_app(library, article_id=article)
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(first.screen, ReadingScreen)
    second = make_app(library)
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offer = second.screen.query_one("#library-continue")
        assert offer.display
        assert second.labels.line(library.get(article).title) in str(offer.render())
        articles = second.screen.query_one(ArticleList)
        assert articles.article_id_at(articles.highlighted) == article
