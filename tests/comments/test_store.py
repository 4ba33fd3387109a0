"""Drafts in the library database: save, load, compare-and-swap, identity, failures."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from reader.comments.form import CommentDraft, Identity
from reader.comments.store import DraftConflict, DraftSaveError, DraftStore, DraftTarget
from tests.comments.dbutil import open_database

TARGET = DraftTarget("ea300a519c8a66f3", "عنوان المقال", "https://example.com/?p=42", None)
DRAFT = CommentDraft("تعليق أول", "سارة", "sara@example.com", "", remember=False)


def test_save_and_load_round_trip(connection):
    store = DraftStore(connection)
    record = store.save(TARGET, DRAFT, base_revision=0)
    assert record is not None and record.revision == 1
    loaded = store.load(TARGET.article_id)
    assert loaded.draft == DRAFT
    assert loaded.ready
    assert loaded.target.title == "عنوان المقال"
    assert loaded.size == len("تعليق أول".encode())


def test_invalid_draft_is_saved_but_not_ready(connection):
    store = DraftStore(connection)
    store.save(TARGET, CommentDraft("نص", "", "not-an-email"), base_revision=0)
    record = store.load(TARGET.article_id)
    assert record.draft.email == "not-an-email"
    assert not record.ready


def test_blank_draft_creates_nothing(connection):
    store = DraftStore(connection)
    assert store.save(TARGET, CommentDraft(), base_revision=0) is None
    assert store.list() == []


def test_a_stale_revision_is_a_conflict_and_both_texts_are_kept(connection):
    store = DraftStore(connection)
    store.save(TARGET, DRAFT, base_revision=0)
    theirs = CommentDraft("نصهم", "سارة", "sara@example.com")
    store.save(TARGET, theirs, base_revision=1)  # another instance, now revision 2
    mine = CommentDraft("نصي", "سارة", "sara@example.com")
    with pytest.raises(DraftConflict) as caught:
        store.save(TARGET, mine, base_revision=1)
    assert caught.value.theirs.draft == theirs
    assert caught.value.theirs.revision == 2
    assert store.load(TARGET.article_id).draft == theirs  # not overwritten
    kept = store.kept_versions(TARGET.article_id)
    assert [k.draft.comment for k in kept] == ["نصي"]


def test_keep_mine_overwrites_and_keeps_theirs(connection):
    store = DraftStore(connection)
    store.save(TARGET, DRAFT, base_revision=0)
    theirs = store.save(TARGET, CommentDraft("نصهم", "س", "s@example.com"), base_revision=1)
    mine = CommentDraft("نصي", "س", "s@example.com")
    with pytest.raises(DraftConflict):
        store.save(TARGET, mine, base_revision=1)
    record = store.keep_mine(TARGET, mine, theirs)
    assert record.revision == 3
    assert store.load(TARGET.article_id).draft == mine
    assert {k.draft.comment for k in store.kept_versions(TARGET.article_id)} == {"نصي", "نصهم"}


def test_same_text_from_both_sides_is_no_conflict(connection):
    store = DraftStore(connection)
    store.save(TARGET, DRAFT, base_revision=0)
    store.save(TARGET, DRAFT.with_field("comment", "x"), base_revision=1)
    record = store.save(TARGET, DRAFT.with_field("comment", "x"), base_revision=1)
    assert record.revision == 2


def test_identity_remembered_only_when_ticked(connection):
    store = DraftStore(connection)
    assert store.identity() is None
    store.save(TARGET, DRAFT, base_revision=0)
    assert store.identity() is None
    ticked = CommentDraft("نص", "سارة", "sara@example.com", "https://sara.example", True)
    store.save(TARGET, ticked, base_revision=1)
    assert store.identity() == Identity("سارة", "sara@example.com", "https://sara.example")
    assert store.new_draft() == CommentDraft("", "سارة", "sara@example.com",
                                             "https://sara.example", True)
    # An old unticked draft saved later does not erase it; unticking does.
    other = DraftTarget("other")
    store.save(other, CommentDraft("x", "y", "z@example.com"), base_revision=0)
    assert store.identity() is not None
    store.forget_identity()
    assert store.identity() is None


def test_delete_and_list(connection):
    store = DraftStore(connection)
    store.save(TARGET, DRAFT, base_revision=0)
    store.save(DraftTarget("b"), DRAFT, base_revision=0)
    assert {r.article_id for r in store.list()} == {TARGET.article_id, "b"}
    assert store.delete("b")
    assert not store.delete("b")
    assert [r.article_id for r in store.list()] == [TARGET.article_id]


def test_loaded_drafts_are_sanitized(connection):
    connection.execute(
        "INSERT INTO drafts (article_id, comment, author, email, url, revision, updated_at) "
        "VALUES ('x', ?, ?, '', '', 1, '2026-01-01T00:00:00Z')",
        ("نص\x1b]52;c;ZXZpbA==\x07 آمن", "اسم\nثان"),
    )
    connection.commit()
    record = DraftStore(connection).load("x")
    assert record.draft.comment == "نص آمن"
    assert record.draft.author == "اسم ثان"


def test_full_disk_is_reported_and_nothing_is_lost(connection):
    store = DraftStore(connection)
    store.save(TARGET, DRAFT, base_revision=0)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full"
    huge = DRAFT.with_field("comment", "ن" * 200_000)
    with pytest.raises(DraftSaveError) as caught:
        store.save(TARGET, huge, base_revision=1)
    assert caught.value.reason == "full"
    assert store.load(TARGET.article_id).draft == DRAFT  # the old draft intact
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert store.save(TARGET, huge, base_revision=1).revision == 2  # retry works


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_library_is_reported(db_path):
    conn = open_database(db_path)
    DraftStore(conn).save(TARGET, DRAFT, base_revision=0)
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        p = db_path.with_name(db_path.name + suffix)
        if p.exists():
            p.chmod(stat.S_IRUSR)
    db_path.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        ro = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        with pytest.raises(DraftSaveError) as caught:
            DraftStore(ro).save(TARGET, DRAFT.with_field("comment", "جديد"), base_revision=1)
        assert caught.value.reason == "readonly_kept"
    finally:
        db_path.parent.chmod(stat.S_IRWXU)


def test_read_only_connection_is_reported(db_path):
    # Works as root too: SQLite refuses writes on a connection opened read-only.
    conn = open_database(db_path)
    DraftStore(conn).save(TARGET, DRAFT, base_revision=0)
    conn.close()
    ro = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    with pytest.raises(DraftSaveError) as caught:
        DraftStore(ro).save(TARGET, DRAFT.with_field("comment", "جديد"), base_revision=1)
    # The library will never take it: the draft is in the recovery file the error names.
    assert caught.value.reason == "readonly_kept"
    kept = json.loads(Path(caught.value.detail).read_text(encoding="utf-8"))
    assert kept["comment"] == "جديد" and kept["article_id"] == TARGET.article_id
    assert DraftStore(ro).load(TARGET.article_id).draft == DRAFT


def test_every_use_of_a_shared_connection_holds_the_lock(connection):
    class CountingLock:
        def __init__(self) -> None:
            self.entered = 0
            self.held = False

        def __enter__(self):
            assert not self.held
            self.held = True
            self.entered += 1

        def __exit__(self, *exc):
            self.held = False

    class FakeLibrary:  # the library's shape: a connection and the lock it serialises with
        def __init__(self, conn, lock) -> None:
            self.connection, self.lock = conn, lock

    lock = CountingLock()
    store = DraftStore.for_library(FakeLibrary(connection, lock))
    store.save(TARGET, DRAFT, base_revision=0)
    store.load(TARGET.article_id)
    store.list()
    store.identity()
    assert lock.entered == 4  # save, load, list, identity: each once, never nested


def test_for_library_shares_the_real_librarys_connection_and_lock(tmp_path):
    from reader.library import Library

    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        store = DraftStore.for_library(library)
        assert store.connection is library.connection
        assert store._lock is library.lock  # the library's own serialising lock
        store.save(TARGET, DRAFT, base_revision=0)
        assert store.load(TARGET.article_id).draft == DRAFT
