"""The editing session: autosave timing, failures kept in memory and retried, conflicts."""

from __future__ import annotations

from reader.comments.form import CommentDraft, Identity
from reader.comments.session import AUTOSAVE_DELAY, DraftSession
from reader.comments.store import DraftStore, DraftTarget

TARGET = DraftTarget("a1", "عنوان", None)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_autosave_is_due_one_second_after_the_first_unsaved_change(connection):
    clock = Clock()
    session = DraftSession(DraftStore(connection), TARGET, clock)
    session.change(session.draft.with_field("comment", "م"))
    clock.now += AUTOSAVE_DELAY / 2
    assert not session.save_due()
    session.change(session.draft.with_field("comment", "مر"))
    clock.now += AUTOSAVE_DELAY / 2
    # Typing on does not postpone the save: no change waits more than a second.
    assert session.save_due()
    assert session.save().status == "saved"
    assert not session.dirty and not session.save_due()
    assert session.save().status == "clean"
    assert DraftStore(connection).load("a1").draft.comment == "مر"


def test_a_failed_save_keeps_the_draft_and_a_retry_saves_it(connection):
    session = DraftSession(DraftStore(connection), TARGET)
    session.change(session.draft.with_field("comment", "أول"))
    assert session.save().status == "saved"
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    session.change(session.draft.with_field("comment", "ن" * 100_000))
    outcome = session.save()
    assert outcome.status == "failed" and outcome.error.reason == "full"
    assert session.dirty and session.draft.comment == "ن" * 100_000
    assert session.save().status == "failed"  # still full: still kept
    connection.execute("PRAGMA max_page_count = 1073741823")
    assert session.save().status == "saved"
    assert session.error is None
    assert DraftStore(connection).load("a1").draft.comment == "ن" * 100_000


def test_unticking_remember_forgets_the_identity(connection):
    store = DraftStore(connection)
    session = DraftSession(store, TARGET)
    session.change(CommentDraft("نص", "سارة", "sara@example.com", "", remember=True))
    session.save()
    assert store.identity() == Identity("سارة", "sara@example.com", "")
    # The next article's new draft is pre-filled.
    other = DraftSession(store, DraftTarget("a2"))
    assert other.draft.author == "سارة" and other.draft.remember
    other.change(other.draft.with_field("comment", "x"))
    other.change(other.draft.__class__(**{**_fields(other.draft), "remember": False}))
    other.save()
    assert store.identity() is None


def _fields(draft: CommentDraft) -> dict:
    return {f: getattr(draft, f) for f in ("comment", "author", "email", "url", "remember")}


def test_conflict_waits_for_the_user_and_both_choices_work(connection):
    store = DraftStore(connection)
    here, there = DraftSession(store, TARGET), DraftSession(store, TARGET)
    there.change(there.draft.with_field("comment", "هناك"))
    assert there.save().status == "saved"
    here.change(here.draft.with_field("comment", "هنا"))
    outcome = here.save()
    assert outcome.status == "conflict"
    assert outcome.conflict.theirs.draft.comment == "هناك"
    here.change(here.draft.with_field("comment", "هنا أيضاً"))
    assert not here.save_due()  # no autosave while the user has not chosen
    assert here.save().status == "conflict"
    assert here.keep_mine().status == "saved"
    assert store.load("a1").draft.comment == "هنا أيضاً"
    # The other side is now stale and takes this text.
    there.change(there.draft.with_field("comment", "هناك ٢"))
    assert there.save().status == "conflict"
    assert there.take_theirs().comment == "هنا أيضاً"
    assert not there.dirty
    kept = {k.draft.comment for k in store.kept_versions("a1")}
    assert {"هنا", "هناك", "هناك ٢"} <= kept


def test_take_theirs_keeps_what_was_typed_after_the_conflict(connection):
    store = DraftStore(connection)
    here, there = DraftSession(store, TARGET), DraftSession(store, TARGET)
    there.change(there.draft.with_field("comment", "هناك"))
    there.save()
    here.change(here.draft.with_field("comment", "هنا"))
    assert here.save().status == "conflict"
    here.change(here.draft.with_field("comment", "هنا وبعد"))
    assert here.take_theirs().comment == "هناك"
    kept = [k.draft.comment for k in store.kept_versions("a1")]
    assert kept == ["هنا", "هنا وبعد"]
