"""Run by test_full_disk: fill the file system holding a library, save and import into
it, free the space, and report (as JSON on stdout) what the library then holds.

``python -m tests.library.full_disk_worker FOLDER [inject]``: FOLDER is a small file
system of its own (a tmpfs); with ``inject``, the disk is "filled" by capping the
database's page count instead (SQLite then reports SQLITE_FULL, as for a full disk).
"""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
import sys
from pathlib import Path

from reader.comments.form import CommentDraft
from reader.comments.store import DraftSaveError, DraftStore, DraftTarget
from reader.errors import ReaderError
from reader.library import Library
from reader.resources import seed_article_path


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    with contextlib.suppress(OSError), filler.open("ab") as handle:
        while True:  # the last few bytes too
            handle.write(b"\0" * 512)
            handle.flush()
    return filler


def main() -> None:
    folder = Path(sys.argv[1])
    inject = len(sys.argv) > 2 and sys.argv[2] == "inject"
    path = folder / "lib.sqlite3"
    target = DraftTarget("article-1", "عنوان")
    outcome: dict[str, object] = {}
    if inject:
        # Small pages (SQLite's default, a library made before large pages): the
        # import below must need a page more than the cap allows, and a new
        # library's 32 KiB pages have room for the seed article inside them.
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA page_size = 4096")
            connection.execute("VACUUM")
    with Library.open(path, import_bundled=False) as library:
        store = DraftStore.for_library(library)
        store.save(target, CommentDraft("المسودة الأولى"), base_revision=0)
        before = library.count()
        if inject:
            # No free page left inside the file either (migrations drop tables): the
            # next page the library needs is one more than it has.
            library.connection.execute("VACUUM")
            pages = library.connection.execute("PRAGMA page_count").fetchone()[0]
            library.connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            filler = fill(folder)
        try:
            store.save(target, CommentDraft("الثانية " * 20000), base_revision=1)
            outcome["save"] = "saved"
        except DraftSaveError as error:
            outcome["save"] = error.reason
        try:
            report = library.import_paths([seed_article_path()])
            outcome["import"] = "ok" if report.ok else "problems"
        except ReaderError as error:
            outcome["import"] = f"refused: {error}"
        outcome["count_during"] = library.count()
    if not inject:
        filler.unlink()
    with Library.open(path, import_bundled=False) as library:
        outcome["quick_check"] = library.connection.execute("PRAGMA quick_check").fetchone()[0]
        store = DraftStore.for_library(library)
        record = store.load(target.article_id)
        assert record is not None
        outcome["draft"] = record.draft.comment[:20]
        outcome["count_before"] = before
        outcome["count_after"] = library.count()
        store.save(target, CommentDraft("الثالثة"), base_revision=record.revision)
        outcome["after_freeing"] = store.load(target.article_id).draft.comment  # type: ignore[union-attr]
    print(json.dumps(outcome, ensure_ascii=False))


if __name__ == "__main__":
    main()
