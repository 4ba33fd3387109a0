"""One article's draft while it is being edited: autosave, conflicts, failures.

The widget calls :meth:`DraftSession.change` on every edit and
:meth:`DraftSession.save` from a timer started by the first unsaved change
(so every change, the last one included, is stored within
:data:`AUTOSAVE_DELAY`, even while the user types without pausing) and when
the pane loses focus, the article changes or the app quits. Nothing is ever
dropped: a failed save keeps the draft in memory (``dirty``) with a reason to
show, and the next save retries; a conflicting save keeps both texts and waits
for the user's choice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from reader.comments.form import CommentDraft
from reader.comments.store import (
    DraftConflict,
    DraftRecord,
    DraftSaveError,
    DraftStore,
    DraftTarget,
)

#: Seconds between the last change and the automatic save.
AUTOSAVE_DELAY = 1.0
#: Seconds between retries after the library refused a write.
RETRY_DELAY = 2.0


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What a save attempt did: ``saved``, ``clean``, ``conflict`` or ``failed``."""

    status: str
    error: DraftSaveError | None = None
    conflict: DraftConflict | None = None


class DraftSession:
    """The in-memory draft of one article and its relation to the stored one."""

    def __init__(self, store: DraftStore, target: DraftTarget,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.target = target
        self.clock = clock
        self.error: DraftSaveError | None = None
        try:
            record = store.load(target.article_id)
            fresh = None if record else store.new_draft()
        except DraftSaveError as error:  # unreadable library: edit in memory, say why
            record, fresh, self.error = None, CommentDraft(), error
        self.draft: CommentDraft = record.draft if record else fresh  # type: ignore[assignment]
        self.revision: int = record.revision if record else 0
        self.saved_at: str | None = record.updated_at if record else None
        self.dirty = False
        self.unsaved_since: float | None = None  # time of the oldest unsaved change
        self.conflict: DraftConflict | None = None
        self._forget_identity = False

    def change(self, draft: CommentDraft) -> None:
        """Record an edit (the widget then schedules :meth:`save`)."""
        if draft == self.draft:
            return
        if self.draft.remember and not draft.remember:
            self._forget_identity = True
        self.draft = draft
        if not self.dirty:
            self.unsaved_since = self.clock()
        self.dirty = True

    def save_due(self) -> bool:
        """True when an autosave should run now: the oldest unsaved change is a second old."""
        if not self.dirty or self.conflict is not None or self.unsaved_since is None:
            return False
        return self.clock() - self.unsaved_since >= AUTOSAVE_DELAY

    def save(self) -> SaveOutcome:
        """Write the draft if it changed; never raises for storage problems."""
        if self.conflict is not None:
            return SaveOutcome("conflict", conflict=self.conflict)
        if not self.dirty:
            return SaveOutcome("clean")
        try:
            if self._forget_identity:
                self.store.forget_identity()
                self._forget_identity = False
            record = self.store.save(self.target, self.draft, base_revision=self.revision)
        except DraftConflict as conflict:
            self.conflict = conflict
            self.error = None
            return SaveOutcome("conflict", conflict=conflict)
        except DraftSaveError as error:
            self.error = error
            return SaveOutcome("failed", error=error)
        self._stored(record)
        return SaveOutcome("saved")

    def _stored(self, record: DraftRecord | None) -> None:
        self.error = None
        self.unsaved_since = None
        if record is not None:
            self.revision = record.revision
            self.saved_at = record.updated_at
            if record.draft != self.draft:  # the same text was there already
                self.draft = record.draft
        self.dirty = False

    def keep_mine(self) -> SaveOutcome:
        """Resolve a conflict by keeping the text typed here (theirs is kept aside)."""
        conflict = self.conflict
        if conflict is None:
            return self.save()
        try:
            record = self.store.keep_mine(self.target, self.draft, conflict.theirs)
        except DraftConflict as again:  # yet another save in between: ask again
            self.conflict = again
            return SaveOutcome("conflict", conflict=again)
        except DraftSaveError as error:
            self.error = error
            return SaveOutcome("failed", error=error)
        self.conflict = None
        self._stored(record)
        return SaveOutcome("saved")

    def take_theirs(self) -> CommentDraft | None:
        """Resolve a conflict by adopting the stored text; None if ours could not be kept.

        Our text was kept aside when the conflict was found; anything typed
        since is kept aside now, before it is replaced.
        """
        conflict = self.conflict
        if conflict is not None:
            if self.draft != conflict.mine:
                try:
                    self.store.keep_aside(self.target.article_id, self.draft, self.revision,
                                          "conflict")
                except DraftSaveError as error:
                    self.error = error
                    return None
            self.draft = conflict.theirs.draft
            self.revision = conflict.theirs.revision
            self.saved_at = conflict.theirs.updated_at
            self.conflict = None
            self.dirty = False
            self.error = None
        return self.draft
