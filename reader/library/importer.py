"""Importing files and folders: each article in its own transaction, bad files reported.

A folder is walked recursively for the article file types (see
:func:`article_files` for links, loops and what is skipped); a file given by name
is always tried. One bad file (or one bad line of a JSONL file) is reported with
its reason and the rest are imported; importing the same article twice stores it
once (by content id).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Protocol

from reader.articles.json_articles import stream_json_lines
from reader.articles.model import Article
from reader.articles.parse import JSON_LINES_SUFFIXES, cannot_read, is_article_file, read_path
from reader.errors import InputError, ReaderError, error_words
from reader.i18n.sentence import Sentence
from reader.library.errors import BulkIndexFailed
from reader.library.indexing import count_new_terms
from reader.library.models import ImportProblem, ImportReport
from reader.library.storage import BATCH_SIZE, Prepared, insert_article, insert_prepared
from reader.text.decode import describe_source
from reader.text.sanitize import sanitize_line

#: Folders deeper than this under a folder given to import are not walked (with a
#: warning): no article collection nests so deep, and the walk's memory stays bounded.
MAX_FOLDER_DEPTH = 64
#: JSON Lines files at least this big, and bigger than the library, have the search index
#: built in a second process while this one stores the articles
#: (:mod:`reader.library.bulk_index`); None: never.
BULK_INDEX_BYTES: int | None = 8 << 20


def article_files(folder: Path, report: ImportReport | None = None) -> Iterator[Path]:
    """Article files under *folder* (by the parsers' file types), recursively, in name
    order, read as they are needed; hidden files and folders are passed over.

    Links are followed, to files and to folders, but a folder is walked once: every
    folder's device and inode are remembered, so a link back up the tree (a loop) is
    a warning, never an endless walk. A link that leads nowhere is a warning too;
    files of a kind the reader does not read, and things that are not files (pipes,
    sockets, devices: reading one could block forever), are listed as skipped. All of
    these go to *report* when given. A file named explicitly is tried whatever its type.
    """
    yield from _walk(folder, 0, set(), report)


def _walk(folder: Path, depth: int, walked: set[tuple[int, int]],
          report: ImportReport | None) -> Iterator[Path]:
    def note(path: Path, reason: str, *, skipped: bool = False) -> None:
        if report is not None:
            entry = ImportProblem(describe_source(str(path)), reason)
            (report.skipped if skipped else report.warnings).append(entry)

    try:
        status = folder.stat()
        key = (status.st_dev, status.st_ino)
        if key in walked:
            note(folder, Sentence("import.loop"))
            return
        walked.add(key)
        if depth > MAX_FOLDER_DEPTH:
            note(folder, Sentence("import.too_deep", depth=MAX_FOLDER_DEPTH))
            return
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        note(folder, Sentence("import.folder_unreadable", reason=exc.strerror or str(exc)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            target = os.stat(entry.path)  # through links
        except OSError as exc:
            if entry.is_symlink():
                note(path, _broken_link(entry.path, exc))
            else:
                note(path, cannot_be_read(exc))
            continue
        if stat.S_ISDIR(target.st_mode):
            yield from _walk(path, depth + 1, walked, report)
        elif not stat.S_ISREG(target.st_mode):
            note(path, Sentence("import.not_regular"), skipped=True)
        elif is_article_file(path):
            yield path
        else:
            kind = path.suffix.lower() or Sentence("import.no_extension")
            note(path, Sentence("import.not_article_kind", kind=kind), skipped=True)


def _broken_link(path: str, exc: OSError) -> Sentence:
    if exc.errno == errno.ELOOP:
        return Sentence("import.self_link")
    try:
        where = describe_source(os.readlink(path))
    except OSError:
        where = "?"
    return Sentence("import.broken_link", target=where)


def cannot_be_read(error: OSError) -> Sentence:
    """"cannot be read (REASON)": the system's reason a path could not be looked at."""
    return Sentence("input.cannot_be_read", reason=error.strerror or str(error))


def _parse(path: Path, report: ImportReport) -> list[Article]:
    """Parse one file; problems with single records (bad JSONL lines) go to *report*."""
    result = read_path(path)
    name = describe_source(str(path))
    for problem in result.problems:
        report.problems.append(ImportProblem(name, problem.problem))
    return result.articles


class ImportProgress(Protocol):
    """Told how much there is to read and how much has been (in bytes of the files),
    and when what is read is being written (a big file's index and commit take a
    while after its last byte is read: the bar must not look stuck)."""

    def add_total(self, size: int) -> None: ...

    def advance(self, size: int) -> None: ...

    def writing(self) -> None: ...


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
        files: Iterable[Path]
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # a name the system refuses (too long, ...)
            report.problems.append(ImportProblem(name, Sentence("input.cannot_be_read",
                                                                reason=str(exc.strerror))))
            continue
        if is_dir:
            if progress is not None:  # a first walk for the total: no list of files is held
                progress.add_total(sum(_size(file) for file in article_files(path)))
            files = article_files(path, report)
        elif is_file:
            files = [path]
            if progress is not None:
                progress.add_total(_size(path))
        else:
            report.problems.append(ImportProblem(name, Sentence("import.missing")))
            continue
        for file in files:
            _import_file(connection, file, report, progress)
    if progress is not None:
        progress.writing()
    count_new_terms(connection)
    return report


def _unexpected(exc: Exception) -> Sentence:
    """A parser failure nobody foresaw, in one line naming it (the file is named by the
    caller): the import goes on with the next file."""
    detail = sanitize_line(str(exc))[:200]
    kind = type(exc).__name__
    if not detail:
        return Sentence("import.failed_bare", kind=kind)
    return Sentence("import.failed", kind=kind, detail=detail)


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
        report.problems.append(ImportProblem(name, error_words(exc)))
        return
    except OSError as exc:
        report.problems.append(ImportProblem(name, cannot_read(exc)))
        return
    except Exception as exc:  # one file's failure never stops the rest
        report.problems.append(ImportProblem(name, _unexpected(exc)))
        return
    if not articles:
        if not report.problems or report.problems[-1].source != name:
            report.problems.append(ImportProblem(name, Sentence("import.no_article")))
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
        report.problems.append(ImportProblem(name, cannot_read(exc)))
        return
    read = 0

    def advance(position: int) -> None:
        nonlocal read
        if progress is not None:
            progress.advance(position - read)
            read = position

    def kept(items: Iterable[Prepared | InputError]) -> Iterator[Prepared]:
        for item in items:
            if isinstance(item, InputError):
                report.problems.append(ImportProblem(name, item.problem))
            else:
                yield item

    def prepared() -> Iterator[list[Prepared]]:
        def articles() -> Iterator[Prepared | InputError]:
            for item in stream_json_lines(handle, name):
                advance(handle.tell())
                if isinstance(item, Article) and not item.origin:
                    item.origin = str(path)
                yield item if isinstance(item, InputError) else Prepared(item)

        records = kept(articles())
        yield from iter(lambda: list(islice(records, BATCH_SIZE)), [])
        if progress is not None:
            progress.writing()  # every record read: the index and the commit are left

    with handle:
        try:
            results = _insert_json_lines(connection, prepared(), _size(path))
        except InputError as exc:
            report.problems.append(ImportProblem(name, exc.problem))
            return
        except OSError as exc:
            report.problems.append(ImportProblem(name, cannot_read(exc)))
            return
        except sqlite3.Error:
            raise  # the library's failure (a full disk): no other file would fare better
        except BulkIndexFailed as exc:
            report.problems.append(ImportProblem(name, Sentence("import.not_imported",
                                                                reason=error_words(exc))))
            return
        except Exception as exc:  # one file's failure never stops the rest
            report.problems.append(ImportProblem(name, _unexpected(exc)))
            return
    if progress is not None:
        progress.advance(_size(path) - read)
    if not results:
        if not report.problems or report.problems[-1].source != name:
            report.problems.append(ImportProblem(name, Sentence("import.no_article")))
        return
    for article_id, new in results:
        (report.imported if new else report.duplicates).append(article_id)
        report.article_ids.append(article_id)


def _insert_json_lines(
    connection: sqlite3.Connection, batches: Iterator[list[Prepared]], size: int
) -> list[tuple[str, bool]]:
    """Store the prepared *batches* of a file of *size* bytes in one transaction; a big
    file's search index is built beside (:mod:`reader.library.bulk_index`)."""
    if BULK_INDEX_BYTES is None or size < BULK_INDEX_BYTES:
        return insert_prepared(connection, batches)
    from reader.library import bulk_index

    library = bulk_index.library_file(connection)
    if library is None or not bulk_index.worth_building(connection, size):
        return insert_prepared(connection, batches)
    with bulk_index.BulkIndex(library) as index:
        return insert_prepared(index.writer, batches, index)
