"""The search index of a big import, built in a second process beside the library.

Writing the full-text index (FTS5 taking in every word, and its reading forms) costs
an import as much as all the rest: reading the JSON, cleaning and storing the
articles. When one file brings more than the library holds, this module builds the
whole index, the stored articles' and the new ones', in a second process into a
scratch database file, while this process stores the articles; on two cores the
import takes about the longer of the two instead of their sum. When both are done,
the scratch file's index tables are copied into the library inside the import's
one transaction, so a crash or a signal before the commit leaves the library as it
was (the scratch file is deleted, or, after a kill, by the next such import).

Copying FTS5's tables is sound because they are ordinary tables (its shadow tables)
written by the same SQLite with the same settings, and because the copy is made by
a connection that never used the index: FTS5 keeps an index's structure in memory
per connection and reads it again only after another connection commits. The
library's own connection is such another connection.

Building the index rows (folding and splitting the text) is shared so that the two
processes finish together (:class:`_Balance`): a batch of articles is sent either as
text, or with its rows built here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import sqlite3
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType

from reader.i18n.sentence import Sentence
from reader.library.errors import BulkIndexFailed
from reader.library.indexing import (
    IndexRow,
    build_index_row,
    count_all_terms,
    write_index_rows,
)
from reader.library.storage import Prepared

#: The index: two FTS5 tables (with their shadow tables) and the table saying which
#: articles are indexed, with how many terms (migrations 0002 and 0014).
INDEX_TABLES = ("article_search", "article_terms", "search_index")
#: Stored articles read back and indexed together by the second process.
_STORED_BATCH = 500


def library_file(connection: sqlite3.Connection) -> Path | None:
    """The file of *connection*'s main database (None for an in-memory one)."""
    for _seq, name, file in connection.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def worth_building(connection: sqlite3.Connection, size: int) -> bool:
    """Whether a file of *size* bytes is better imported with the index built beside:
    the articles stored already are indexed again, so the file must bring more than
    the library holds (its size on disk says); and the second process must have a
    core to run on (:func:`a_core_is_free`)."""
    if library_file(connection) is None:
        return False
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    return size >= int(pages) * int(page_size) and a_core_is_free()


