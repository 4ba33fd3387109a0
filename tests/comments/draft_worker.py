"""A separate process editing drafts, driven by the multi-process tests.

``python -m tests.comments.draft_worker DB session ARTICLE`` reads commands on
stdin (``save TEXT``, ``keep_mine``, ``take_theirs``, ``quit``) and answers
one JSON line each, as a second app instance would behave.
``python -m tests.comments.draft_worker DB hammer ARTICLE`` saves numbered
drafts as fast as it can and prints each committed number, to be killed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from reader.comments.form import CommentDraft
from reader.comments.session import DraftSession
from reader.comments.store import DraftStore, DraftTarget
from tests.comments.dbutil import open_database


def hammer_text(n: int) -> str:
    """Draft number *n*: a body whose size varies and a digest that proves it is whole."""
    body = ("نص التعليق رقم " + str(n) + " ") * (1 + (n * 37) % 900)
    return f"{n}|{hashlib.sha256(body.encode()).hexdigest()}|{body}"


def check_hammer_text(text: str) -> int:
    """The number of a whole draft written by :func:`hammer_text`; raises if torn."""
    n, digest, body = text.split("|", 2)
    assert hashlib.sha256(body.encode()).hexdigest() == digest, "torn draft"
    assert text == hammer_text(int(n))
    return int(n)


def _reply(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def session_mode(store: DraftStore, target: DraftTarget) -> None:
    session = DraftSession(store, target)
    _reply(event="loaded", revision=session.revision, comment=session.draft.comment)
    for line in sys.stdin:
        command, _, arg = line.rstrip("\n").partition(" ")
        if command == "save":
            session.change(session.draft.with_field("comment", arg))
            outcome = session.save()
        elif command == "keep_mine":
            outcome = session.keep_mine()
        elif command == "take_theirs":
            session.take_theirs()
            outcome = None
        else:
            return
        _reply(
            event=outcome.status if outcome else "took",
            revision=session.revision,
            comment=session.draft.comment,
            theirs=outcome.conflict.theirs.draft.comment if outcome and outcome.conflict else None,
        )


def hammer_mode(store: DraftStore, target: DraftTarget) -> None:
    current = store.load(target.article_id)
    revision = current.revision if current else 0
    n = 0
    while True:
        n += 1
        draft = CommentDraft(hammer_text(n), "سارة", "sara@example.com")
        record = store.save(target, draft, base_revision=revision)
        revision = record.revision
        print(n, flush=True)


def main() -> None:
    db, mode, article = sys.argv[1:4]
    store = DraftStore(open_database(Path(db)))
    target = DraftTarget(article, "مقال", "https://example.com/?p=7")
    (session_mode if mode == "session" else hammer_mode)(store, target)


if __name__ == "__main__":
    main()
