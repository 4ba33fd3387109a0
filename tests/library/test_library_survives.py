"""A library that survives: damage is SQLite's to decide, a full disk loses nothing,
leftover WAL files are replayed, a bad row is skipped with a warning naming it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.comments.form import CommentDraft
from reader.comments.store import DraftStore, DraftTarget
from reader.library import CorruptLibraryError, Library, database

REPO = Path(__file__).resolve().parents[2]


def _library_file(path: Path) -> bytes:
    with Library.open(path, import_bundled=False) as library:
        library.set_state("padding", "x" * 20000)
        library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def test_a_partial_last_page_is_no_damage(tmp_path: Path) -> None:
    """A disk that fills during a checkpoint can leave a file that is not a whole number of
    pages; SQLite reads the whole pages and finds the database fine, so it opens."""
    data = _library_file(tmp_path / "whole.sqlite3")
    for extra in (1, 100, 4095):
        path = tmp_path / f"extra{extra}.sqlite3"
        path.write_bytes(data + b"\0" * extra)
        with Library.open(path, import_bundled=False) as library:
            assert library.get_state("padding") == "x" * 20000
            assert library.connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_a_file_cut_short_is_reported_by_sqlite_and_kept(tmp_path: Path) -> None:
    data = _library_file(tmp_path / "whole.sqlite3")
    for cut in (len(data) // 2, 4096 + 100, 150):
        path = tmp_path / f"cut{cut}.sqlite3"
        path.write_bytes(data[:cut])
        with (pytest.raises(CorruptLibraryError) as caught,
              Library.open(path, import_bundled=False) as library):
            library.get_state("padding")
        assert str(path) in str(caught.value)
        assert "damaged database" in str(caught.value)
        assert path.read_bytes() == data[:cut]


def test_quick_check_is_not_on_the_way_to_the_first_paint(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "lib.sqlite3"
    _library_file(path)
    checks: list[Path] = []
    real = database._checked
    monkeypatch.setattr(database, "_checked", lambda p, e: checks.append(p) or real(p, e))
    with Library.open(path, import_bundled=False) as library:
        assert library.get_state("padding")
    assert checks == []
    (tmp_path / "bad.sqlite3").write_bytes(path.read_bytes()[:4096 + 100])
    with pytest.raises(CorruptLibraryError):
        Library.open(tmp_path / "bad.sqlite3", import_bundled=False)


def test_leftover_wal_and_shm_of_a_crashed_process_are_replayed(tmp_path: Path) -> None:
    live = tmp_path / "live"
    live.mkdir()
    path = live / "lib.sqlite3"
    library = Library.open(path, import_bundled=False)
    DraftStore.for_library(library).save(DraftTarget("a1"), CommentDraft("محفوظ"), base_revision=0)
    library.set_state("k", "v")
    # A crash: the files as they are while the process still holds the library open.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("lib.sqlite3", "lib.sqlite3-wal", "lib.sqlite3-shm"):
        assert (live / name).exists(), name
        shutil.copy(live / name, crashed / name)
    library.close()
    shm = crashed / "lib.sqlite3-shm"
    shm.write_bytes(b"\xff" * shm.stat().st_size)  # stale shared memory: rebuilt from the WAL
    with Library.open(crashed / "lib.sqlite3", import_bundled=False) as reopened:
        assert reopened.get_state("k") == "v"
        record = DraftStore.for_library(reopened).load("a1")
        assert record is not None and record.draft.comment == "محفوظ"
        assert reopened.connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def _run_worker(folder: Path, *extra: str, mount: str = "") -> dict[str, object]:
    worker = f"'{sys.executable}' -m tests.library.full_disk_worker '{folder}'"
    command = f"{mount}{worker} {' '.join(extra)}"
    result = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", command] if mount
        else ["sh", "-c", command],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    failed_to_mount = result.returncode != 0 and "Traceback" not in result.stderr
    if mount and failed_to_mount and "mount" in result.stderr:
        pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _check_nothing_lost(outcome: dict[str, object]) -> None:
    assert outcome["save"] == "full"
    assert str(outcome["import"]).startswith("refused: library ")
    assert "disk is full" in str(outcome["import"])
    assert outcome["quick_check"] == "ok"
    assert outcome["draft"] == "المسودة الأولى"  # the last saved draft, whole
    assert outcome["count_after"] == outcome["count_before"]
    assert outcome["after_freeing"] == "الثالثة"  # and saving works again


def test_a_disk_that_fills_loses_nothing_on_a_real_small_tmpfs(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    folder = tmp_path / "small"
    folder.mkdir()
    mount = f"mount -t tmpfs -o size=8m tmpfs '{folder}' && "
    _check_nothing_lost(_run_worker(folder, mount=mount))


def test_a_disk_that_fills_loses_nothing_with_sqlite_full_injected(tmp_path: Path) -> None:
    """The same, where no file system can be mounted: SQLite's page cap gives SQLITE_FULL."""
    _check_nothing_lost(_run_worker(tmp_path, "inject"))


def test_a_bad_row_is_skipped_with_a_warning_naming_it(tmp_path: Path, capsys) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        ids = [a.id for a in library.list_articles()]
        library.connection.execute("UPDATE articles SET title = x'ff00' WHERE id = ?", (ids[0],))
    assert main(["list", "--library", str(path), "--width", "200", "--bidi", "terminal"]) == 0
    captured = capsys.readouterr()
    assert ids[0] not in captured.out
    assert all(i in captured.out for i in ids[1:])
    assert captured.err == (f"rtl-reader: warning: skipped the stored article {ids[0]!r}: "
                            "its id, title, date or source is not text\n")


def test_a_damaged_article_row_is_one_line_naming_it(tmp_path: Path, capsys) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        article_id = library.list_articles()[0].id
        library.connection.execute("UPDATE articles SET breadcrumbs = '{' WHERE id = ?",
                                   (article_id,))
    assert main(["cat", article_id, "--library", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and article_id in err and "cannot be read" in err


def test_sqlite_itself_says_garbage_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with (pytest.raises(CorruptLibraryError),
          Library.open(path, import_bundled=False) as library):
        library.list_articles()
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\x07" * 5000
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
