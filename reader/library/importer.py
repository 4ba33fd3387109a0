"""Importing files and folders: each article in its own transaction, bad files reported.

A folder is walked recursively for the article file types; a file given by name
is always tried. One bad file (or one bad line of a JSONL file) is reported with
its reason and the rest are imported; importing the same article twice stores it
once (by content id).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from reader.articles.json_articles import stream_json_lines
from reader.articles.model import Article
from reader.articles.parse import JSON_LINES_SUFFIXES, is_article_file, read_path
from reader.errors import InputError, ReaderError
from reader.library.indexing import count_new_terms
from reader.library.models import ImportProblem, ImportReport
from reader.library.storage import insert_article, insert_articles
from reader.text.decode import describe_source


def article_files(folder: Path) -> Iterator[Path]:
    """Article files under *folder* (by the parsers' file types), recursively, in name
    order; hidden files and folders skipped. A file named explicitly is tried whatever
    its type."""
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from article_files(entry)
        elif entry.is_file() and is_article_file(entry):
            yield entry


def _parse(path: Path, report: ImportReport) -> list[Article]:
    """Parse one file; problems with single records (bad JSONL lines) go to *report*."""
    result = read_path(path)
    name = describe_source(str(path))
    for problem in result.problems:
        report.problems.append(ImportProblem(name, problem.problem))
    return result.articles


class ImportProgress(Protocol):
    """Told how much there is to read and how much has been (in bytes of the files)."""

    def add_total(self, size: int) -> None: ...

    def advance(self, size: int) -> None: ...


def import_paths(
    connection: sqlite3.Connection,
    paths: Iterable[Path | str],
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import every article in *paths* (files or folders), telling *progress* how far."""
    report = ImportReport()
    for given in paths:
        path = Path(given)
        name = describe_source(str(path))
        if path.is_dir():
            files = list(article_files(path))
        elif path.is_file():
            files = [path]
        else:
            report.problems.append(ImportProblem(name, "no such file or folder"))
            continue
        if progress is not None:
            progress.add_total(sum(_size(file) for file in files))
        for file in files:
            _import_file(connection, file, report, progress)
    count_new_terms(connection)
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _import_file(
    connection: sqlite3.Connection,
    path: Path,
    report: ImportReport,
    progress: ImportProgress | None = None,
) -> None:
    name = describe_source(str(path))
    if path.suffix.lower() in JSON_LINES_SUFFIXES:
        _import_json_lines(connection, path, report, progress)
        return
    try:
        articles = _parse(path, report)
    except InputError as exc:
        report.problems.append(ImportProblem(name, exc.problem))
        return
    except ReaderError as exc:
        report.problems.append(ImportProblem(name, str(exc)))
        return
    except OSError as exc:
        report.problems.append(ImportProblem(name, f"cannot read ({exc.strerror or exc})"))
        return
    if not articles:
        if not report.problems or report.problems[-1].source != name:
            report.problems.append(ImportProblem(name, "no article found in the file"))
        return
    for article in articles:
        if not article.origin:
            article.origin = str(path)
        article_id, new = insert_article(connection, article)
        (report.imported if new else report.duplicates).append(article_id)
        report.article_ids.append(article_id)
    if progress is not None:
        progress.advance(_size(path))


def _import_json_lines(
    connection: sqlite3.Connection,
    path: Path,
    report: ImportReport,
    progress: ImportProgress | None,
) -> None:
    """Import a JSON Lines file record by record, all its articles in one transaction:
    memory is bounded by the longest record, not the file (100,000 articles in one)."""
    name = describe_source(str(path))
    try:
        handle = path.open("rb")
    except OSError as exc:
        report.problems.append(ImportProblem(name, f"cannot read ({exc.strerror or exc})"))
        return
    read = 0

    def articles() -> Iterator[Article]:
        nonlocal read
        for item in stream_json_lines(handle, name):
            if progress is not None:
                position = handle.tell()
                progress.advance(position - read)
                read = position
            if isinstance(item, InputError):
                report.problems.append(ImportProblem(name, item.problem))
                continue
            if not item.origin:
                item.origin = str(path)
            yield item

    with handle:
        try:
            results = insert_articles(connection, articles())
        except InputError as exc:
            report.problems.append(ImportProblem(name, exc.problem))
            return
        except OSError as exc:
            report.problems.append(ImportProblem(name, f"cannot read ({exc.strerror or exc})"))
            return
    if progress is not None:
        progress.advance(_size(path) - read)
    if not results:
        if not report.problems or report.problems[-1].source != name:
            report.problems.append(ImportProblem(name, "no article found in the file"))
        return
    for article_id, new in results:
        (report.imported if new else report.duplicates).append(article_id)
        report.article_ids.append(article_id)
