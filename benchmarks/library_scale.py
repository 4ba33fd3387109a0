"""A library of 100,000 articles: import, search, a long search streamed, the library screen.

Usage: python benchmarks/library_scale.py [--library PATH] [--keep] [--runs N]
       [--compare-here]

The input is ``benchmarks/inputs.py library``: the 300 corpus articles repeated to
100,000 (~350 MB of JSON Lines), each copy with its own URL and a numbered title.
Each figure is measured as a whole process, next to a reference measured in the
same run:

- ``rtl-reader import`` of the file into a new library (target: 30 s), against
  the same records loaded by bare SQLite (``json.loads``, one transaction,
  ``executemany`` into a table and an FTS5 index of the raw text: no cleaning,
  normalising, stemming or dedup), with the CPU seconds of each of the import's two
  processes (they run at once: on two free cores the import takes about the longer
  one, plus the index's copy into the library and the commit; the command builds
  the index in one process when no core is free, measured here with two whatever
  the load); ``--compare-here`` also times the import with the index built in one
  process;
- ``rtl-reader search QUERY`` (target: 1 s), median over a few queries, against a
  bare process running one FTS5 query on the same library;
- ``rtl-reader search --limit 100000``: time to its first line and to its last,
  and its peak RSS (it streams: memory stays that of one hit);
- a page halfway down each order of the list, read after the page before it
  (keyset, as the screen scrolls), against the same page read by ``OFFSET``;
- the library screen in tmux: launch to its first rows (target: 2 s), against a bare
  Textual app showing one line.

``--library PATH`` reuses a library built earlier (the import is then not timed);
``--keep`` keeps the one built. The machine's load is printed: compare ratios.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs  # noqa: E402
from startup import BARE_APP, BARE_MARKER, time_to_screen  # noqa: E402

QUERIES = ["المملكة", "النفط", "وزير الخارجية", "رفسنجاني", "كأس العالم"]
_PYCACHE = tempfile.mkdtemp(prefix="rtl-reader-bench-pycache-")
atexit.register(shutil.rmtree, _PYCACHE, True)
_CHILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _PYCACHE,
}

BARE_IMPORT = """
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[2], isolation_level=None)
connection.execute("CREATE TABLE articles (key INTEGER PRIMARY KEY, title, body, url)")
connection.execute("CREATE VIRTUAL TABLE search USING fts5 (title, body)")
connection.execute("BEGIN")
batch = []
def flush():
    connection.executemany("INSERT INTO articles VALUES (?, ?, ?, ?)", batch)
    connection.executemany("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)",
                           [(key, title, body) for key, title, body, _ in batch])
    batch.clear()
with open(sys.argv[1], "rb") as handle:
    for key, line in enumerate(handle, 1):
        record = json.loads(line)
        batch.append((key, record["title"], record["content"], record["url"]))
        if len(batch) == 500:
            flush()
flush()
connection.execute("COMMIT")
"""

#: ``rtl-reader import`` run in-process, then the CPU seconds of this process and of
#: the one that built the index (a child, waited for) printed on standard output, and
#: the wall and CPU seconds of this process's serial end: from its last article stored
#: (waiting for the index, its copy into the library, the commit) to its exit.
IMPORT = """
import resource, sys, time
from reader.cli import main
if __name__ == "__main__":
    from reader.library import bulk_index, importer
    end = [time.perf_counter(), time.process_time()]
    if sys.argv[1] == "here":
        importer.BULK_INDEX_BYTES = None
    else:  # whatever the machine's load (the command builds here when no core is free)
        bulk_index.a_core_is_free = lambda: True
        swap = bulk_index.BulkIndex.swap_into
        def timed_swap(index, connection):
            end[:] = [time.perf_counter(), time.process_time()]
            swap(index, connection)
        bulk_index.BulkIndex.swap_into = timed_swap
    status = main(["import", *sys.argv[2:]])
    cpu = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    print("end", f"{time.perf_counter() - end[0]:.2f}", f"{time.process_time() - end[1]:.2f}")
    print("cpu", *(f"{usage.ru_utime + usage.ru_stime:.2f}" for usage in cpu))
    raise SystemExit(status)
