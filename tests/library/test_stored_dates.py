"""Stored dates: one form in the database, upgraded libraries converted, newest first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.articles.model import Article
from reader.library import Library
from reader.library.database import load_migrations, migrate
from reader.library.storage import insert_article

# Dates as the sources give them (the real pages' markup, SaudiNewsNet, a URL),
# newest first by the moment each names on the publisher's clock.
AS_FOUND = [
    ("lbci", "2026-01-08T11:42:50Z", "2026-01-08T11:42:50"),
    ("elbalad", "2020-12-24T23:59:50+00:00", "2020-12-24T23:59:50"),
    ("youm7", "2020-08-24T09:23:13Z", "2020-08-24T09:23:13"),
    ("assabah", "2019-02-08T00:00:00+01:00", "2019-02-08T00:00:00"),
    ("alyaum", "2015-08-11 14:14:37", "2015-08-11T14:14:37"),
    ("aljazirah", "2015-08-11T13:41:28", "2015-08-11T13:41:28"),
    ("aleqt", "2015-08-11", "2015-08-11"),
    ("cnn", "2013-08-03", "2013-08-03"),
]


def _article(name: str, found: str | None) -> Article:
    return Article(title=f"مقال {name}", paragraphs=[f"نص {name}"], date=found, source=name)


def test_articles_are_stored_with_one_date_form_newest_first(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        for name, found, _stored in reversed(AS_FOUND):  # imported oldest first
            insert_article(library.connection, _article(name, found))
        insert_article(library.connection, _article("undated", "الثلاثاء"))
        listed = library.list_articles()
    assert [(a.source, a.date) for a in listed] == [
        *((name, stored) for name, _found, stored in AS_FOUND),
        ("undated", None),  # not a date: unknown, listed last
    ]


def test_upgrade_converts_the_dates_stored_as_found(tmp_path: Path) -> None:
    """A library as the previous release wrote it (schema 10: migrations 0001-0003 and
    the drafts' 0010) kept dates as the parsers found them, which sort wrongly as
    text ("2015-08-11T13:41:28" above "2015-08-11 14:14:37", "24 Sept 2021" above
    all); opening it converts them and the list is newest first again."""
    path = tmp_path / "v10.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    previous_release = [m for m in load_migrations() if m.version <= 10]
    assert migrate(connection, path, previous_release) == 10
    rows = [*AS_FOUND, ("words", "24 Sept 2021", None)]
    for number, (name, found, _stored) in enumerate(rows):
        connection.execute(
            "INSERT INTO articles (id, title, body, date, source, imported_at, content_hash) "
            "VALUES (?, ?, 'نص', ?, ?, '2026-01-01T00:00:00+00:00', ?)",
            (f"{number:016x}", f"مقال {name}", found, name, str(number) * 64),
        )
    as_found = [r[0] for r in connection.execute("SELECT source FROM articles ORDER BY date DESC")]
    assert as_found != [name for name, _found, _stored in rows]  # the old forms mis-sort
    connection.close()
    with Library.open(path, import_bundled=False) as library:
        listed = library.list_articles()
    assert [(a.source, a.date) for a in listed] == [(name, stored) for name, _f, stored in rows]
