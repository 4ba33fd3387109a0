"""UAX #14 line-break opportunities per space-separated word, for wrapping at C speed.

Between two words separated by spaces (U+0020, class SP) UAX #14 allows a break after the
spaces unless the next word starts with a character that may not begin a line (CL, CP, EX,
IS, SY, WJ, ZW: rules LB6, LB7, LB11, LB13) or the two sides form ``OP SP* ×``,
``QU SP* × OP``, ``(CL|CP) SP* × NS`` or ``B2 SP* × B2`` (LB14-LB17); ``ZW SP* ÷`` (LB8)
allows it whatever follows. Inside a word the opportunities depend on the word alone (no
rule looks across a space but those), so each distinct word is analysed once and the
answer kept: most words of a text are plain (letters, digits, ordinary punctuation; no
opportunity inside, none withheld around), and a wrapper needs to look only at the others.
The tests hold :func:`paragraph_breaks` equal to :func:`lines.break_opportunities` on the
corpus and on generated text.
"""

from __future__ import annotations

import re
from itertools import compress, count
from typing import NamedTuple

from reader.text.isolates import ltr_spans

from .codes import code_of, line_break_codes
from .lines import break_opportunities, resolved_classes
from .properties import LINE_BREAK

__all__ = [
    "ANSWERS",
    "NEVER_FIRST",
    "PLAIN",
    "WordBreaks",
    "break_between",
    "edges",
    "find_suspect",
    "joined_at",
    "paragraph_breaks",
    "word_answers",
    "word_breaks",
]

#: Where the rules must be asked, in :func:`line_break_codes` terms. Text without a match
#: breaks exactly after its spaces: letters, digits and marks stay together (LB28, LB23,
#: LB25, LB9), brackets and quotation marks hold on to what they touch (LB14, LB19, LB30),
#: IS, EX and CP never start a line (LB13). Looked at: any other class; IS, EX or CP
#: starting a word; IS or EX before a letter, a digit or an opening bracket (``a.5``,
#: ``a!b``), a closing bracket before an opening one; an opening bracket ending a word
#: (LB14 keeps the next word with it), a quotation mark before spaces and an opening
#: bracket (LB15). The rest of LB14-LB17 is about classes that count as "anything else".
_SUSPICIOUS = re.compile(  # each branch starts at the char it is about: a fast scan
    r"[^ANM ](?:(?<=[^ANMIEOCQ ])|(?<![^ ][CIE])(?<=[CIE])|(?<=[IE])M*[ANO]|(?<=C)M*O"
    r"|(?<=O)M*(?= |$)|(?<=Q)M* +O)"
)
#: :data:`_SUSPICIOUS` for the codes of one word: bit 1 if it has a match, bit 2 if it ends
#: in a quotation mark (the next word is looked at too if it starts with an opening bracket)
_WORD_SUSPICIOUS = re.compile(r"[^ANMIEOCQ]|^[CIE]|[IE]M*[ANO]|CM*O|OM*$")
_ENDS_QUOTED = re.compile(r"QM*$")


class _CodeWords(dict[str, int]):
    """Code word -> 0 to 3 (see :data:`_WORD_SUSPICIOUS`), decided once each."""

    def __missing__(self, codes: str) -> int:
        found = (1 if _WORD_SUSPICIOUS.search(codes) else 0) | (
            2 if _ENDS_QUOTED.search(codes) else 0
        )
        if len(self) > 100_000:
            self.clear()
        self[codes] = found
        return found


_CODE_WORDS = _CodeWords()

#: the answer for a plain word (no opportunity inside; none withheld before or after it)
PLAIN = 0

#: classes that may not start a line even after spaces (LB6, LB7, LB11, LB13), and those
#: that hold a break only next to certain others (LB14-LB17)
_NEVER_FIRST = frozenset({"BK", "CR", "LF", "NL", "ZW", "WJ", "CL", "CP", "EX", "IS", "SY"})
#: the classes a word may not start a line with after a plain word and spaces
NEVER_FIRST = _NEVER_FIRST
_HEAD_WATCHED = _NEVER_FIRST | {"OP", "NS", "B2"}
_TAIL_WATCHED = frozenset({"OP", "QU", "CL", "CP", "B2", "ZW"})


class WordBreaks(NamedTuple):
    """A word that is not plain: its opportunities inside (offsets into the word, a line
    breaking before that character) and the classes that decide the breaks around it."""

    inside: tuple[int, ...]
    head: str
    tail: str


#: the answers found so far, by word (a wrapper reads it with ``map(ANSWERS.get, words)``)
ANSWERS: dict[str, WordBreaks | int] = {"": PLAIN}
_KNOWN = ANSWERS


def word_breaks(word: str) -> WordBreaks | int:
    """:data:`PLAIN` or the :class:`WordBreaks` of one word (no U+0020 in it), cached."""
    found = _KNOWN.get(word)
    if found is None:
        found = _analyse(word)
        if len(_KNOWN) > 200_000:
            _KNOWN.clear()
            _KNOWN[""] = PLAIN
        _KNOWN[word] = found
    return found


#: what in a word's codes can make an opportunity inside it (see :data:`_SUSPICIOUS`)
_INSIDE_SUSPICIOUS = re.compile(r"[^ANMIEOCQ]|[IE]M*[ANO]|CM*O")


