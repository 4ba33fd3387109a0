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
  English sentence and a Latin one inside an Arabic sentence. In ``app`` mode the engine
  resolves the isolates and drops the controls before anything reaches the terminal.

A terminal that runs bidi of its own (the logical output strategies of
:mod:`reader.text.output`) must be given the interface's isolates, or it lays a sentence
out as one run ("source · date" came out in left-to-right order in a right-to-left
line). An article's own bidi controls are untrusted and never reach it. So the text that
carries the interface's isolates says so by its type, :class:`InterfaceText`: made only
here and by the interface's sentences, from values whose own controls were stripped
(:func:`join_isolated`). Any change to such a string (``+``, ``replace``) gives a plain
``str`` again, whose controls the layout drops: trust is never gained by accident.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = [
    "FSI", "LRI", "PDI", "RLI", "InterfaceText", "clean_line", "embedded", "holds_right_to_left",
    "isolate", "join_isolated", "levels_isolating_addresses", "ltr_spans",
    "resolve_first_strong", "without_addresses",
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


#: Bidi classes a left-to-right sentence cannot lay in as they are: right-to-left letters
#: (R, AL), Arabic digits (AN) and every bidi control (codes of
#: :func:`reader.text.bidi.classify`).
_MOVES_IN_LEFT_TO_RIGHT = re.compile("[RAn1-9]")


def holds_right_to_left(text: str) -> bool:
    """Whether *text* holds a right-to-left letter, an Arabic digit or a bidi control (the
    engine's Unicode 15 classes). Text without any resolves to left to right in a
    left-to-right sentence, isolate or not, and reads the same there either way."""
    if text.isascii():
        return False
    from reader.text.bidi import classify

    return _MOVES_IN_LEFT_TO_RIGHT.search(classify(text)) is not None


def embedded(value: str, *, rtl: bool) -> str:
    """*value* (its own bidi controls stripped) as an interface sentence lays it in: an
    isolate, so it keeps its own order and the sentence keeps its own. Every value of a
    right-to-left sentence; in a left-to-right one, a value holding anything right to
    left (an Arabic title, file name or query). A value without any reads the same with
    or without an isolate there, so it is laid in as it is: ASCII keeps the layout's fast
    path, and an English message naming only Latin values is the text scripts know. An
    empty value needs none either."""
    if not value or (not rtl and not holds_right_to_left(value)):
        return value
    return isolate(value)


class InterfaceText(str):
    """A string whose bidi controls are the interface's own isolates (and marks), laid in
    around values stripped of theirs: the layout passes them on to a terminal that does
    its own bidi (see the module docstring). Build one with :func:`join_isolated` or from
    a catalogue sentence; never wrap untrusted text in it."""

    __slots__ = ()


def join_isolated(values: Iterable[str], separator: str, *, lead: str = "",
                  each: Callable[[str], str] | None = None) -> InterfaceText:
    """*values* joined by *separator*, each one sanitized (its own bidi controls
    stripped), passed through *each* (the interface's digits) and laid in as an isolate:
    a Latin term between Arabic ones, or a date beside a source's name, stays one unit,
    and every separator lands between two values whichever way the line reads. A value
    that is :class:`InterfaceText` already (a list joined by another separator) is laid
    in as it is, its isolates at the same level as these. *lead* (the interface's own
    text: a mark giving the line its direction, as a line of isolates alone has no strong
    letter; a relevance bar) opens the result as it is."""
    from reader.text.sanitize import sanitize_line

    pieces = []
    for value in values:
        if isinstance(value, InterfaceText):
            pieces.append(str(value))
            continue
        clean = sanitize_line(str(value))
        pieces.append(isolate(each(clean) if each is not None else clean))
    return InterfaceText(lead + separator.join(pieces))


def clean_line(text: str) -> str:
    """*text* sanitized as one line for the layout (bidi controls kept, for the engine to
    resolve); the interface's own text stays :class:`InterfaceText` (sanitizing adds no
    control), anything else becomes a plain ``str``."""
    from reader.text.sanitize import sanitize_line

    clean = sanitize_line(text, keep_bidi_controls=True)
    return InterfaceText(clean) if isinstance(text, InterfaceText) else clean


_ISOLATE_OPENERS = frozenset((LRI, RLI, FSI))


def resolve_first_strong(text: str) -> str:
    """*text* with each FSI replaced by the LRI or RLI it stands for (rule X5c: the
    direction of the first strong letter up to its matching PDI, nested isolates
    skipped; none: left to right). The same length, the same levels; a terminal that is
    given the isolates line by line then knows each one's direction even when a line
    break cuts it off from its first strong letter."""
    if FSI not in text:
        return text
    from reader.text.direction import base_level

    chars = list(text)
    for start, ch in enumerate(chars):
        if ch != FSI:
            continue
        depth, end = 0, len(chars)
        for k in range(start + 1, len(chars)):
            if chars[k] in _ISOLATE_OPENERS:
                depth += 1
            elif chars[k] == PDI:
                if depth == 0:
                    end = k
                    break
                depth -= 1
        chars[start] = RLI if base_level(text[start + 1:end], 0) else LRI
    return "".join(chars)
