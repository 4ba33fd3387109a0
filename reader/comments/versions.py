"""The other versions of an article's draft, to view and restore from the comment pane.

Nothing typed is dropped: a text that lost a conflicting save, or was replaced
when the writer chose the other one, is kept in the library
(``draft_conflicts``), and a draft that could not be saved at all was written to
a recovery file. :func:`other_versions` gathers both for one article, newest
first; :func:`restore` makes one the current draft, keeping the current text
aside first so that restoring loses nothing either.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from reader.comments.form import CommentDraft
from reader.comments.recovery import recovered_for
from reader.comments.store import DraftStore

#: Where a version comes from: lost a conflict, replaced by the writer's choice, or
#: recovered from a file written when the library refused a save.
KINDS = ("conflict", "replaced", "recovered")


@dataclass(frozen=True, slots=True)
class OtherVersion:
    """A version of an article's draft other than the current one."""

    draft: CommentDraft
    when: str  # UTC, ISO 8601 (recovery files: YYYYMMDDTHHMMSS... as written)
    kind: str  # one of KINDS
    path: Path | None = None  # the recovery file, for a recovered version


def other_versions(store: DraftStore, article_id: str,
                   folder: Path | None = None) -> list[OtherVersion]:
    """Recovered drafts first (they were never saved anywhere else), then the kept
    versions, newest first."""
    recovered = [
        OtherVersion(draft, _stamp(path), "recovered", path)
        for path, draft in reversed(recovered_for(article_id, folder))
    ]
    kept = [
        OtherVersion(version.draft, version.kept_at, version.reason
                     if version.reason in KINDS else "conflict")
        for version in reversed(store.kept_versions(article_id))
    ]
    return recovered + kept


def _stamp(path: Path) -> str:
    """``2026-12-04T12:49:44`` from a recovery file named ``ID-20261204T124944155734.json``."""
    digits = path.stem.rsplit("-", 1)[-1]
    if len(digits) >= 15 and digits[8] == "T":
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}T{digits[9:11]}:{digits[11:13]}:" \
               f"{digits[13:15]}"
    return ""


def restore(store: DraftStore, article_id: str, current: CommentDraft, revision: int,
            version: OtherVersion) -> CommentDraft:
    """Make *version* the draft to edit: the *current* text is kept aside first (unless
    blank or the same), and a recovered file is removed once its text is in the library's
    keeping. Returns the draft to load; the caller saves it like any edit."""
    if current != version.draft and not current.is_blank:
        store.keep_aside(article_id, current, revision, "replaced")
    if version.path is not None:
        store.keep_aside(article_id, version.draft, revision, "recovered")
        with contextlib.suppress(OSError):
            version.path.unlink()
    return version.draft
