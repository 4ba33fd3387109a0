"""Output strategies: the form laid-out lines take so that a given terminal shows them right.

Terminals disagree about Arabic. Some draw cells as they come (xterm, Alacritty,
tmux's own screen): the reader must shape and reorder (``app``). Others run
their own bidi algorithm on every row (VTE, Konsole, mlterm) or flip each
right-to-left word (kitty), and not all of them can be told to stop (Konsole
and kitty ignore ``CSI 8 l``; inside tmux it never reaches VTE). For those the
reader sends a form their own algorithm turns into the right screen. Each
strategy is a layout *mode* (:class:`reader.text.layout.LayoutOptions`), so
every widget that lays text out gets it with its maps intact:

``app``
    visual order, shaped, brackets mirrored, right-to-left lines right-aligned.
``terminal``
    logical order, unshaped: the terminal joins and orders (VTE; also what a
    screen reader or a copy from the screen wants). Right-aligned, marked.
``shaped``
    logical order, shaped into presentation forms (a lam-alef is one ligature in
    one cell, which every reordering terminal draws in one cell), marked; the
    terminal mirrors brackets itself (VTE, mlterm).
``shaped-mirrored``
    ``shaped`` with brackets swapped beforehand, for a terminal whose bidi does
    not mirror them (Konsole).
``shaped-rlm``
    ``shaped`` without the LRM after each line (mlterm behind tmux draws a letter
    twice when an LRM follows it; auto now gives mlterm ``app`` there).
``words``
    the ``app`` line with each word that holds Arabic letters sent backwards and
    its brackets swapped back: kitty flips each right-to-left word itself.

Konsole (``shaped-mirrored``; 22.12 and later) orders each row with ICU's bidi as one
left-to-right paragraph, takes U+2500-U+25FF (box drawing, blocks and geometric shapes:
``●○■□``, the related pane's relevance bar) as strong left-to-right letters, and draws
each cell with the character it holds, never its mirror glyph. So a right-to-left line
that starts or ends with such a run sends it where it shows and in the order it shows
(:func:`symbols_in_place`), each bracket Konsole puts at an odd level is sent as
its mirror (:func:`mirror_for_konsole`), and, since Konsole orders each line alone,
each line opens and ends with marks for the paragraph's letters around it
(:func:`konsole_edges`).

*Marked* means: a right-to-left line is sent as RLE + text + PDF + LRM (a
right-to-left embedding), a left-to-right one as text + LRM. A terminal that
reorders a row as one left-to-right paragraph (VTE, Konsole) then lays the line
out as the right-to-left paragraph it is: punctuation at its ends stays with the
Arabic, and a Latin run inside it ("iPad mini 4") keeps its place between the
Arabic on either side (bare RLMs around the text did the first but not the
second: the runs came out in left-to-right order). It keeps the padding in
place, and never lets two panes' Arabic merge into one run across the border
between them (the LRM ends every pane's text with a strong left-to-right
character). The marks take no cell.

*The interface's isolates* (the sources, dates, titles and counts laid into its
sentences, :class:`reader.text.isolates.InterfaceText`) reach a terminal whose bidi
honours them (VTE, Konsole: ``Strategy.isolates``) as LRI/RLI ... PDI, each FSI
resolved to the one it stands for, so a line cut from an isolate's first strong letter
keeps its direction. Each line reopens the isolates open at its start and closes those
open at its end, so none spans the border or the padding. mlterm gets none: it draws
each bidi control in a cell of its own (a box) where the reader counted none, and the
rest of the row moves (embeddings in their place did the same). An article's own
controls never reach a terminal, in any strategy.

Pure: no Textual, no terminal I/O. Which strategy a terminal gets is decided in
``reader.ui.terminal``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from reader.text.bidi import BidiParagraph

__all__ = [
    "BIDI_CHOICES",
    "LRM",
    "MODES",
    "RLM",
    "RTL_CLOSE",
    "RTL_OPEN",
    "STRATEGIES",
    "Strategy",
    "aligns_rows_itself",
    "fill_end",
    "finish_line",
    "is_mark",
    "may_slant",
    "needs_levels",
    "reorders",
    "shapes",
    "unmarked",
]

LRM = "\u200e"
RLM = "\u200f"
#: ARABIC LETTER MARK: a zero-width character of class AL (for Konsole's line edges).
ALM = "\u061c"
#: What opens and closes a marked right-to-left line: RLE ... PDF.
RTL_OPEN = "\u202b"
RTL_CLOSE = "\u202c"
_MARKS = (LRM, RLM, ALM, RTL_OPEN, RTL_CLOSE)
LRI = "\u2066"
RLI = "\u2067"
FSI = "\u2068"
PDI = "\u2069"
#: Every control a strategy may send, drawn as nothing (its own marks and the
#: interface's isolates).
_DRAWN_AS_NOTHING = frozenset((*_MARKS, LRI, RLI, FSI, PDI))


class Strategy(NamedTuple):
    """One output strategy (see the module docstring)."""

    name: str
    reorders: bool  # the reader puts lines in visual order
    shapes: bool  # the reader joins letters (presentation forms)
    mirrors: bool  # the reader mirrors brackets of right-to-left text
    marked: bool  # a right-to-left line's text in an embedding (RLE ... PDF)
    lrm: bool  # and an LRM after it
    words_flipped: bool  # each word holding Arabic letters sent backwards
    summary: str  # one line for the help screen, the chooser and doctor
    symbols_apart: bool = False  # symbol runs at a line's ends sent as they show (Konsole)
    #: the only shaping sent: lam-alef ligatures (Konsole leaves a blank cell after a
    #: pair it ligates itself), every other letter logical for the terminal to join
    ligatures_only: bool = False
    #: whether the interface's isolates are sent (see the module docstring)
    isolates: bool = False
    #: no marks can reach the terminal, which lays each stretch of a row between two
    #: borders out as a paragraph of its own in the direction of its first strong letter
    #: (mlterm): a right-to-left line starting with an Arabic letter is filled after its
    #: text (:func:`fill_end`); one starting otherwise has the neutral runs at its two
    #: ends sent where they show (:func:`ends_in_place`), filled before it
    ends_apart: bool = False


STRATEGIES: dict[str, Strategy] = {
    s.name: s
    for s in (
        Strategy("app", True, True, True, False, False, False,
                 "the reader shapes and orders Arabic (terminals that draw cells as given)"),
        Strategy("terminal", False, False, False, True, True, False,
                 "logical text, unshaped: the terminal joins and orders it", isolates=True),
        Strategy("shaped", False, True, False, True, True, False,
                 "logical order, letters joined by the reader: the terminal orders it",
                 isolates=True),
        Strategy("shaped-mirrored", False, True, True, True, True, False,
                 "as shaped, brackets swapped for a terminal that does not mirror them",
                 symbols_apart=True, isolates=True),
        Strategy("shaped-rlm", False, True, False, True, False, False,
                 "as shaped, without the LRM after each line"),
        Strategy("words", True, True, True, False, False, True,
                 "reader's order, each Arabic word backwards: the terminal flips words"),
        # --bidi terminal as each terminal that orders needs it (TERMINAL_FORMS)
        Strategy("terminal-mlterm", False, True, False, False, False, False,
                 "logical text; lam-alef sent as the one-cell ligature mlterm draws",
                 ligatures_only=True, ends_apart=True),
        Strategy("terminal-konsole", False, True, True, True, True, False,
                 "logical text; brackets swapped and lam-alef sent as one ligature",
                 symbols_apart=True, ligatures_only=True, isolates=True),
    )
}

#: What ends the fill of a right-to-left line that mlterm lays out from the right: a
#: no-break space. mlterm keeps the spaces ending a stretch of a row at its right end
#: and lays the rest out (``vt_bidi.c``, ``log2vis``: ``str[pos - 1] != ' '``), so a
#: fill of spaces alone would put the line at the left; the no-break space is a neutral
#: of the line's direction, drawn blank, and carries the fill to the left with it.
MLTERM_FILL_END = "\u00a0"

#: ``terminal`` as each terminal kind needs it: mlterm draws a logical lam + alef in
#: one cell and closes the gap (the borders after it move), so it gets the one-cell
#: ligature, and no marks at all: mlterm 3.9 keeps each zero-width mark (RLE, PDF,
#: LRM, RLM, even ZWJ) in a character slot of the row while drawing it zero cells wide,
#: so on a row holding k marks every later cursor-addressed write (the app redraws a
#: scrollbar or one pane alone) lands k columns left of its place and a full row
#: loses its last k cells: the scrollbar and right border moved into the text.
#: Konsole leaves a blank cell after a lam-alef it ligates itself and does not mirror
#: brackets. (VTE: logical text as it is; it draws lam and alef apart.)
TERMINAL_FORMS: dict[str, str] = {"mlterm": "terminal-mlterm", "konsole": "terminal-konsole"}

#: The strategies a reader chooses between (``--bidi``, the chooser); the others are
#: forms of ``terminal`` picked from what the terminal is.

MODES: tuple[str, ...] = tuple(name for name in STRATEGIES if name not in TERMINAL_FORMS.values())

#: What ``--bidi`` takes, in the app and on the command line: every strategy, and
#: ``auto`` (the one the terminal needs, decided in ``reader.ui.terminal``).
BIDI_CHOICES: tuple[str, ...] = (*MODES, "auto")


def reorders(mode: str) -> bool:
    return STRATEGIES[mode].reorders


def shapes(mode: str) -> bool:
    return STRATEGIES[mode].shapes


def needs_levels(mode: str) -> bool:
    """Whether laying out *mode* needs the paragraph's embedding levels: to reorder.
    (Konsole's mirroring goes by the levels its own bidi gives each row, not by the
    paragraph's: :func:`mirror_for_konsole`.)"""
    return STRATEGIES[mode].reorders


def unmarked(text: str) -> str:
    """*text* without the marks a strategy added (for printing logical text to a file):
    the LRMs and RLMs, the isolates holding single brackets for Konsole, and the
    embedding around a right-to-left line (its first RLE and last PDF; the text's own
    embeddings inside stay)."""
    if RLI in text:
        text = re.sub(_pinned(), r"\1", text)
    if not any(mark in text for mark in _MARKS):
        return text
    opened, closed = text.find(RTL_OPEN), text.rfind(RTL_CLOSE)
    if 0 <= opened < closed:
        text = text[:opened] + text[opened + 1:closed] + text[closed + 1:]
    return text.replace(LRM, "").replace(RLM, "").replace(ALM, "")


@lru_cache(maxsize=1)
def _pinned() -> str:
    """The pattern of a bracket held in an isolate of its own for Konsole
    (:func:`mirror_for_konsole`)."""
    from reader.text.bidi.mirroring import BRACKET_CHARS

    return f"{RLI}([{re.escape(''.join(sorted(BRACKET_CHARS)))}]){PDI}"


def is_mark(ch: str) -> bool:
    """Whether *ch* is one of the marks or controls a strategy sends (drawn as nothing)."""
    return ch in _DRAWN_AS_NOTHING


def sends_isolates(mode: str) -> bool:
    """Whether *mode* passes the interface's isolates on to the terminal."""
    return STRATEGIES[mode].isolates


def interface_isolates(text: str, positions: Sequence[int]) -> tuple[str, list[int]]:
    """*text* (a logical line holding the interface's isolates, each FSI resolved, each
    opened and closed on the line; *positions* its map) as a terminal that orders is
    sent it, and its map: an LRM after each LRI, mapped to it. (VTE put the two numbers
    of an isolated date, "2015-08-11 14:14", in right-to-left order when it followed
    another isolate; a strong letter at its start keeps them in order.)"""
    chars: list[str] = []
    mapped: list[int] = []
    for ch, at in zip(text, positions, strict=True):
        chars.append(ch)
        mapped.append(at)
        if ch == LRI:
            chars.append(LRM)
            mapped.append(at)
    return "".join(chars), mapped


#: The interface's isolates as embeddings (LRI/RLI -> LRE/RLE, PDI -> PDF), for mlterm,
#: which draws isolate controls as boxes but lays embeddings out (zero cells wide).
_AS_EMBEDDINGS = str.maketrans({LRI: "\u202a", RLI: RTL_OPEN, PDI: RTL_CLOSE})


def isolates_as_embeddings(text: str) -> str:
    """*text* (laid out with the interface's isolates, each FSI resolved) with each
    isolate sent as the embedding of the same direction: what mlterm takes for a line
    outside the app's panes (a message), where an embedding's zero-width marks move no
    border. (Inside a pane they would: see ``TERMINAL_FORMS``.)"""
    return text.translate(_AS_EMBEDDINGS)


# Arabic letters, presentation forms and Arabic-Indic digits: what makes a word one
# that kitty flips. Harakat are in the Arabic block too and ride with their letter.
# (_ARABIC and _FLIPPED_BY_KITTY are pattern sources: the re module compiles and caches
# each on first use, which most runs, cat among them, never reach.)
_ARABIC = "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
_WORD = re.compile("[^ ]+")
# What makes a word one kitty flips: a character of the Arabic script. Punctuation the
# script shares with others (Scripts.txt: Common: the Arabic comma, semicolon and
# question mark, tatweel, the number signs, ALM, the ornate parentheses) does not: kitty
# draws "iPad،" or "2015،" left to right as sent, so they must not be sent backwards
# (the seed's "iPad Mini،" and "@OnLeaks،" showed "daPi" and "skaeLnO@").
_FLIPPED_BY_KITTY = (
    "[\u0600-\u0604\u0606-\u060b\u060d-\u061a\u061d\u061e\u0620-\u063f"
    "\u0641-\u06dc\u06de-\u06ff\u0750-\u077f\u08a0-\u08e1\u08e3-\u08ff"
    "\ufb50-\ufd3d\ufd40-\ufdff\ufe70-\ufefe]")


def may_slant(text: str) -> bool:
    """Whether *text* may be drawn in italic: not when it holds Arabic. Arabic has no
    italic, and terminals' oblique faces (DejaVu Sans Mono Oblique) have no Arabic
    glyphs: the fallback font then draws boxes (mlterm) or is shaped as one run across
    the spaces, so kitty flips a whole phrase instead of each word and the words come
    out in reverse order."""
    return re.search(_ARABIC, text) is None


def _reverse_word(text: str, positions: list[int], start: int, end: int,
                  mirror: dict[int, int]) -> tuple[str, list[int]]:
    """*text[start:end]* backwards by clusters (a letter keeps its harakat after it),
    brackets swapped; *positions* follow their characters."""
    from unicodedata import combining

    clusters: list[tuple[int, int]] = []
    for i in range(start, end):
        if clusters and combining(text[i]):
            first, _ = clusters[-1]
            clusters[-1] = (first, i + 1)
        else:
            clusters.append((i, i + 1))
    chars: list[str] = []
    mapped: list[int] = []
    for first, last in reversed(clusters):
        for i in range(first, last):
            chars.append(chr(mirror.get(ord(text[i]), ord(text[i]))))
            mapped.append(positions[i])
    return "".join(chars), mapped


def flip_words(text: str, positions: Sequence[int]) -> tuple[str, list[int]]:
    """Each space-separated word of *text* holding an Arabic letter, backwards by clusters
    with its brackets swapped (NBSP stays inside a word; digits and Latin words alone are
    left as they are, with an Arabic comma beside them too). Returns the text and
    *positions* permuted with its characters."""
    from reader.text.bidi.mirroring import MIRROR_TABLE

    pieces: list[str] = []
    mapped: list[int] = []
    position_list = list(positions)
    at = 0
    flipped_by_kitty = re.compile(_FLIPPED_BY_KITTY)
    for match in _WORD.finditer(text):
        start, end = match.span()
        pieces.append(text[at:start])
        mapped.extend(position_list[at:start])
        if flipped_by_kitty.search(text, start, end):
            word, word_map = _reverse_word(text, position_list, start, end, MIRROR_TABLE)
        else:
            word, word_map = text[start:end], position_list[start:end]
        pieces.append(word)
        mapped.extend(word_map)
        at = end
    pieces.append(text[at:])
    mapped.extend(position_list[at:])
    return "".join(pieces), mapped


#: What Konsole's bidi takes as a strong left-to-right letter besides the letters: every
#: box-drawing, block and geometric-shape character (U+2500-U+25FF; its profile's
#: "BidiTableDirOverride", on by default, gives ICU a class callback saying so).
#: Mapped to a Latin letter, they give the reader's own bidi rules the classes Konsole's use.
_KONSOLE_CLASSES = {cp: "a" for cp in range(0x2500, 0x2600)}


#: How far :func:`konsole_edges` looks for a letter on either side of a line.
_EDGE_REACH = 256
_STRONG = {"L": "L", "R": "R", "AL": "AL"}


def wants_edges(mode: str) -> bool:
    """Whether *mode* is one of Konsole's forms, whose lines take :func:`konsole_edges`."""
    strategy = STRATEGIES[mode]
    return strategy.mirrors and not strategy.reorders and strategy.marked


def konsole_edges(paragraph: str, start: int, end: int, rtl: bool) -> tuple[str, str]:
    """The marks to send at the two ends of the line ``paragraph[start:end]`` (inside its
    embedding) so that Konsole, which orders the line alone, sees the letters the
    paragraph has on either side of it, as the layout did: a neutral at the line's edge
    ("zbackground:" ending a Latin line of an Arabic paragraph before more Latin) takes
    their direction (rule N1), and a number opening the line is an Arabic number after
    an Arabic letter (W2) and a left-to-right one after a Latin letter (W7).

    Only what differs from what Konsole assumes is sent: a right-to-left line's
    embedding starts and ends as right to left, a left-to-right line as left to right.
    (Paragraphs holding embeddings or isolates are not looked into:
    :func:`has_explicit_controls`; each side is looked at up to 256 characters away.)"""
    before = _strong_before(paragraph, start)
    after = _direction_after(paragraph, end)
    if rtl:
        opens_with_number = _first_type(paragraph, start, end) == "EN"
        lead = LRM if before == "L" else ALM if before == "AL" and opens_with_number else ""
        return lead, LRM if after == "L" else ""
    return {"R": RLM, "AL": ALM}.get(before or "", ""), RLM if after == "R" else ""


@lru_cache(maxsize=4)
def has_explicit_controls(text: str) -> bool:
    """Whether *text* holds an embedding, override or isolate control (or a PDF/PDI):
    where :func:`konsole_edges` would have to follow the controls' nesting, and does not.
    (Marks, LRM, RLM and ALM, are letters to it, as to the rules.) Asked once per line
    of a paragraph: cached, so a long paragraph is searched once, not once a line."""
    return re.search("[\u202a-\u202e\u2066-\u2069]", text) is not None


def _strong_before(paragraph: str, at: int) -> str | None:
    """The class (L, R or AL) of the last letter of *paragraph* before index *at*."""
    from reader.text.bidi.classes import bidi_class

    for i in range(at - 1, max(at - _EDGE_REACH, 0) - 1, -1):
        kind = _STRONG.get(bidi_class(paragraph[i]))
        if kind:
            return kind
    return None


def _first_type(paragraph: str, start: int, end: int) -> str | None:
    """The first class of ``paragraph[start:end]`` that is a letter's or a number's."""
    from reader.text.bidi.classes import bidi_class

    for i in range(start, min(end, start + _EDGE_REACH)):
        kind = bidi_class(paragraph[i])
        if kind in ("L", "R", "AL", "EN", "AN"):
            return kind
    return None


def _direction_after(paragraph: str, at: int) -> str | None:
    """The direction (L or R) rule N1 gives the first letter or number of *paragraph*
    from index *at* on: a number is right to left, unless a Latin letter is the last
    letter before it (W7)."""
    from reader.text.bidi.classes import bidi_class

    for i in range(at, min(at + _EDGE_REACH, len(paragraph))):
        kind = bidi_class(paragraph[i])
        if kind == "L":
            return "L"
        if kind in ("R", "AL", "AN"):
            return "R"
        if kind == "EN":
            return "L" if _strong_before(paragraph, i) == "L" else "R"
    return None


def _konsole_line(text: str, mapped: list[int], embedded: bool, edges: tuple[str, str]
                  ) -> tuple[str, list[int]]:
    """A line's text (inside its embedding, if *embedded*) in Konsole's form: the
    *edges* marks around it, each bracket swapped as Konsole needs it."""
    lead, trail = edges
    if text and (lead or trail):
        text = lead + text + trail
        mapped = [*[mapped[0]] * len(lead), *mapped, *[mapped[-1]] * len(trail)]
    return mirror_for_konsole(text, mapped, embedded)


def mirror_for_konsole(text: str, mapped: list[int], embedded: bool
                       ) -> tuple[str, list[int]]:
    """*text* (logical order; *mapped* its map) with each mirrored character (a bracket, a
    guillemet, ``›``) that Konsole will put at an odd embedding level replaced by its
    mirror glyph: rule L4, which Konsole never applies. Returns the text and its map.

    Konsole (22.12 and later, bidi on) hands each row to ICU's ``ubidi_setPara`` as one
    paragraph at level 0 and takes only the positions from it (``ubidi_getVisualMap``);
    each cell is then drawn with its own character, so a bracket at an odd level keeps
    the glyph it was sent with (``TerminalDisplay::bidiMap``, ``TerminalPainter::
    drawContents``). ICU runs the whole algorithm, bracket pairs (BD16, N0) included, but
    only on what the row holds: a pair a line break cut in two is two lone brackets there,
    each resolved by its neighbours on the row. So the levels that count are those of the
    line as Konsole sees it, not the paragraph's: *embedded* lines are sent inside RLE ...
    PDF, an embedding at level 1 whose neighbours are at level 0, which ICU resolves as a
    right-to-left paragraph of the line alone; other lines as a left-to-right one.

    ICU pairs the brackets it is sent, though: a swapped ``(`` can pair with a ``)`` the
    original did not pair it with, and a swapped pair ``)…(`` is no pair, so the swap can
    move brackets. When it would, each swapped bracket goes in a right-to-left isolate of
    its own between two RLMs (RLM, RLI, the glyph, PDI, RLM): BD16 pairs nothing across an
    isolate's edge, the RLMs give its neighbours the right-to-left letter the bracket was
    to them (whether a pair or its neighbours resolved it), and the glyph sits at an odd
    level between the isolate's two controls. (Kept only where that gives the original's
    order; otherwise the plain swap is sent.)
    """
    if not _has_mirrored(text):
        return text, mapped
    from reader.text.bidi import reorder_line
    from reader.text.bidi.mirroring import BRACKET_CHARS, MIRROR_TABLE

    base = int(embedded)
    para = _konsole_paragraph(text, base)
    swapped = "".join(chr(MIRROR_TABLE[ord(ch)]) if level & 1 and ord(ch) in MIRROR_TABLE
                      else ch for ch, level in zip(text, para.levels, strict=True))
    if swapped == text:
        return text, mapped
    if not any(new != ch and ch in BRACKET_CHARS for ch, new in zip(text, swapped, strict=True)):
        return swapped, mapped  # guillemets, arrows: no bracket pair (BD16) can change
    swapped_para = _konsole_paragraph(swapped, base)
    if swapped_para.levels == para.levels:  # the same levels: the same order
        return swapped, mapped
    order = reorder_line(para, 0, len(text))
    if reorder_line(swapped_para, 0, len(swapped)) == order:
        return swapped, mapped
    for pin in ((RLI,), (RLM, RLI)):  # the isolate alone, then with the RLMs
        pinned, pinned_map, own = _pinned_brackets(text, swapped, mapped, pin, BRACKET_CHARS)
        if _order_of_own(pinned, own, base) == order:
            return pinned, pinned_map
    return swapped, mapped


def _pinned_brackets(text: str, swapped: str, mapped: list[int], pin: tuple[str, ...],
                     brackets: frozenset[str]) -> tuple[str, list[int], list[int]]:
    """*swapped* with each bracket it swapped held in *pin* (opening characters, closed
    in the mirror order: RLI ... PDI, RLM RLI ... PDI RLM), its map, and the index in it
    of each character of *text*."""
    closing = tuple({RLI: PDI}.get(ch, ch) for ch in reversed(pin))
    chars: list[str] = []
    pinned_map: list[int] = []
    own: list[int] = []
    for ch, new, at in zip(text, swapped, mapped, strict=True):
        if new != ch and ch in brackets:
            own.append(len(chars) + len(pin))
            chars += (*pin, new, *closing)
            pinned_map += [at] * (2 * len(pin) + 1)
        else:
            own.append(len(chars))
            chars.append(new)
            pinned_map.append(at)
    return "".join(chars), pinned_map, own


def _order_of_own(text: str, own: list[int], base: int) -> list[int]:
    """The visual order Konsole gives the characters of *text* at the indexes *own*,
    numbered in that list. (The isolates' controls take part in ordering: at the outer
    level, they keep the glyph inside them out of a run of a higher level beside it.)"""
    number = {at: i for i, at in enumerate(own)}
    return [number[i] for i in _konsole_order(text, base) if i in number]


def _konsole_paragraph(text: str, base: int) -> BidiParagraph:
    """*text* resolved as Konsole's bidi resolves it as a paragraph at level *base*."""
    from reader.text.bidi import paragraph_levels

    return paragraph_levels(text.translate(_KONSOLE_CLASSES), base_level=base)


def _konsole_order(text: str, base: int) -> list[int]:
    """The visual order Konsole gives *text* as a paragraph at level *base* (a mark
    stays in the cell of the letter before it)."""
    from reader.text.bidi import reorder_line

    return reorder_line(_konsole_paragraph(text, base), 0, len(text))


def _has_mirrored(text: str) -> bool:
    """Whether *text* holds a character with a mirror glyph (one C-level search)."""
    global _MIRRORED
    if _MIRRORED is None:
        from reader.text.bidi.mirroring import MIRROR_TABLE

        _MIRRORED = re.compile("[" + "".join(map(re.escape, map(chr, sorted(MIRROR_TABLE)))) + "]")
    return _MIRRORED.search(text) is not None


_MIRRORED: re.Pattern[str] | None = None


# A run of geometric shapes and the spaces that part it from the text.
_LEADING_SYMBOLS = re.compile("[\u25a0-\u25ff]+ *")
_TRAILING_SYMBOLS = re.compile(" *[\u25a0-\u25ff]+$")


def symbols_in_place(text: str, positions: list[int]) -> tuple[str, str, str, list[int]]:
    """A right-to-left logical *text* split as Konsole needs it: (the run of symbols
    ending it, as it shows: reversed; the text between; the run starting it, reversed),
    and *positions* in that order."""
    lead = _LEADING_SYMBOLS.match(text)
    start = lead.end() if lead else 0
    trail = _TRAILING_SYMBOLS.search(text, start)
    end = trail.start() if trail else len(text)
    mapped = [*positions[end:][::-1], *positions[start:end], *positions[:start][::-1]]
    return text[end:][::-1], text[start:end], text[:start][::-1], mapped


#: Bidi classes that take their direction from their neighbours (and the paragraph's).
_NEUTRAL_CLASSES = frozenset({"ON", "CS", "ES", "ET", "WS", "S", "B", "BN"})


def _paired_brackets(text: str) -> set[int]:
    """Indexes of the brackets of *text* that have their partner in it (BD16, without
    its 63-deep limit): such a pair takes the direction of what it encloses (rule N0)."""
    from reader.text.bidi.mirroring import CLOSING_BRACKETS, OPENING_BRACKETS

    paired: set[int] = set()
    opened: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch in OPENING_BRACKETS:
            opened.append((OPENING_BRACKETS[ch], i))
        elif ch in CLOSING_BRACKETS:
            key = CLOSING_BRACKETS[ch]
            for depth in range(len(opened) - 1, -1, -1):
                if opened[depth][0] == key:
                    paired.update((opened[depth][1], i))
                    del opened[depth:]
                    break
    return paired


def ends_in_place(text: str, positions: Sequence[int]) -> tuple[str, list[int]]:
    """A right-to-left logical *text* for a terminal that lays it out as a left-to-right
    paragraph and takes no marks (mlterm): the neutral run ending it ("." "»!" "،")
    sent first and the one starting it ("«", the relevance bar) sent last, each
    reversed and mirrored, as they show in a right-to-left line. Left where they are:
    brackets paired inside the line (the terminal's rule N0 gives them the
    direction of what they enclose), and a line with no strong character."""
    from reader.text.bidi.classes import bidi_class
    from reader.text.bidi.mirroring import MIRROR_TABLE

    paired = _paired_brackets(text)

    def movable(i: int) -> bool:
        return bidi_class(text[i]) in _NEUTRAL_CLASSES and i not in paired

    start = 0
    while start < len(text) and movable(start):
        start += 1
    if start == len(text):
        return text, list(positions)
    end = len(text)
    while movable(end - 1):
        end -= 1
    lead, trail = text[:start], text[end:]
    shown = (trail[::-1].translate(MIRROR_TABLE) + text[start:end]
             + lead[::-1].translate(MIRROR_TABLE))
    return shown, [*positions[end:][::-1], *positions[start:end], *positions[:start][::-1]]


_LIGATURES = re.compile("[\ufef5-\ufefc]")


def only_ligatures(shaped: str, source: Sequence[int], logical: str) -> str:
    """*shaped* (presentation forms, ``source`` giving each char's index in *logical*)
    with every char but the lam-alef ligatures put back as it is in *logical*."""
    if not _LIGATURES.search(shaped):
        return "".join(logical[i] if 0 <= i < len(logical) else ch
                       for ch, i in zip(shaped, source, strict=True))
    return "".join(
        ch if "\ufef5" <= ch <= "\ufefc" or not 0 <= i < len(logical) else logical[i]
        for ch, i in zip(shaped, source, strict=True))


def _starts_right_to_left(text: str) -> bool:
    """Whether the first strong letter of *text* (which holds no bidi control) is a
    right-to-left one: what mlterm lays a stretch of a row out from (rules P2/P3)."""
    from reader.text.bidi.classes import classify
    from reader.text.bidi.reference import first_strong_level

    return first_strong_level(classify(text)) == 1


def aligns_rows_itself(mode: str) -> bool:
    """Whether the terminal *mode* is for lays a row starting with an Arabic letter out
    from the right itself, aligning it there (mlterm, ``terminal-mlterm``): interface
    text the UI aligns (a title, a status line) then starts at the left, as logical text
    does, and the terminal takes it to the right (right-aligned by the UI, it came out at
    the left: its padding went to the right)."""
    return STRATEGIES[mode].ends_apart


def fill_end(mode: str, text: str, rtl: bool) -> str:
    """What ends the fill of a line of *text* (as the layout made it for *mode*) padded
    on its right, or "" for a line padded as its alignment says.

    mlterm (``terminal-mlterm``, told to part a row's stretches at its borders: see
    ``reader.ui.terminal``) lays each stretch out as a paragraph of its own, in the
    direction of its first strong letter: a right-to-left line starting with an Arabic
    letter then reads right whole, a Latin run inside it ("iPad mini 4") and its
    punctuation in place, but its logical end is on the left. So it is filled after its
    text, and the fill ends in :data:`MLTERM_FILL_END`, which takes it to the left."""
    if rtl and text and STRATEGIES[mode].ends_apart and _starts_right_to_left(text):
        return MLTERM_FILL_END
    return ""


def finish_line(mode: str, text: str, positions: Sequence[int], rtl: bool, *,
                marks: bool = True, edges: tuple[str, str] = ("", "")
                ) -> tuple[str, tuple[int, ...] | None]:
    """The last step of laying out a line for *mode*: what the strategy adds to the text
    the layout made (visual for reordering modes, logical otherwise). *edges*: the marks
    for Konsole's forms (:func:`konsole_edges`).

    Returns the text and its map (None: *text* and *positions* are unchanged, so the
    caller keeps its own, possibly lazy, map).
    """
    strategy = STRATEGIES[mode]
    marked = strategy.marked and marks
    ends_apart = strategy.ends_apart and rtl and not _starts_right_to_left(text)
    if not (marked or ends_apart or strategy.words_flipped or
            (strategy.mirrors and not strategy.reorders)):
        return text, None
    mapped = list(positions)
    if ends_apart:
        text, mapped = ends_in_place(text, mapped)
    if strategy.words_flipped:
        text, mapped = flip_words(text, mapped)
    konsole_mirrors = strategy.mirrors and not strategy.reorders
    symbols_apart = marked and rtl and strategy.symbols_apart and bool(text)
    if konsole_mirrors and not symbols_apart:
        text, mapped = _konsole_line(text, mapped, marked and rtl, edges)
    if marked and text:
        end = LRM if strategy.lrm else ""
        if symbols_apart:
            before, core, after, mapped = symbols_in_place(text, mapped)
            if konsole_mirrors:  # the embedding holds the core alone
                a, b = len(before), len(before) + len(core)
                core, core_map = _konsole_line(core, mapped[a:b], True, edges)
                mapped = [*mapped[:a], *core_map, *mapped[b:]]
            if core:
                a, b = len(before), len(before) + len(core)
                text = before + RTL_OPEN + core + RTL_CLOSE + after + end
                mapped = [*mapped[:a], mapped[a], *mapped[a:b], mapped[b - 1], *mapped[b:],
                          *[mapped[-1]] * len(end)]
                return text, tuple(mapped)
            text = before + after
        first, last = (mapped[0], mapped[-1])
        if rtl:
            text = RTL_OPEN + text + RTL_CLOSE + end
            mapped = [first, *mapped, *[last] * (1 + len(end))]
        elif end:
            text = text + end
            mapped = [*mapped, last]
    return text, tuple(mapped)
