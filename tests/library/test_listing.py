"""The article list a page at a time: each order from an index, positions, deleting."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles.model import Article
from reader.comments.form import CommentDraft
from reader.comments.store import DraftStore, DraftTarget
from reader.library import Library, database, indexing, listing
from reader.library.normalize import title_order, title_words
from reader.library.storage import insert_article
from reader.resources import seed_article_path


@pytest.fixture
def copy_of_corpus(corpus_library_path: Path, tmp_path: Path) -> Library:
    path = tmp_path / "copy.sqlite3"
    with Library.open(corpus_library_path) as source:
        source.connection.execute(f"VACUUM INTO '{path}'")
    library = Library.open(path)
    yield library
    library.close()


@pytest.mark.parametrize("sort", listing.SORTS)
def test_pages_join_into_the_whole_order_read_from_an_index(
    corpus_library: Library, sort: str
) -> None:
    connection = corpus_library.connection
    total = listing.count(connection)
    pages = [listing.page(connection, sort, offset, 37) for offset in range(0, total + 37, 37)]
    ids = [row.id for rows in pages for row in rows]
    assert len(ids) == total == len(set(ids))
    order = " ".join(
        row[3] for row in connection.execute(
            f"EXPLAIN QUERY PLAN SELECT id, title, date, source FROM articles "
            f"ORDER BY {listing._order_by(sort)} LIMIT 10 OFFSET 20"
        )
    )
    assert "COVERING INDEX" in order and "TEMP B-TREE" not in order, order
    for offset in (0, 100, total - 5):
        for number, row in enumerate(listing.page(connection, sort, offset, 5)):
            assert listing.position(connection, sort, row.id) == offset + number


def test_newest_first_is_the_library_order(corpus_library: Library) -> None:
    connection = corpus_library.connection
    rows = listing.page(connection, "date", 0, 10_000)
    assert [row.id for row in rows] == [s.id for s in corpus_library.list_articles()]


def test_titles_sort_in_folded_order(corpus_library: Library) -> None:
    """Harakat, hamza seats and tatweel do not move a title: إيران sorts with ايران;
    a word sorts before the longer words it begins (the corpus has "11 ألف ..." and
    "116 مليون ...": run together, 116مليون sorted first)."""
    rows = listing.page(corpus_library.connection, "title", 0, 10_000)
    keys = [title_order(row.title) for row in rows]
    assert keys == sorted(keys)
    numbered = [row.title.split()[0] for row in rows if row.title.startswith(("11 ", "116 "))]
    assert numbered == ["11", "116"]
    firsts = [key[:1] for key in keys if key[:1] >= "\u0621"]
    assert "أ" not in firsts and "إ" not in firsts  # folded to ا, not sorted apart


def test_sources_sort_together_newest_first_within_each(corpus_library: Library) -> None:
    rows = listing.page(corpus_library.connection, "source", 0, 10_000)
    sources = [row.source or "" for row in rows]
    assert sources == sorted(sources)
    for source in set(sources):
        dates = [row.date or "" for row in rows if (row.source or "") == source]
        assert dates == sorted(dates, reverse=True) or "" in dates


def test_an_unknown_sort_is_refused(corpus_library: Library) -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        listing.page(corpus_library.connection, "length", 0, 5)


def test_delete_removes_the_article_everywhere_and_keeps_its_draft(
    copy_of_corpus: Library,
) -> None:
    library = copy_of_corpus
    seed = library.resolve(str(seed_article_path()))
    store = DraftStore.for_library(library)
    store.save(DraftTarget.for_article(seed), CommentDraft(comment="تعليق"), base_revision=0)
    neighbour = library.related(seed.id)[0].article_id
    assert neighbour
    before = library.count()
    df_before = dict(library.connection.execute("SELECT term, df FROM term_df"))

    assert library.delete(seed.id)
    assert library.count() == before - 1
    assert library.position("date", seed.id) is None
    assert all(hit.article_id != seed.id for hit in library.search("أكسيوس"))
    assert seed.id not in {item.article_id for item in library.related(neighbour)}
    df_after = dict(library.connection.execute("SELECT term, df FROM term_df"))
    assert df_after["ايران"] == df_before["ايران"] - 1
    assert "اكسيوس" not in df_after or df_after["اكسيوس"] == df_before["اكسيوس"] - 1
    assert store.load(seed.id) is not None  # the reader's draft is not the library's
    assert not library.delete(seed.id)


def test_every_position_newest_first_matches_the_list(corpus_library: Library) -> None:
    """Newest first counts the rows before an article; undated ones come last."""
    connection = corpus_library.connection
    rows = listing.page(connection, "date", 0, 10_000)
    assert any(row.date is None for row in rows) and rows[-1].date is None
    assert [listing.position(connection, "date", row.id) for row in rows] == list(
        range(len(rows)))
    assert listing.position(connection, "date", "no-such-id") is None


def _index_vocabulary(library: Library) -> list[list[tuple[str, int, int]]]:
    """Every word of the search index, and every term of the related-articles index,
    with the articles and times it is found in (neither index keeps its text)."""
    for table in ("article_search", "article_terms"):
        library.connection.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocabulary "
            f"USING fts5vocab (main, {table}, 'row')"
        )
    return [library.connection.execute(
        f"SELECT term, doc, cnt FROM temp.{table}_vocabulary ORDER BY term"
    ).fetchall() for table in ("article_search", "article_terms")]


def test_delete_takes_exactly_its_words_and_terms_out_of_the_indexes(
    copy_of_corpus: Library,
) -> None:
    """The search index keeps no copy of the text: a deleted article's words are given
    back to it, and what is left is what indexing the remaining articles gives."""
    library = copy_of_corpus
    seed = library.resolve(str(seed_article_path()))
    assert library.connection.execute(
        "SELECT count(*) FROM article_search WHERE article_search MATCH 'اكسيوس'"
    ).fetchone()[0] > 0
    library.delete(seed.id)
    assert library.connection.execute(
        "SELECT count(*) FROM article_search WHERE article_search MATCH 'اكسيوس'"
    ).fetchone()[0] == 0
    assert library.connection.execute(
        "SELECT count(*) FROM article_terms WHERE article_terms MATCH 'اكسيوس'"
    ).fetchone()[0] == 0
    after_delete = _index_vocabulary(library)
    library.connection.execute("UPDATE search_index SET version = 0")
    indexing.ensure_index(library.connection)  # indexes the remaining articles afresh
    assert _index_vocabulary(library) == after_delete


@pytest.fixture
def ties_and_gaps(tmp_path: Path) -> Library:
    """83 articles whose dates and sources repeat or are missing, and whose titles
    repeat: every order has ties, and NULLs at both of its ends."""
    from reader.articles.model import Article
    from reader.library.storage import insert_articles

    library = Library.open(tmp_path / "ties.sqlite3", import_bundled=False)
    articles = [
        Article(
            title=f"خبر {number % 9}",
            paragraphs=[f"نص الخبر رقم {number}"],
            date=None if number % 5 == 0 else f"2015-08-{number % 4 + 10}",
            source=None if number % 7 == 0 else f"site{number % 3}",
        )
        for number in range(83)
    ]
    insert_articles(library.connection, articles)
    yield library
    library.close()


@pytest.mark.parametrize("sort", listing.SORTS)
def test_keyset_pages_read_on_from_where_the_last_ended(
    ties_and_gaps: Library, sort: str
) -> None:
    """Page after page, each read from the end of the one before (no OFFSET), joins
    into the whole order, through ties and NULLs; a page with none read before it
    (from either end) is the same rows too."""
    connection = ties_and_gaps.connection
    whole = [row[0] for row in connection.execute(
        f"SELECT id FROM articles ORDER BY {listing._order_by(sort)}")]
    statements: list[str] = []
    pager = listing.Pager(connection)
    pages = [pager.page(sort, 0, 6)]
    connection.set_trace_callback(statements.append)
    try:
        pages += [pager.page(sort, offset, 6) for offset in range(6, 83, 6)]
    finally:
        connection.set_trace_callback(None)
    assert [row.id for rows in pages for row in rows] == whole
    reads = [s for s in statements if s.startswith("SELECT id")]
    assert reads and not any("OFFSET" in s for s in reads)
    for offset in (5, 40, 41, 77, 80, 83):
        assert [row.id for row in listing.page(connection, sort, offset, 6)] == whole[
            offset : offset + 6], offset


@pytest.mark.parametrize("sort", listing.SORTS)
def test_keyset_reads_are_seeks_in_the_orders_index(ties_and_gaps: Library, sort: str) -> None:
    connection = ties_and_gaps.connection
    anchor = connection.execute(
        f"SELECT {', '.join(c for c, _ in listing._order(sort))} FROM articles "
        f"ORDER BY {listing._order_by(sort)} LIMIT 1 OFFSET 30").fetchone()
    for condition, parameters in listing._after(listing._order(sort), tuple(anchor)):
        plan = " ".join(row[3] for row in connection.execute(
            f"EXPLAIN QUERY PLAN SELECT id, title, date, source FROM articles "
            f"WHERE {condition} ORDER BY {listing._order_by(sort)} LIMIT 6", parameters))
        assert "COVERING INDEX" in plan and "TEMP B-TREE" not in plan, (condition, plan)


_NUMBERED_TITLES = [  # in the order a reader expects: by the numbers' values
    "الخبر 0", "الخبر (٧)", "الخبر (9)", "الخبر 10", "الخبر (١٢١٧)", "الخبر (1218)",
    "الخبر (10217)", "الخبر ١٠٢١٨", "الخبر 99999999999999", "الخبر 100000000000000",
    "الخبر 123456789012345678901234567890", "الخبر الأخير", "خبر 2 من 10", "خبر 10 من 2",
]


def test_numbers_in_titles_sort_by_value_in_either_digits(tmp_path: Path) -> None:
    """"(1217)" before "(10217)", as a reader counts, not as text compares; Eastern
    Arabic digits count as Western ones; a number still sorts before any word. The
    list is sorted by SQLite, a page at a time, so the order is the stored key's."""
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        for number, title in enumerate(reversed(_NUMBERED_TITLES)):
            insert_article(library.connection, Article(title=title, paragraphs=[f"نص {number}"]))
        rows = [row.title for start in range(0, len(_NUMBERED_TITLES), 3)
                for row in listing.page(library.connection, "title", start, 3)]
    assert rows == _NUMBERED_TITLES


def test_a_library_of_the_text_order_sorts_numbers_by_value_once_opened(
    tmp_path: Path,
) -> None:
    """A library whose title keys compared numbers as text (schema 14) gets new keys
    on its next open."""
    path = tmp_path / "old.sqlite3"
    with Library.open(path, import_bundled=False) as library:
        for number, title in enumerate(reversed(_NUMBERED_TITLES)):
            insert_article(library.connection, Article(title=title, paragraphs=[f"نص {number}"]))
        connection = library.connection
        for key, title in connection.execute("SELECT key, title FROM articles").fetchall():
            connection.execute("UPDATE articles SET title_order = ? WHERE key = ?",
                               (" ".join(title_words(title)), key))  # the keys of schema 14
        connection.execute("PRAGMA user_version = 14")
        assert [row.title for row in listing.page(connection, "title", 0, 100)] != \
            _NUMBERED_TITLES
    with Library.open(path, import_bundled=False) as library:
        assert database.schema_version(library.connection) == database.load_migrations()[-1].version
        assert [row.title for row in listing.page(library.connection, "title", 0, 100)] == \
            _NUMBERED_TITLES
