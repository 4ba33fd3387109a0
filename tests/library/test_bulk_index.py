"""A big import's search index built in a second process and swapped in: the same
library as one indexed here, and a library left whole by a kill, an interrupt or a
failure at any point."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library, bulk_index, importer
from tests.library.golden_queries import (
    QUERIES,
    recorded_results,
    related_results,
    search_results,
)

REPO = Path(__file__).resolve().parents[2]


def _index_contents(library: Library) -> tuple[object, ...]:
    """Everything the index holds, read as the library reads it."""
    connection = library.connection
    return (
        connection.execute("SELECT key, id, title_order FROM articles ORDER BY key").fetchall(),
        connection.execute("SELECT * FROM search_index ORDER BY article_key").fetchall(),
        connection.execute("SELECT term, df FROM term_df ORDER BY term").fetchall(),
        connection.execute("SELECT term, doc, col, offset FROM article_search_vocab "
                           "ORDER BY term, doc, col, offset").fetchall(),
        connection.execute("SELECT term, doc, offset FROM article_terms_instances "
                           "ORDER BY term, doc, offset").fetchall(),
    )


def _fts_intact(library: Library) -> None:
    for table in ("article_search", "article_terms"):
        library.connection.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def _with_search_vocab(library: Library) -> Library:
    """Each word's and each term's every place, as both indexes hold them (neither
    keeps its text)."""
    library.connection.execute(
        "CREATE VIRTUAL TABLE temp.article_search_vocab "
        "USING fts5vocab (main, article_search, 'instance')")
    library.connection.execute(
        "CREATE VIRTUAL TABLE temp.article_terms_instances "
        "USING fts5vocab (main, article_terms, 'instance')")
    return library


def _import(path: Path, source: Path, monkeypatch: pytest.MonkeyPatch, *, bulk: bool,
            bundled: bool = True) -> tuple[list[str], tuple[object, ...]]:
    monkeypatch.setattr(importer, "BULK_INDEX_BYTES", 0 if bulk else None)
    # Whatever the load, and whatever the library's size on disk (a new one's pages
    # are large: test_only_a_file_bigger_than_the_library_is_indexed_beside): the
    # bundled articles are stored here, *source* beside.
    monkeypatch.setattr(bulk_index, "a_core_is_free", lambda: True)
    monkeypatch.setattr(bulk_index, "worth_building",
                        lambda connection, size: size >= source.stat().st_size)
    built: list[bool] = []
    real = bulk_index.BulkIndex.swap_into
    monkeypatch.setattr(bulk_index.BulkIndex, "swap_into",
                        lambda self, connection: built.append(True) or real(self, connection))
    with Library.open(path, import_bundled=bundled) as library:
        report = library.import_paths([source])
        assert built == ([True] if bulk else [])
        _fts_intact(library)
        _with_search_vocab(library)
        return report.article_ids, _index_contents(library)


def test_an_index_built_beside_is_the_index_built_here(
    tmp_path: Path, corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled articles stored before the import are indexed again beside, the
    new ones with them: every index table reads the same, down to each word's place."""
    here = _import(tmp_path / "here.sqlite3", corpus_jsonl, monkeypatch, bulk=False)
    counted_after: list[int] = []
    real = importer.count_new_terms
    monkeypatch.setattr(importer, "count_new_terms",
                        lambda connection: counted_after.append(real(connection)) or 0)
    beside = _import(tmp_path / "beside.sqlite3", corpus_jsonl, monkeypatch, bulk=True)
    assert beside == here
    assert len(here[0]) == 300 and len(here[1][1]) > 300
    # the bundled articles are counted after their import; the big file's terms were
    # counted inside its import's transaction: nothing is left to count after it
    assert counted_after[0] > 0 and counted_after[1:] == [0]


