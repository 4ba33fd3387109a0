"""Where a word starts, for moving and deleting by words in logical order.

A word starts at a letter or digit that follows anything else. Harakat (and the
other combining marks, and the joiners) belong to the word they sit on: a pattern
that takes only letters and digits for word characters, as Python's ``\\w`` does,
would see a word start after every vowelled letter and stop there.
"""

from __future__ import annotations

import re

from reader.text.shaping import HARAKAT

#: Marks that belong to the word they sit on (Python's ``\w`` knows no marks).
WORD_MARKS = re.escape("".join(sorted(HARAKAT))) + "\u0300-\u036f\u200c\u200d"
#: The first character of a word (the text's own start is handled by the callers).
WORD_START = re.compile(f"(?<=[^\\w{WORD_MARKS}])\\w")


def previous_word_start(text: str, position: int) -> int:
    """The start of the word before *position* (0 when there is none): the start of the
    word the position is in, or of the word before when it is at a word's start."""
    starts = [match.start() for match in WORD_START.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def next_word_start(text: str, position: int) -> int:
    """The start of the next word after *position* (the text's end when there is none)."""
    match = WORD_START.search(text, position + 1)  # not the word starting at *position*
    return match.start() if match else len(text)


__all__ = ["WORD_MARKS", "WORD_START", "next_word_start", "previous_word_start"]
