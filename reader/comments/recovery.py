"""Last resort when the app closes while the library refuses to save a draft.

While the app runs, a draft that cannot be saved stays in memory and saving
is retried. When the pane goes away with the save still failing (quitting
with a full disk or a read-only library), the draft is written as JSON to a
recovery folder beside the user's state instead of being lost;
``rtl-reader drafts`` tells the user it is there, and the comment pane offers it
when that article is opened next (:func:`recovered_for`).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from reader.comments.form import CommentDraft
from reader.text.editing.buffer import clean_input


def recovery_dir() -> Path:
    """Where unsaved drafts go (``$RTL_READER_RECOVERY`` overrides, for tests and users)."""
    override = os.environ.get("RTL_READER_RECOVERY")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_state_path("rtl-reader") / "unsaved-drafts"


def write_recovery(article_id: str, draft: CommentDraft, folder: Path | None = None) -> Path:
    """Write *draft* to a new file in the recovery folder; return its path (raises OSError)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return _write(article_id, draft, stamp, f"{_safe_id(article_id)}-{stamp}.json", folder)


def keep_in_recovery(article_id: str, draft: CommentDraft, folder: Path | None = None) -> Path:
    """Write *draft* as the article's one kept copy in the recovery folder (each call
    replaces the last, atomically), for a library that cannot be written at all: the
    pane saves every second or two and names the file. Returns its path (raises OSError)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return _write(article_id, draft, stamp, f"{_safe_id(article_id)}-latest.json", folder)


def _safe_id(article_id: str) -> str:
    return "".join(ch for ch in article_id if ch.isalnum() or ch in "-_")[:64] or "article"


def _write(article_id: str, draft: CommentDraft, stamp: str, name: str,
           folder: Path | None) -> Path:
    folder = recovery_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    data = {"article_id": article_id, "saved_at": stamp, "comment": draft.comment,
            "author": draft.author, "email": draft.email, "url": draft.url,
            "remember": draft.remember}
    fd, tmp = tempfile.mkstemp(prefix=".draft-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        target = folder / name
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def recovered_files(folder: Path | None = None) -> list[Path]:
    """Drafts waiting in the recovery folder, oldest first."""
    folder = recovery_dir() if folder is None else folder
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"))


def recovered_for(article_id: str, folder: Path | None = None) -> list[tuple[Path, CommentDraft]]:
    """The recovery files holding a draft of *article_id*, oldest first, each read back.

    A file is untrusted like any input: one that is not such a JSON object (damaged,
    another program's) is left alone, and every text is cleaned as typed text is.
    """
    found = []
    for path in recovered_files(folder):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("article_id") != article_id:
            continue
        texts: dict[str, str] = {}
        for name in ("comment", "author", "email", "url"):
            value = data.get(name)
            if isinstance(value, str):
                texts[name] = value
        if len(texts) < 4:
            continue
        draft = CommentDraft(
            comment=clean_input(texts["comment"], multiline=True),
            author=clean_input(texts["author"], multiline=False),
            email=clean_input(texts["email"], multiline=False),
            url=clean_input(texts["url"], multiline=False),
            remember=data.get("remember") is True,
        )
        found.append((path, draft))
    return found