def _analyse(word: str) -> WordBreaks | int:
    if not _INSIDE_SUSPICIOUS.search("".join(map(code_of, word))):
        # letters, digits, marks and brackets, quotes, IS, EX that hold on to them: no
        # opportunity inside (most words looked at only for their first or last class)
        found = edges(word)
        if found.head not in _HEAD_WATCHED and found.tail not in _TAIL_WATCHED:
            return PLAIN
        return found
    inside = break_opportunities(word)
    for start, end in ltr_spans(word):  # tailoring: an address is one stretch
        inside = [k for k in inside if not start < k < end]
    effective, _raw, _base = resolved_classes(word)
    head, tail = effective[0], effective[-1]
    if not inside and head not in _HEAD_WATCHED and tail not in _TAIL_WATCHED:
        return PLAIN
    return WordBreaks(tuple(inside), head, tail)


def break_between(before: WordBreaks | int, after: WordBreaks | int) -> bool:
    """Whether a line may break at the spaces between two words (their answers)."""
    head = "" if after == PLAIN else after.head  # type: ignore[union-attr]
    if before == PLAIN:
        return head not in _NEVER_FIRST
    tail = before.tail  # type: ignore[union-attr]
    if tail == "ZW":
        return head not in ("BK", "CR", "LF", "NL", "ZW")  # LB6, LB7, then LB8
    if head in _NEVER_FIRST or tail == "OP":
        return False
    return not (
        (head == "OP" and tail == "QU")
        or (head == "NS" and tail in ("CL", "CP"))
        or (head == tail == "B2")
    )


_NORMAL = {"OPW": "OP", "CPW": "CP", "IDP": "ID"}
_MARKS = frozenset({"CM", "ZWJ"})
_NOT_ABSORBING = frozenset({"BK", "CR", "LF", "NL", "SP", "ZW"})


def edges(word: str) -> WordBreaks:
    """The first and last classes of a word (rules LB9, LB10), without the rest of its
    analysis: what deciding the breaks around a word of a known answer needs."""
    head = LINE_BREAK[word[0]]
    if head in _MARKS:
        head = "AL"
    k = len(word) - 1
    while k >= 0 and LINE_BREAK[word[k]] in _MARKS:
        k -= 1
    if k < 0:
        tail = "AL"
    else:
        tail = LINE_BREAK[word[k]]
        if k < len(word) - 1 and tail in _NOT_ABSORBING:
            tail = "AL"
    return WordBreaks((), _NORMAL.get(head, head), _NORMAL.get(tail, tail))


def word_answers(text: str, words: list[str], codes: str | None = None) -> dict[int, WordBreaks]:
    """Words of ``words`` (``text.split(" ")``) that are not
    plain, by index, with their answers: those with a match of :data:`_SUSPICIOUS` (each
    distinct word's codes searched once). A word left out may still have a watched first
    or last class (``(word``), which matters only next to a word given here: ask
    :func:`word_breaks` for a neighbour's answer. ``codes``: ``line_break_codes(text)``
    when the caller has them."""
    if codes is None:
        codes = line_break_codes(text)
    if _SUSPICIOUS.search(codes) is None:  # one C-speed scan: most paragraphs stop here
        return {}
    code_words = codes.split(" ")
    flags = list(map(_CODE_WORDS.__getitem__, code_words))
    if not any(flags):
        return {}
    indices = list(compress(count(), flags))
    if 2 in flags or 3 in flags:  # QU SP* x OP: the word after a quoted one, if it opens
        for k in [k for k in indices if flags[k] & 2]:
            k += 1
            while k < len(code_words) and not code_words[k]:  # more spaces
                k += 1
            if k < len(code_words) and code_words[k].startswith("O"):
                indices.append(k)
    found = {k: word_breaks(words[k]) for k in indices}
    return {k: answer for k, answer in found.items() if answer != PLAIN}  # type: ignore[misc]


#: ``find_suspect(codes, start, end)``: the first match of :data:`_SUSPICIOUS` in
#: ``codes[start:end]`` (the codes before ``start`` seen by its lookbehinds), or None. A
#: word of a paragraph's codes (see :func:`line_break_codes`) holding none is plain for the
#: rules (no opportunity inside), and the spaces between two such words always hold a
#: break: a wrapper that breaks at spaces asks the rules only about breaks next to a match.
#: Searched from the start of the word before a break to the end of the word after it, it
#: finds what decides that break (a quotation mark before an opening bracket included);
#: from further back it could miss a match that starts where an earlier one ended (the
#: quotation mark's takes in that bracket, which may also end its word).
find_suspect = _SUSPICIOUS.search


def joined_at(text: str, position: int) -> bool:
    """Whether the words on either side of the spaces at ``position`` (a word boundary of
    ``text``) must stay on one line (no break at those spaces)."""
    before_end = len(text[:position].rstrip(" "))
    after_start = position + len(text[position:]) - len(text[position:].lstrip(" "))
    if before_end == 0 or after_start == len(text):
        return False
    before = text[:before_end].rsplit(" ", 1)[-1]
    after = text[after_start:].split(" ", 1)[0]
    return not break_between(word_breaks(before), word_breaks(after))


def paragraph_breaks(text: str) -> list[int]:
    """Every opportunity in ``text``, from the per-word answers (with the address
    tailoring): what wrapping uses, as offsets where a line may start."""
    found = []
    position = 0
    previous: WordBreaks | int | None = None
    for word in text.split(" "):
        if word:
            info = word_breaks(word)
            if position and break_between(PLAIN if previous is None else previous, info):
                found.append(position)  # (after spaces that open the text: as after a word)
            if info != PLAIN:
                found.extend(position + k for k in info.inside)  # type: ignore[union-attr]
            previous = info
        position += len(word) + 1
    return found
