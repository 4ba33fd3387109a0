"""Reading only the beginning of a stored article (what the app paints first)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.library import Library

TITLE = "عنوان المقال الطويل"
#: Paragraphs of different lengths in two scripts (multi-byte UTF-8, digits, Latin).
PARAGRAPHS = [f"الفقرة {n} من النص iPad {'وكلمة ' * (n % 7)}نهاية" for n in range(300)]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library.sqlite", import_bundled=False)
    yield lib
    lib.close()


def _store(library: Library, tmp_path: Path, paragraphs: list[str]) -> str:
    path = tmp_path / "long.txt"
    path.write_text(TITLE + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return library.resolve(str(path)).id


def _metadata(article: object) -> tuple[object, ...]:
    fields = ("id", "title", "breadcrumbs", "date", "author", "source", "url", "related",
              "comment_form", "direction", "origin", "format")
    return tuple(getattr(article, name) for name in fields)


def _body_bytes(paragraphs: list[str]) -> int:
    return len("\n".join(paragraphs).encode("utf-8"))


@pytest.mark.parametrize("size", [1, 40, 41, 1000, 4096, 10_000])
def test_the_opening_is_the_whole_paragraphs_that_fit(
    library: Library, tmp_path: Path, size: int
) -> None:
    article_id = _store(library, tmp_path, PARAGRAPHS)
    full = library.get(article_id)
    opening, whole = library.get_opening(article_id, size)
    assert not whole
    assert _metadata(opening) == _metadata(full)
    count = len(opening.paragraphs)
    assert opening.paragraphs == full.paragraphs[:count]
    assert _body_bytes(opening.paragraphs) <= size  # all of them lie in the first bytes
    assert _body_bytes(full.paragraphs[: count + 1]) > size  # and no whole one more does


def test_a_body_that_fits_is_read_whole(library: Library, tmp_path: Path) -> None:
    article_id = _store(library, tmp_path, PARAGRAPHS)
    full = library.get(article_id)
    size = _body_bytes(full.paragraphs)
    for given in (size, size + 1, 10 * size):
        opening, whole = library.get_opening(article_id, given)
        assert whole and opening == full
    opening, whole = library.get_opening(article_id, size - 1)
    assert not whole and opening.paragraphs == full.paragraphs[:-1]


def test_the_bundled_articles_open_whole(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library.sqlite") as library:
        for summary in library.list_articles():
            assert library.get_opening(summary.id, 256 * 1024) == (library.get(summary.id), True)


def test_an_unknown_article_is_the_same_error_as_get(library: Library) -> None:
    with pytest.raises(ReaderError, match="no article"):
        library.get_opening("0123456789abcdef", 1000)


def test_a_library_in_another_text_encoding_reads_the_whole_body(tmp_path: Path) -> None:
    path = tmp_path / "utf16.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA encoding = 'UTF-16le'")
    connection.execute("CREATE TABLE t (x)")  # the encoding is fixed by the first table
    connection.commit()
    connection.close()
    with Library.open(path, import_bundled=False) as library:
        article_id = _store(library, tmp_path, PARAGRAPHS)
        # Blob I/O would read UTF-16 bytes: the whole article comes through get instead.
        assert library.get_opening(article_id, 100) == (library.get(article_id), True)