def a_core_is_free() -> bool:
    """Whether the machine has a core for the second process: its load average (the
    processes running or waiting to, over the last minute) is at least one below its
    cores. On a machine kept busy by other work the two processes only take turns,
    and building beside costs about a sixth more CPU (sending the text across, the
    copy) than building here: measured at a load of 14 on two cores, 284 s against
    228 s (benchmarks/library_scale.py)."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this system: assume it is free
        return True
    return (os.cpu_count() or 1) - load >= 1


def writer_connection(path: Path) -> sqlite3.Connection:
    """A connection of its own to the library at *path* (open already, its schema
    current) for a bulk import: one that has never used the index."""
    from reader.library.database import BUSY_TIMEOUT_MS

    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                 check_same_thread=False)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        connection.close()
        raise
    return connection


class BulkIndex:
    """The index of one import, built in a second process (an
    :class:`reader.library.storage.IndexSink`). Use as a context manager: leaving it
    stops the process and deletes the scratch file, whatever happened."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.writer = writer_connection(library)
        self.scratch = library.with_name(f".{library.name}.index-{os.getpid()}")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._channel: Connection | None = None
        self._sender: _Sender | None = None
        self._balance = _Balance()

    def __enter__(self) -> BulkIndex:
        """Make the scratch file and attach it to :attr:`writer`, before the import's
        transaction begins (SQLite refuses ATTACH inside one): the finished index is
        then copied in by SQL, a table at a time (:meth:`swap_into`)."""
        try:
            _remove_leftovers(self.library)
            _create_scratch(self.writer, self.scratch)
            self.writer.execute("ATTACH DATABASE ? AS scratch", (str(self.scratch),))
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        # The process first: a batch being written to it then fails at once, and the
        # sender stops; the channel is closed once no thread uses it.
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
        if self._sender is not None:
            self._sender.stop()
        if self._channel is not None:
            self._channel.close()
        self.writer.close()
        _remove_scratch(self.scratch)

    def add(self, articles: list[tuple[int, Prepared]]) -> None:
        """Index the stored *articles* (called inside the import's transaction, which
        holds the write lock: the second process, started at the first call, reads the
        articles stored before the import, and nobody can add one meanwhile)."""
        if self._channel is None:
            self._start()
        assert self._channel is not None
        while self._channel.poll():
            self._reply()
        task: tuple[str, list[tuple[object, ...]]]
        if self._balance.build_here():
            started = time.process_time()
            task = ("rows", [(key, *build_index_row(item.article.title, item.body))
                             for key, item in articles])
            self._balance.rows_built(time.process_time() - started)
        else:
            task = ("text", [(key, item.article.title, item.body) for key, item in articles])
        self._send(task)
        self._balance.sent()

    def swap_into(self, connection: sqlite3.Connection) -> None:
        """Put the finished index into the library in place of its own (inside the
        import's transaction, on :attr:`writer`, which has the scratch file attached).

        Each table is copied by one ``INSERT … SELECT`` into the emptied table of the
        same definition, which SQLite carries out by copying the stored records as
        they are (its transfer optimisation): at 100,000 articles, 1.4 s of CPU
        against 2.5 s for the rows read into Python and written back."""
        if self._channel is None:
            return  # nothing was stored: the library's index stands
        self._send(None)
        while self._reply() != "done":
            pass
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM scratch.sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE TABLE%' ORDER BY name")]
        for table in tables:
            connection.execute(f'DELETE FROM main."{table}"')
            connection.execute(f'INSERT INTO main."{table}" SELECT * FROM scratch."{table}"')
        # The terms' document frequencies are counted again from the new index, in
        # this transaction: its rows were written as counted (build), so the import
        # ends with no second transaction rewriting every one of them.
        count_all_terms(connection)

    def _send(self, task: object) -> None:
        assert self._sender is not None
        self._sender.send(task)

    def _reply(self) -> str:
        assert self._channel is not None
        try:
            kind, detail = self._channel.recv()
        except (EOFError, ConnectionResetError):
            # a process that dies with a batch unread resets the connection instead
            # of closing it: the same end, said the same way
            raise BulkIndexFailed(Sentence("import.index_stopped")) from None
        if kind == "failed":
            raise BulkIndexFailed(detail)
        if kind == "written":
            self._balance.written(*detail)
        return str(kind)

    def _start(self) -> None:
        """Start the second process (the scratch file was made by :meth:`__enter__`).

        The second process is started afresh (``spawn``), not forked: the app imports
        from a thread, and a fork copies the locks other threads hold."""
        context = multiprocessing.get_context("spawn")
        here, there = context.Pipe(duplex=True)
        self._process = context.Process(
            target=build, args=(str(self.scratch), str(self.library), there),
            name="rtl-reader-index", daemon=True)
        self._process.start()
        there.close()
        self._channel = here
        self._sender = _Sender(here)


class _Sender:
    """Sends the batches to the second process from a thread of its own, up to
    :data:`_AHEAD` of them ahead of it: a batch is megabytes, the pipe holds 64 KiB,
    and a send made here would wait for the second process to read all of it, so
    that each process waited for the other whenever one batch cost one of them a
    little more than the one before. The batch is pickled here (the pickle is the
    batch as it is now); the write, which waits, is the thread's."""

    def __init__(self, channel: Connection) -> None:
        self._channel = channel
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_AHEAD)
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="rtl-reader-index-sender",
                                        daemon=True)
        self._thread.start()

    def send(self, task: object) -> None:
        """Queue *task* for the second process (waits while :data:`_AHEAD` are queued)."""
        if self._failed:
            raise BulkIndexFailed(Sentence("import.index_stopped"))
        self._queue.put(pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL))

    def stop(self) -> None:
        """End the thread (what is queued is sent first, unless sending failed)."""
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if not self._failed:  # after a failure the queue is only emptied
                try:
                    self._channel.send_bytes(data)
                except OSError:  # the second process is gone: told by send or recv
                    self._failed = True


#: Batches queued for the second process ahead of it (:class:`_Sender`).
_AHEAD = 3


class _Balance:
    """Which batches have their index rows built here, so that both processes finish
    at once: in CPU seconds per batch, this process spends M (reading, preparing and
    storing), the second one C (writing the index), and building rows costs R where
    it is done. With rows built here for a share f of the batches, M + fR = C + (1-f)R
    when f = (C + R - M) / 2R. Each figure is a running mean of what the batches
    cost, so the share follows the load; CPU time, not wall time, so that waiting
    for the other process counts for nothing."""

    _WEIGHT = 0.2  # of the newest batch in each running mean

    def __init__(self, clock: Callable[[], float] = time.process_time) -> None:
        self.main: float | None = None
        self.index: float | None = None
        self.rows: float | None = None
        self._credit = 0.0
        self._clock = clock
        self._since = clock()

    def _mean(self, old: float | None, new: float) -> float:
        return new if old is None else old + self._WEIGHT * (new - old)

    def build_here(self) -> bool:
        """Whether the batch about to be sent has its rows built here."""
        self.main = self._mean(self.main, self._clock() - self._since)
        if self.index is None or self.rows is None or not self.rows:
            return False
        share = min(1.0, max(0.0, (self.index + self.rows - self.main) / (2 * self.rows)))
        self._credit += share
        if self._credit >= 1.0:
            self._credit -= 1.0
            return True
        return False

    def rows_built(self, seconds: float) -> None:
        self.rows = self._mean(self.rows, seconds)

    def sent(self) -> None:
        self._since = self._clock()  # this process's own work starts again

    def written(self, index_seconds: float, rows_seconds: float | None) -> None:
        self.index = self._mean(self.index, index_seconds)
        if rows_seconds is not None:
            self.rows_built(rows_seconds)