"""

BARE_SEARCH = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute(
    "SELECT a.id, a.title FROM article_search JOIN articles AS a ON a.key = article_search.rowid "
    "WHERE article_search MATCH ? ORDER BY bm25(article_search) LIMIT 20", (sys.argv[2],)
).fetchall()
print(len(rows))
"""


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds of *command* (output discarded) and its peak RSS in KiB."""
    elapsed, rss, _cpu = timed_with_cpu(command)
    return elapsed, rss


def timed_with_cpu(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds of *command*, its peak RSS in KiB, and the CPU seconds it and the
    processes it waited for used (on a loaded machine wall time is partly waiting)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *command],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_CHILD_ENV,
                            cwd=ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):  # search exits 1 when nothing matches
        raise SystemExit(f"{command} failed: {result.stderr[-800:]!r}")
    fields = result.stderr.decode(errors="replace").split()[-3:]
    try:
        user, system, rss = float(fields[0]), float(fields[1]), int(fields[2])
    except (ValueError, IndexError):
        return elapsed, 0, 0.0
    return elapsed, rss, user + system


def timed_import(mode: str, source: Path,
                 library: Path) -> tuple[float, int, float, float, tuple[float, float]]:
    """Wall seconds of an import (*mode* "beside": as the command does it; "here": the
    index built in this process), its peak RSS in KiB, the CPU seconds of its main
    process and of the process that built the index, and the wall and CPU seconds of
    the main process's serial end (:data:`IMPORT`)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", IMPORT, mode,
                             str(source), "--library", str(library)],
                            capture_output=True, env=_CHILD_ENV, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"import failed: {result.stderr[-800:]!r}")
    lines = result.stdout.decode().split("\n")
    main_cpu, index_cpu = (float(x) for x in lines[-2].split()[-2:])
    end_wall, end_cpu = (float(x) for x in lines[-3].split()[-2:])
    rss = int(result.stderr.decode(errors="replace").split()[-1])
    return elapsed, rss, main_cpu, index_cpu, (end_wall, end_cpu)


