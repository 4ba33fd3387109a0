"""Article ids given by the user: whole, or a prefix that names one article alone.

One rule for every command that takes an article (``cat``, ``related``, the app,
``drafts delete``): an empty reference is refused (as a prefix it would name every
article), and a prefix that more than one id starts with is refused with the
candidates listed, so a short prefix can never act on an article the user did
not mean.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.errors import ReaderError
from reader.i18n.sentence import Sentence
from reader.text.sanitize import sanitize_line

#: Candidates named in the message for an ambiguous prefix.
CANDIDATES_SHOWN = 10


class AmbiguousIdError(ReaderError):
    """More than one id starts with the prefix given."""

    def __init__(self, ref: str, candidates: Sequence[str], more: bool) -> None:
        self.ref = ref
        self.candidates = list(candidates)
        shown = ", ".join(sanitize_line(c) for c in candidates)
        tail = ", …" if more else ""
        super().__init__(Sentence("library.ambiguous_id", ref=repr(sanitize_line(ref)),
                                  ids=shown + tail))


def refuse_empty(ref: str) -> None:
    """An empty (or blank) reference names nothing: refused, never taken as a prefix."""
    if not ref.strip():
        raise ReaderError(Sentence("library.id_needed"))


def prefix_bounds(ref: str) -> tuple[str, str]:
    """``low <= id < high`` holds exactly for the ids starting with *ref* (a range the
    unique index on the id answers, where ``LIKE`` would scan and read ``%`` and ``_``)."""
    return ref, ref + "\U0010ffff"


def unique_prefix_match(ref: str, matches: Sequence[str]) -> str | None:
    """The one id of *matches* (the ids starting with *ref*, up to
    ``CANDIDATES_SHOWN + 1``), None when there is none; AmbiguousIdError when several."""
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    raise AmbiguousIdError(ref, matches[:CANDIDATES_SHOWN], len(matches) > CANDIDATES_SHOWN)


def match_in_table(connection: sqlite3.Connection, table: str, column: str, ref: str
                   ) -> str | None:
    """The id in ``table.column`` that *ref* is, or is the unique prefix of (see
    :func:`unique_prefix_match`). *table* and *column* are the caller's constants."""
    refuse_empty(ref)
    exact = connection.execute(
        f"SELECT {column} FROM {table} WHERE {column} = ?", (ref,)
    ).fetchone()
    if exact:
        return str(exact[0])
    low, high = prefix_bounds(ref)
    rows = connection.execute(
        f"SELECT {column} FROM {table} WHERE {column} >= ? AND {column} < ? "
        f"ORDER BY {column} LIMIT ?", (low, high, CANDIDATES_SHOWN + 1)
    ).fetchall()
    return unique_prefix_match(ref, [str(row[0]) for row in rows])
