"""The library screen: listing, search as you type, opening, the last article offered."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.library import ArticleList
from tests.ui.conftest import make_app, seed_id, settle_library, wait_until


async def test_lists_the_seed_and_enter_opens_it(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.query_one(ArticleList)
        ids = [articles.article_id_at(i) for i in range(articles.count)]
        assert seed_id(library) in ids
        assert ids == [summary.id for summary in library.list_articles()]  # newest first
        articles.select_article(seed_id(library))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article_id == seed_id(library)


async def test_search_filters_as_you_type_and_escape_returns_to_the_list(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        await pilot.press("slash")
        assert app.focused is not None and app.focused.id == "library-search"
        await pilot.press(*"zzqqxx")  # typed into the field: q must not quit
        articles = app.screen.query_one(ArticleList)
        await wait_until(pilot, lambda: articles.count == 0, "the list filtered")
        assert articles.count == 0
        for _ in range(6):
            await pilot.press("backspace")
        await pilot.press(*"إيران")
        await wait_until(pilot, lambda: articles.count, "the hits")
        hits = [articles.article_id_at(i) for i in range(articles.count)]
        assert seed_id(library) in hits
        search = app.screen.query_one("#library-search")
        # The field itself shows the query laid out (shaped, right to left), no echo.
        assert app.labels.line("إيران") in search.render_line(0).text
        assert search.border_title is None
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article")
        assert isinstance(app.screen, ReadingScreen)


async def test_q_quits_from_the_library(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running, "the app to quit")
    assert app.return_code == 0 and not app.is_running


async def test_the_last_opened_article_is_offered_at_start(library: Any) -> None:
    article = seed_id(library)
    first = make_app(library, article_id=article)
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(first.screen, ReadingScreen), "the article")
        assert isinstance(first.screen, ReadingScreen)
    second = make_app(library)
    async with second.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        offer = second.screen.query_one("#library-continue")
        assert offer.display
        assert second.labels.line(library.get(article).title) in str(offer.render())
        # Arabic is never slanted (no Arabic in oblique terminal faces; kitty then
        # flips the whole title instead of each word)
        strips = offer.render_lines(offer.region.reset_offset)
        assert not [segment.text for strip in strips for segment in strip
                    if segment.style and segment.style.italic and segment.text.strip()]
        articles = second.screen.query_one(ArticleList)
        assert articles.article_id_at(articles.highlighted) == article


def _many_articles(library: Any, copies: int) -> None:
    """*copies* more rows of each stored article straight in SQL (the list reads only the
    articles table): a large library in a second."""
    connection = library.connection
    columns = ("title, breadcrumbs, date, author, source, url, direction, format, origin, body, "
               "comment_form, imported_at, title_key, title_base_key")
    connection.execute("BEGIN")
    for copy in range(1, copies + 1):
        connection.execute(
            f"INSERT INTO articles (id, content_hash, {columns}) "
            f"SELECT printf('%s%04d', substr(id, 1, 12), ?), content_hash || ?, {columns} "
            "FROM articles WHERE key <= (SELECT min(key) + 3 FROM articles)",
            (copy, f"-{copy}"),
        )
    connection.execute("COMMIT")


async def test_the_first_paint_is_laid_out_and_reads_only_a_page(library: Any) -> None:
    """Titles right-aligned and wrapped for the list's width from the first frame, and a
    big library read a page at a time, never whole."""
    from reader.ui.widgets.library.sources import PAGE_SIZE, LibraryPages

    _many_articles(library, 1000)
    app = make_app(library)
    seen: list[str] = []

    async with app.run_test(size=(80, 24)) as pilot:
        articles = app.screen.query_one(ArticleList)
        original = articles.render_line

        def spy(y: int):  # the very first lines the list draws
            strip = original(y)
            if len(seen) < 3:
                seen.append(strip.text)
            return strip

        articles.render_line = spy  # type: ignore[method-assign]
        articles.refresh()
        await wait_until(pilot, lambda: seen, "the list's first lines drawn")
        assert isinstance(articles.source, LibraryPages)
        assert articles.count == library.count() > 4000
        assert len(articles.source._pages) <= 2  # a page or two of 4,000 rows
        assert articles.source._pages and all(
            len(rows) <= PAGE_SIZE for rows in articles.source._pages.values())
        title = seen[0].rstrip()
        assert title.endswith(" ") is False and len(title) >= articles.size.width - 3
        status = str(app.screen.query_one("#library-status").render())
        assert f"{articles.count:,} articles" in status and "sorted by date" in status
        await pilot.press("G")
        assert articles.highlighted == articles.count - 1
        assert articles.article_id_at(articles.highlighted) is not None
        assert len(articles.source._pages) <= 4


async def test_s_sorts_by_title_then_source_and_is_remembered(library: Any) -> None:
    from reader.library.normalize import title_key

    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("s")
        status = str(app.screen.query_one("#library-status").render())
        assert "sorted by title" in status
        titles = [articles.source.entry(i).title for i in range(articles.count)]
        assert [title_key(t) for t in titles] == sorted(title_key(t) for t in titles)
        await pilot.press("s")
        assert "sorted by source" in str(app.screen.query_one("#library-status").render())
    again = make_app(library)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        assert again.screen.sort == "source"


async def test_delete_asks_first_and_keeps_the_draft_unless_told(library: Any) -> None:
    from reader.comments.form import CommentDraft
    from reader.comments.store import DraftStore, DraftTarget
    from reader.ui.screens.choice import ChoiceScreen

    seed = library.get(seed_id(library))
    store = DraftStore.for_library(library)
    store.save(DraftTarget.for_article(seed), CommentDraft(comment="مسودة"), base_revision=0)
    count = library.count()
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.select_article(seed.id)
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the question")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen), "the answer")
        assert library.count() == count and isinstance(app.screen, LibraryScreen)
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen), "the answer")
        assert library.count() == count - 1
        assert articles.count == count - 1 and seed.id not in {
            articles.article_id_at(i) for i in range(articles.count)}
        assert store.load(seed.id) is not None  # kept
        await pilot.press("home", "delete")  # no draft: nothing more to ask
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the question")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen), "the answer")
        assert library.count() == count - 1 and isinstance(app.screen, LibraryScreen)


async def test_delete_with_its_draft(library: Any) -> None:
    from reader.comments.form import CommentDraft
    from reader.comments.store import DraftStore, DraftTarget
    from reader.ui.screens.choice import ChoiceScreen

    seed = library.get(seed_id(library))
    store = DraftStore.for_library(library)
    store.save(DraftTarget.for_article(seed), CommentDraft(comment="مسودة"), base_revision=0)
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        app.screen.query_one(ArticleList).select_article(seed.id)
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the question")
        await pilot.press("D")
        await wait_until(pilot, lambda: store.load(seed.id) is None, "the draft deleted")
    assert store.load(seed.id) is None


async def test_search_hits_highlight_the_words_that_matched(library: Any) -> None:
    app = make_app(library, bidi="terminal")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        await pilot.press("slash", *"الاتفاق")
        articles = app.screen.query_one(ArticleList)
        await wait_until(pilot, lambda: "found" in str(
            app.screen.query_one("#library-status").render()), "the hits")
        assert articles.count >= 1
        assert "found" in str(app.screen.query_one("#library-status").render())
        underlined = []
        for y in range(articles.entry_height * articles.count):
            marked = "".join(
                segment.text if segment.style and segment.style.underline
                else " " * len(segment.text)
                for segment in articles.render_line(y)
            )
            underlined += marked.split()
        assert underlined and all("اتفاق" in word for word in underlined), underlined
        slanted = [segment.text for y in range(articles.entry_height * articles.count)
                   for segment in articles.render_line(y)
                   if segment.style and segment.style.italic and segment.text.strip()]
        assert not slanted, "Arabic snippets are not drawn in italic"


async def test_a_click_opens_the_article_under_the_pointer(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        articles = app.screen.query_one(ArticleList)
        first = articles.article_id_at(0)
        # the first entry's last line: the list's border takes the widget's top row
        await pilot.click(ArticleList, offset=(10, articles.entry_height))
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article_id == first


async def test_the_lists_dates_and_count_follow_the_digits_preference(library: Any) -> None:
    """--digits eastern reaches every number the library screen shows itself (the
    count and each entry's date), in the list's own layout; western keeps 0-9."""
    seed = next(s for s in library.list_articles() if s.date and s.source)
    year = seed.date[:4]
    assert year.isdigit()
    eastern_year = "".join(chr(0x0660 + int(d)) for d in year)
    for digits, shown, hidden in (("eastern", eastern_year, year),
                                  ("western", year, eastern_year)):
        app = make_app(library, digits=digits)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle_library(pilot)
            articles, detail = await _detail_line(app, pilot, seed)
            assert shown in detail and hidden not in detail, (digits, detail)
            status = str(app.screen.query_one("#library-status").render())
            count = f"{articles.count:,}"
            assert (count in status) == (digits == "western"), status


async def _detail_line(app: Any, pilot: Any, seed: Any) -> tuple[ArticleList, str]:
    """The library's list, with ``seed`` selected, and the plain text of the entry's
    line that names its source (``source · date``), as the list lays it out."""
    articles = app.screen.query_one(ArticleList)
    articles.select_article(seed.id)
    await pilot.pause()
    index = articles.highlighted
    assert index is not None
    lines = articles._entry_lines(index, articles._text_width())
    return articles, next(line.plain for line in lines if seed.source in line.plain)

@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_a_latin_source_reads_first_from_the_right_in_every_strategy(
        library: Any, lang: str) -> None:
    """An Arabic entry's "source · date" line, a Latin source: the source on the right
    in app mode; in a strategy for a terminal that orders, the line keeps its isolates
    (without them Konsole and VTE put the source on the left)."""
    seed = next(s for s in library.list_articles()
                if s.date and s.source and s.source.isascii())
    for bidi in ("app", "shaped"):
        app = make_app(library, lang=lang, bidi=bidi)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle_library(pilot)
            _articles, detail = await _detail_line(app, pilot, seed)
            if bidi == "app":
                assert detail.rstrip().endswith(f"· {seed.source}"), detail
                assert not set(detail) & set("\u2066\u2067\u2068\u2069")
            else:
                assert f"\u2066\u200e{seed.source}\u2069 · \u2066" in detail, repr(detail)