def test_a_library_of_small_pages_gets_the_same_index_beside(
    tmp_path: Path, corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library made before new libraries had large pages keeps its 4 KiB ones; the
    index built beside for it is built with its page size, and copied in whole."""
    small = tmp_path / "small.sqlite3"
    with sqlite3.connect(small) as connection:
        connection.execute("PRAGMA page_size = 4096")
        connection.execute("VACUUM")
    sizes: list[int] = []
    real = bulk_index._create_scratch
    monkeypatch.setattr(bulk_index, "_create_scratch", lambda library, scratch: (
        real(library, scratch), sizes.append(_page_size(scratch)))[0])
    here = _import(tmp_path / "here.sqlite3", corpus_jsonl, monkeypatch, bulk=False)
    beside = _import(small, corpus_jsonl, monkeypatch, bulk=True)
    assert beside == here
    assert sizes == [4096] and _page_size(small) == 4096


def _page_size(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])


@pytest.fixture(scope="module")
def bulk_corpus_library(tmp_path_factory: pytest.TempPathFactory,
                        shared_dir: Path) -> Iterator[Library]:
    source = shared_dir / "corpus" / "saudinewsnet-300.jsonl"
    path = tmp_path_factory.mktemp("bulk-corpus") / "library.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importer, "BULK_INDEX_BYTES", 0)
        patch.setattr(bulk_index, "worth_building", lambda connection, size: True)
        with Library.open(path) as library:
            assert library.import_paths([source]).ok
    with Library.open(path) as library:
        yield library


@pytest.mark.parametrize("query", QUERIES)
def test_recorded_searches_hold_on_an_index_built_beside(
    bulk_corpus_library: Library, query: str
) -> None:
    assert search_results(bulk_corpus_library, query) == recorded_results()["search"][query]


def test_recorded_related_articles_hold_on_an_index_built_beside(
    bulk_corpus_library: Library,
) -> None:
    assert related_results(bulk_corpus_library) == recorded_results()["related"]


def test_deleting_after_a_bulk_import_takes_the_article_out_of_the_index(
    bulk_corpus_library: Library,
) -> None:
    """The copied index is the one FTS5 then edits: a deleted article's words come out."""
    hit = bulk_corpus_library.search("رفسنجاني", limit=1)[0]
    bulk_corpus_library.delete(hit.article_id)
    assert hit.article_id not in [h.article_id for h in bulk_corpus_library.search("رفسنجاني")]
    _fts_intact(bulk_corpus_library)


def test_only_a_file_bigger_than_the_library_is_indexed_beside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_index, "a_core_is_free", lambda: True)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        pages, page_size = (library.connection.execute(f"PRAGMA {name}").fetchone()[0]
                            for name in ("page_count", "page_size"))
        size = pages * page_size  # the bundled articles: the WAL holds them yet
        assert bulk_index.worth_building(library.connection, size)
        assert not bulk_index.worth_building(library.connection, size // 2)


_KILLED_DURING_THE_SWAP = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from reader.library import Library, bulk_index, importer

    importer.BULK_INDEX_BYTES = 0
    bulk_index.worth_building = lambda connection, size: True
    real = bulk_index.BulkIndex.swap_into

    def swap_then_die(self, connection):
        real(self, connection)  # the library's index tables replaced, not committed
        print(connection.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    bulk_index.BulkIndex.swap_into = swap_then_die
    with Library.open(Path(sys.argv[1]), import_bundled=False) as library:
        library.import_paths([sys.argv[2]])
""")


def _before_and_after(library: Library) -> tuple[object, ...]:
    return (library.count(), [h.article_id for h in library.search("النفط", limit=50)],
            library.connection.execute("SELECT count(*) FROM term_df").fetchone())


def test_a_kill_before_the_commit_leaves_the_library_as_it_was(
    tmp_path: Path, corpus_jsonl: Path
) -> None:
    path = tmp_path / "lib.sqlite3"
    lines = corpus_jsonl.read_text("utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:40]) + "\n", "utf-8")
    (tmp_path / "rest.jsonl").write_text("\n".join(lines[40:]) + "\n", "utf-8")
    with Library.open(path, import_bundled=False) as library:
        library.import_paths([tmp_path / "first.jsonl"])
        before = _before_and_after(library)
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_DURING_THE_SWAP, str(path), str(tmp_path / "rest.jsonl")],
        capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert int(result.stdout) == 300  # it was killed with every article written
    leftovers = list(tmp_path.glob(".lib.sqlite3.index-*"))
    assert leftovers  # a kill leaves the scratch file...
    with Library.open(path, import_bundled=False) as library:
        assert _before_and_after(library) == before
        _fts_intact(library)
        assert library.connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        # ...which the next import built beside removes, and the import then succeeds.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(importer, "BULK_INDEX_BYTES", 0)
            patch.setattr(bulk_index, "worth_building", lambda connection, size: True)
            report = library.import_paths([tmp_path / "rest.jsonl"])
        assert report.ok and library.count() == 300
        _fts_intact(library)
    assert not any(path.exists() for path in leftovers)
    assert list(tmp_path.glob(".lib.sqlite3.index-*")) == []


def _interrupted_after(batches: int, what: BaseException,
                       monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make the import raise *what* once *batches* batches went to the second process;
    returns the process started, once it is."""
    started: list[object] = []
    real_add = bulk_index.BulkIndex.add

    def add(self: bulk_index.BulkIndex, articles: list[object]) -> None:
        real_add(self, articles)  # type: ignore[arg-type]
        started[:] = [self._process]
        if _count(self) >= batches:
            raise what

    counts: dict[int, int] = {}

    def _count(index: bulk_index.BulkIndex) -> int:
        counts[id(index)] = counts.get(id(index), 0) + 1
        return counts[id(index)]

    monkeypatch.setattr(bulk_index.BulkIndex, "add", add)
    monkeypatch.setattr(importer, "BULK_INDEX_BYTES", 0)
    monkeypatch.setattr(bulk_index, "worth_building", lambda connection, size: True)
    monkeypatch.setattr(importer, "BATCH_SIZE", 20)
    return started


@pytest.mark.parametrize("what", [KeyboardInterrupt(), SystemExit(143)])
def test_an_interrupt_stops_the_second_process_and_undoes_the_import(
    tmp_path: Path, corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch, what: BaseException
) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        before = _before_and_after(library)
        started = _interrupted_after(3, what, monkeypatch)
        with pytest.raises(type(what)):
            library.import_paths([corpus_jsonl])
        assert started and not started[0].is_alive()  # type: ignore[attr-defined]
        assert list(tmp_path.glob(".lib.sqlite3.index-*")) == []
        assert _before_and_after(library) == before
        _fts_intact(library)


def test_a_second_process_that_dies_undoes_the_import_with_one_problem(
    tmp_path: Path, corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = bulk_index.BulkIndex.add

    def add_then_kill(self: bulk_index.BulkIndex, articles: list[object]) -> None:
        real_add(self, articles)  # type: ignore[arg-type]
        assert self._process is not None
        self._process.kill()
        self._process.join()

    monkeypatch.setattr(bulk_index.BulkIndex, "add", add_then_kill)
    monkeypatch.setattr(importer, "BULK_INDEX_BYTES", 0)
    monkeypatch.setattr(bulk_index, "worth_building", lambda connection, size: True)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        before = _before_and_after(library)
        report = library.import_paths([corpus_jsonl])
        assert [p.reason for p in report.problems] == [
            "not imported: the process building the search index stopped"]
        assert _before_and_after(library) == before
        _fts_intact(library)
    assert list(tmp_path.glob(".lib.sqlite3.index-*")) == []


@pytest.mark.parametrize(("cores", "load", "free"), [
    (2, 0.3, True), (2, 1.0, True), (2, 1.2, False), (2, 14.0, False), (8, 6.5, True),
    (1, 0.0, True), (1, 0.5, False),
])
def test_the_index_is_built_beside_only_with_a_core_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int, load: float, free: bool
) -> None:
    """On a machine whose cores are all busy the two processes only take turns: the
    import is then indexed here, which costs less CPU."""
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert bulk_index.a_core_is_free() is free
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        assert bulk_index.worth_building(library.connection, 10**9) is free


def test_without_a_load_average_a_core_is_taken_as_free(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown() -> tuple[float, float, float]:
        raise OSError("no load average")

    monkeypatch.setattr(os, "getloadavg", unknown)
    assert bulk_index.a_core_is_free()


def test_an_in_memory_library_is_indexed_here() -> None:
    connection = sqlite3.connect(":memory:")
    assert bulk_index.library_file(connection) is None
    assert not bulk_index.worth_building(connection, 10**9)


@pytest.mark.parametrize(("main", "index", "rows", "share"), [
    (1.0, 2.0, 1.0, 1.0),  # the second process is the slower even with no rows to build
    (2.0, 1.0, 1.0, 0.0),  # this one is the slower
    (1.0, 1.0, 1.0, 0.5),  # even: half the batches each
    (1.0, 1.5, 1.0, 0.75),
])
def test_rows_are_built_where_both_processes_then_finish_together(
    main: float, index: float, rows: float, share: float
) -> None:
    """With the CPU costs per batch measured, the share of batches whose rows are built
    here makes both processes' totals equal: M + fR = C + (1 - f)R."""
    now = [0.0]
    balance = bulk_index._Balance(clock=lambda: now[0])
    built_here = 0
    for _batch in range(200):
        now[0] += main  # this process reads, prepares and stores the batch
        if balance.build_here():
            built_here += 1
            now[0] += rows
            balance.rows_built(rows)
            balance.sent()
            balance.written(index, None)
        else:
            balance.sent()
            balance.written(index, rows)
    assert built_here / 200 == pytest.approx(share, abs=0.02)
    this = 200 * main + built_here * rows
    other = 200 * index + (200 - built_here) * rows
    assert share in (0.0, 1.0) or this == pytest.approx(other, rel=0.03)


def test_ctrl_c_in_the_terminal_is_left_to_the_importer(
    tmp_path: Path, corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal sends Ctrl-C's SIGINT to the second process too: it carries on (the
    importer decides), printing nothing."""
    real_swap = bulk_index.BulkIndex.swap_into
    interrupted: list[int] = []

    def interrupt_then_swap(self: bulk_index.BulkIndex, connection: sqlite3.Connection) -> None:
        assert self._process is not None and self._process.pid is not None
        interrupted.append(self._process.pid)  # it has read batches: it is indexing
        os.kill(self._process.pid, signal.SIGINT)
        real_swap(self, connection)

    monkeypatch.setattr(bulk_index.BulkIndex, "swap_into", interrupt_then_swap)
    monkeypatch.setattr(importer, "BULK_INDEX_BYTES", 0)
    monkeypatch.setattr(bulk_index, "worth_building", lambda connection, size: True)
    monkeypatch.setattr(importer, "BATCH_SIZE", 20)
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        report = library.import_paths([corpus_jsonl])
        assert report.ok and library.count() == 300 and interrupted
        _fts_intact(library)


def test_batches_go_ahead_of_a_busy_second_process(tmp_path: Path, corpus_jsonl: Path) -> None:
    """A batch is megabytes and the pipe holds 64 KiB: sent from the importer itself, it
    waited for the second process to read it all, so each process waited for the
    other. Batches are queued for a thread that sends them: with the second process
    stopped, the importer still hands over the next ones, and the import then ends
    as any other."""
    from reader.articles.parse import parse_path
    from reader.library.storage import Prepared, insert_prepared

    articles = [Prepared(article) for article in parse_path(corpus_jsonl)]
    handed = threading.Event()
    results: list[object] = []

    def batches(index: bulk_index.BulkIndex) -> Iterator[list[Prepared]]:
        yield articles[:20]  # the second process starts with the first batch
        assert index._process is not None and index._process.pid is not None
        os.kill(index._process.pid, signal.SIGSTOP)
        yield from (articles[20:100], articles[100:200], articles[200:])  # ~300 KB each
        handed.set()

    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library, \
            bulk_index.BulkIndex(library.path) as index:
        importing = threading.Thread(target=lambda: results.extend(
            insert_prepared(index.writer, batches(index), index)))
        importing.start()
        try:
            # at once when queued; never, were each batch sent by the importer
            assert handed.wait(timeout=60)
        finally:
            assert index._process is not None and index._process.pid is not None
            os.kill(index._process.pid, signal.SIGCONT)
            importing.join()
        assert len(results) == len(articles)
        assert library.count() == len(articles)
        assert library.connection.execute(
            "SELECT count(*) FROM search_index").fetchone() == (len(articles),)


def test_a_reset_pipe_is_a_stopped_second_process(tmp_path: Path) -> None:
    """A process that dies with a batch unread resets the pipe (ECONNRESET) rather than
    closing it: the importer says the index's process stopped, not 'cannot read'."""
    import multiprocessing

    Library.open(tmp_path / "lib.sqlite3").close()
    index = bulk_index.BulkIndex(tmp_path / "lib.sqlite3")
    here, there = multiprocessing.get_context("spawn").Pipe(duplex=True)
    here.send(b"a batch the process never read")
    there.close()
    index._channel = here
    try:
        with pytest.raises(bulk_index.BulkIndexFailed) as failed:
            index._reply()
        assert str(failed.value) == "the process building the search index stopped"
    finally:
        here.close()
        index.writer.close()