def _create_scratch(library: sqlite3.Connection, scratch: Path) -> None:
    """The index tables of *library* made again in a new file *scratch*, with the same
    settings (its page size, FTS5's ``hashsize`` and any other kept in its config
    table)."""
    _remove_scratch(scratch)
    definitions = library.execute(
        f"SELECT name, sql FROM sqlite_master WHERE name IN ({','.join('?' * len(INDEX_TABLES))})",
        INDEX_TABLES).fetchall()
    if len(definitions) != len(INDEX_TABLES):
        raise BulkIndexFailed(Sentence("import.index_tables_missing"))
    page_size = int(library.execute("PRAGMA main.page_size").fetchone()[0])
    with contextlib.closing(sqlite3.connect(scratch, isolation_level=None)) as connection:
        connection.execute(f"PRAGMA page_size = {page_size:d}")
        for name, sql in definitions:
            connection.execute(sql)
            if sql.upper().startswith("CREATE VIRTUAL TABLE"):
                for key, value in library.execute(
                        f"SELECT k, v FROM \"{name}_config\" WHERE k != 'version'"):
                    connection.execute(f'INSERT INTO "{name}" ("{name}", rank) VALUES (?, ?)',
                                       (key, value))


def _remove_scratch(scratch: Path) -> None:
    for path in (scratch, scratch.with_name(scratch.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _remove_leftovers(library: Path) -> None:
    """Scratch files of imports that were killed (their process is gone)."""
    prefix = f".{library.name}.index-"
    with contextlib.suppress(OSError):
        for path in library.parent.iterdir():
            pid = path.name[len(prefix):].removesuffix("-journal")
            if path.name.startswith(prefix) and pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def build(scratch: str, library: str, channel: Connection) -> None:
    """The second process: index the library's stored articles, then each batch sent,
    into *scratch* in one transaction; say when each batch is written, and when all is
    committed. The rows are written as counted: the importer counts every term's
    document frequency from the whole index when it copies it in (swap_into). The
    importer going away (an error, a signal, a kill) ends it.

    Ctrl-C reaches every process of the terminal's foreground group: this one leaves it
    to the importer, which undoes the import and stops this process (an interrupt here
    would print a traceback over the importer's message, or over the app's screen)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.closing(sqlite3.connect(scratch, isolation_level=None)) as connection:
            connection.execute("PRAGMA journal_mode = OFF")  # a scratch file: never recovered
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("BEGIN")
            _index_stored(connection, library)
            while (task := channel.recv()) is not None:
                kind, items = task
                started = time.process_time()
                rows = ([(key, IndexRow(*row)) for key, *row in items] if kind == "rows" else
                        [(key, build_index_row(title, body)) for key, title, body in items])
                built = time.process_time()
                write_index_rows(connection, rows, counted=True)
                # What the batch cost, to share the next ones out (_Balance).
                channel.send(("written", (time.process_time() - built,
                                          built - started if kind == "text" else None)))
            connection.execute("COMMIT")
        channel.send(("done", None))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        pass  # the importer stopped: nothing to tell
    except Exception as exc:  # told to the importer, which undoes the import
        with contextlib.suppress(OSError):
            channel.send(("failed", Sentence("import.index_failed",
                                             kind=type(exc).__name__, detail=str(exc))))
    finally:
        channel.close()


def _index_stored(connection: sqlite3.Connection, library: str) -> None:
    """Index the articles the library held when the import began (its write lock is
    held by the importer, whose own rows are not committed: this reads the rest)."""
    uri = f"{Path(library).resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as stored:
        rows = stored.execute("SELECT key, title, body FROM articles ORDER BY key")
        while batch := rows.fetchmany(_STORED_BATCH):
            write_index_rows(connection, [(key, build_index_row(title, body))
                                          for key, title, body in batch], counted=True)
