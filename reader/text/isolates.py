"""Runs that read left to right whatever surrounds them, and isolates for embedded text.

Two jobs, one idea (UAX #9 rules X5a-X5c: an isolate is laid out on its own and counts as
one neutral character in the sentence around it):

- :func:`ltr_spans` finds URLs, e-mail addresses and file paths in a paragraph. The layout
  lays each out as a left-to-right isolate, so its slashes and dots never move: without it
  a trailing ``/`` of a URL inside Arabic goes to the far end (``/https://...``, exactly as
  UAX #9 says for an unmarked neutral between a number and an Arabic letter), and wrapping
  may break the address after a ``/`` (see :mod:`reader.text.breaks.lines`).
- :func:`isolate` wraps a parameter of an interface sentence (a title, a source, a query, a
  file name, a count) in FSI ... PDI, so an Arabic title keeps its own order inside an
  English sentence and a Latin one inside an Arabic sentence. The engine resolves the
  isolates and drops the controls before anything reaches the terminal.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "FSI", "LRI", "PDI", "RLI", "isolate", "levels_isolating_addresses", "ltr_spans",
    "without_addresses",
]

LRI = "\u2066"
RLI = "\u2067"
FSI = "\u2068"
PDI = "\u2069"

# Characters of an address: printable ASCII but spaces, quotes and angle brackets.
_ADDRESS_CHARS = r"[!#-&(-;=?-~]"
_URL = rf"(?:(?:https?|ftp|file)://|www\.){_ADDRESS_CHARS}+"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# Paths: absolute, home- or dot-relative, at least one directory; Windows drive paths.
_PATH = r"(?<![\w/.~])(?:~|\.\.?)?/(?:[\w.~+-]+/)+[\w.~+-]*|\b[A-Za-z]:\\(?:[\w.~+ -]+\\)*[\w.~+-]*"
_LTR_RUN = re.compile(f"{_URL}|{_EMAIL}|{_PATH}", re.ASCII)
# What every URL, e-mail address and path of _LTR_RUN holds: "://" or "www." (URLs), "@",
# a drive's ":\\", or a directory between two slashes; a text without any (a date, "9 / 482")
# is not searched with the whole expression.
_MAY_HOLD_AN_ADDRESS = re.compile(r"://|www\.|@|:\\|/[\w.~+-]+/", re.ASCII)
# Sentence punctuation that ends an address written before it ("see www.x.com.").
_TRAILING = ".,;:!?'\"،؛؟…"


def ltr_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each URL, e-mail address and path in ``text``, in order.

    Sentence punctuation after an address is left out, and so is a closing bracket
    that has no opening one inside the address (``(see https://x.org/a)``)."""
    if "/" not in text and "@" not in text and "www." not in text and "\\" not in text:
        return []
    if _MAY_HOLD_AN_ADDRESS.search(text) is None:
        return []
    spans = []
    for match in _LTR_RUN.finditer(text):
        start, end = match.span()
        while end > start + 1:
            last = text[end - 1]
            unopened = last in ")]}" and text.count(
                "([{"[")]}".index(last)], start, end
            ) < text.count(last, start, end)
            if last not in _TRAILING and not unopened:
                break
            end -= 1
        spans.append((start, end))
    return spans


def without_addresses(text: str) -> str:
    """``text`` without its addresses: what rules P2/P3 look at, since they skip isolates
    (a paragraph that opens with a URL takes the direction of the words after it)."""
    spans = ltr_spans(text)
    if not spans:
        return text
    ends = [0, *(end for _start, end in spans)]
    starts = [*(start for start, _end in spans), len(text)]
    return "".join(text[a:b] for a, b in zip(ends, starts, strict=True))


def levels_isolating_addresses(text: str, base: int) -> Any:
    """The embedding levels of paragraph ``text`` (``reader.text.bidi.BidiParagraph``)
    resolved as if each address were wrapped in LRI ... PDI (rules X5a-X5c): inside, a
    left-to-right run whose slashes and dots stay in place; outside, one neutral. The
    controls are not in the text: the levels and classes are those of its characters."""
    from reader.text import bidi

    spans = ltr_spans(text)
    if not spans:
        return bidi.paragraph_levels(text, base_level=base)
    pieces = []
    last = 0
    for start, end in spans:
        pieces += [text[last:start], LRI, text[start:end], PDI]
        last = end
    pieces.append(text[last:])
    resolved = bidi.paragraph_levels("".join(pieces), base_level=base)
    levels, classes = resolved.levels, resolved.classes
    kept_levels = []
    kept_classes = []
    last = 0
    for number, (start, end) in enumerate(spans):  # LRI at start + 2n, PDI at end + 2n + 1
        lri, pdi = start + 2 * number, end + 2 * number + 1
        kept_levels += [levels[last:lri], levels[lri + 1 : pdi]]
        kept_classes += [classes[last:lri], classes[lri + 1 : pdi]]
        last = pdi + 1
    kept_levels.append(levels[last:])
    kept_classes.append(classes[last:])
    return bidi.BidiParagraph(text, resolved.base_level, b"".join(kept_levels),
                              "".join(kept_classes))


def isolate(text: str) -> str:
    """``text`` as a first-strong isolate (FSI ... PDI): its direction is its own first
    strong letter's, and the sentence around it sees one neutral character."""
    return f"{FSI}{text}{PDI}"