def streamed(command: list[str]) -> tuple[float, float, int]:
    """Seconds to the first line of output, to the last, and the number of lines."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=_CHILD_ENV, cwd=ROOT)
    assert process.stdout is not None
    first = process.stdout.readline()
    first_at = time.perf_counter() - started
    count = (1 if first else 0) + sum(1 for _ in process.stdout)
    process.wait()
    return first_at, time.perf_counter() - started, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare-here", action="store_true",
                        help="also time the import with the index built in one process")
    args = parser.parse_args()
    reader = [sys.executable, "-m", "reader"]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (shared: "
          "compare each figure with its reference, measured in the same run)")
    work = Path(tempfile.mkdtemp(prefix="rtl-reader-bench-"))
    if not args.keep:
        atexit.register(shutil.rmtree, work, True)
    library = args.library
    if library is None:
        source = inputs.ensure("library")
        size = source.stat().st_size / 1e6
        library = work / "library.sqlite3"
        load = os.getloadavg()[0]
        ours, ours_rss, main_cpu, index_cpu, (end_wall, end_cpu) = timed_import(
            "beside", source, library)
        bare, bare_rss, bare_cpu = timed_with_cpu(
            [sys.executable, "-c", BARE_IMPORT, str(source), str(work / "bare.sqlite3")])
        (work / "bare.sqlite3").unlink()
        print(f"import of {source.name} ({size:.0f} MB, 100,000 articles): {ours:.1f} s, "
              f"CPU {main_cpu:.1f} s storing + {index_cpu:.1f} s indexing in the second "
              f"process, peak RSS {ours_rss / 1024:.0f} MiB (target 30 s); bare SQLite load "
              f"of the same records {bare:.1f} s (CPU {bare_cpu:.1f} s), "
              f"{bare_rss / 1024:.0f} MiB: {ours / bare:.1f}x wall, "
              f"{(main_cpu + index_cpu) / bare_cpu:.1f}x CPU (load {load:.1f} to "
              f"{os.getloadavg()[0]:.1f})")
        print(f"  its serial end, from the last article stored to the exit (the index's "
              f"last batches, its copy into the library, the commit): {end_wall:.1f} s, "
              f"CPU {end_cpu:.1f} s")
        if args.compare_here:
            here_library = work / "here.sqlite3"
            here, here_rss, here_cpu, _, _ = timed_import("here", source, here_library)
            here_library.unlink()
            print(f"  the same import with the index built in one process: {here:.1f} s, "
                  f"CPU {here_cpu:.1f} s, {here_rss / 1024:.0f} MiB: {here / ours:.2f}x the "
                  f"time with the second process")
        sys.path.insert(0, str(ROOT))
        from reader.library.bulk_index import a_core_is_free

        print(f"  at this load the import command builds the index "
              f"{'in the second process' if a_core_is_free() else 'in one process'}")
        if args.keep:
            print(f"  library kept at {library}")
    searches, references = [], []
    for _ in range(args.runs):  # interleaved
        for query in QUERIES:
            searches.append(timed([*reader, "search", query, "--library", str(library)])[0])
            references.append(timed([sys.executable, "-c", BARE_SEARCH, str(library), query])[0])
    ours, bare = statistics.median(searches), statistics.median(references)
    print(f"search, whole process, median of {len(searches)} ({len(QUERIES)} queries): "
          f"{ours:.2f} s (max {max(searches):.2f}; target 1 s); a bare FTS5 query process "
          f"{bare:.2f} s: {ours / bare:.1f}x")
    first, last, count = streamed([*reader, "search", QUERIES[0], "--limit", "100000",
                                   "--library", str(library)])
    _, rss = timed([*reader, "search", QUERIES[0], "--limit", "100000", "--library",
                    str(library)])
    print(f"search --limit 100000 {QUERIES[0]}: first line after {first:.2f} s, all {count:,} "
          f"lines after {last:.1f} s, peak RSS {rss / 1024:.0f} MiB")
    deep_pages(library)
    if shutil.which("tmux"):
        command = Path(sys.executable).parent / "rtl-reader"
        env = f"env LANG=C.UTF-8 RTL_READER_LIBRARY={shlex.quote(str(library))}"
        bare_cmd = f"{env} {shlex.quote(sys.executable)} -c {shlex.quote(BARE_APP)}"
        app_cmd = f"{env} {shlex.quote(str(command))} --lang en"
        marker = first_row_marker(library)
        ours_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(time_to_screen(bare_cmd, BARE_MARKER))
            ours_times.append(time_to_screen(app_cmd, marker, timeout=120))
        ours, bare = statistics.median(ours_times), statistics.median(bare_times)
        print(f"library screen, launch to its first rows in tmux: {ours:.2f} s (target 2 s); "
              f"bare Textual app {bare:.2f} s: {ours / bare:.1f}x")
    return 0


def deep_pages(library: Path) -> None:
    """A page halfway down each order, read after the page before it (by keyset, as the
    library screen scrolls), against the same page read by OFFSET: CPU per page."""
    sys.path.insert(0, str(ROOT))
    from reader.library import Library, listing

    with Library.open(library, import_bundled=False) as opened:
        connection = opened.connection
        middle = listing.count(connection) // 2
        for sort in listing.SORTS:
            pager = listing.Pager(connection)
            pager.page(sort, middle - 100, 100)
            started = time.process_time()
            for step in range(10):
                pager.page(sort, middle + 100 * step, 100)
            keyset = (time.process_time() - started) / 10
            started = time.process_time()
            for step in range(10):
                connection.execute(
                    f"SELECT id, title, date, source FROM articles ORDER BY "
                    f"{listing._order_by(sort)} LIMIT 100 OFFSET ?", (middle + 100 * step,)
                ).fetchall()
            offset = (time.process_time() - started) / 10
            print(f"list by {sort}, a page {middle:,} rows down after the page before: "
                  f"{keyset * 1000:.1f} ms CPU; by OFFSET {offset * 1000:.1f} ms: "
                  f"{offset / keyset:.0f}x")


def first_row_marker(library: Path) -> str:
    """Text the library screen's first row shows: the number ending the newest article's
    title (the titles of benchmarks/inputs.py end with one), else the screen's title."""
    sys.path.insert(0, str(ROOT))
    from reader.library import Library

    with Library.open(library, import_bundled=False) as opened:
        newest = opened.connection.execute(
            "SELECT title FROM articles ORDER BY date DESC, imported_at DESC, key DESC LIMIT 1"
        ).fetchone()
    title = str(newest[0]) if newest else ""
    number = title.rsplit("(", 1)[-1].rstrip(")")
    return f"({number})" if title.endswith(")") and number.isdigit() else "Library"


if __name__ == "__main__":
    raise SystemExit(main())
