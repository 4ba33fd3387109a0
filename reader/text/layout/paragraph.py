"""A paragraph's width-independent work (pipeline steps 2-4), done once per options.

Base direction and levels, shaping with its map to the logical text (a lam-alef
ligature's alef owning the ligature's glyph), and the facts the line builders choose
their strategy by (bidi controls present, Bidi_Class codes of the shaped text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reader.text import isolates, output
from reader.text.layout.options import LayoutOptions
from reader.text.sanitize import BIDI_CONTROLS
from reader.text.shaping import HARAKAT, ZWJ, ShapedText, Shaper, strip_chars
from reader.text.wrap import WordTable

_BIDI_CONTROL = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_DROP_UNSHAPED = frozenset({ZWJ})
_DROP_UNSHAPED_NO_HARAKAT = frozenset({ZWJ, *HARAKAT})


class PreparedParagraph:
    """The width-independent work for one paragraph and one (mode, shape, harakat).

    A plain class: some attributes are filled in on first use, and a dataclass would
    cost its generated methods at import, before the app's first paint.
    """

    __slots__ = ("backward", "backward_order", "has_controls", "inverse", "levels",
                 "shaped", "shaped_classes", "words")

    def __init__(self, shaped: ShapedText, inverse: list[int] | None, levels: Any,
                 has_controls: bool, shaped_classes: str | None = None) -> None:
        self.shaped = shaped
        #: logical index -> shaped index (-1: no glyph); None: identity
        self.inverse = inverse
        #: reader.text.bidi.BidiParagraph in app mode, else None
        self.levels = levels
        #: bidi controls in the shaped text (to drop when drawing)
        self.has_controls = has_controls
        #: app mode, paragraphs without explicit formatting or X9-removed characters: the
        #: Bidi_Class codes of the shaped text, for reordering uniform lines by clusters
        self.shaped_classes = shaped_classes
        #: right-to-left paragraphs on that path: the shaped text in cluster-reversed
        #: order (mirrored), and that order as shaped indices; each built on first use
        self.backward: str | None = None
        self.backward_order: Sequence[int] | None = None
        #: the shaped text's words measured once, for wrapping at any width
        self.words: WordTable | None = None


LAM_ALEF_GLYPHS = re.compile("[\ufef5-\ufefc]")
LAM_ALEF_SET = frozenset(chr(c) for c in range(0xFEF5, 0xFEFD))
_ALEFS = frozenset("\u0622\u0623\u0625\u0627")
_LAM = "\u0644"


def _own_ligature_tails(text: str, shaped: ShapedText, inverse: list[int]) -> list[int]:
    """Give the alef of each lam-alef ligature the ligature's glyph in ``inverse``.

    In visual order the alef comes before its lam (right-to-left), and harakat
    written on the alef follow it: drawing the ligature where the alef is
    keeps those harakat right after the ligature. A ligature glyph that was in
    the text already (not made by shaping a lam and an alef) has no alef to own.
    Returns the indices of the alefs given a glyph (in increasing order).
    """
    owned = []
    for match in LAM_ALEF_GLYPHS.finditer(shaped.text):
        k = match.start()
        i = shaped.source[k]
        if text[i] != _LAM:
            continue
        i += 1
        while i < len(text) and text[i] not in _ALEFS:
            i += 1
        if i < len(text) and inverse[i] < 0:
            inverse[i] = k
            owned.append(i)
    return owned


_SHAPERS: dict[str, Shaper] = {}


def _shaper(harakat: str) -> Shaper:
    """One shaper per harakat setting for the whole process: its word cache
    serves every document (the next article shares most words)."""
    shaper = _SHAPERS.get(harakat)
    if shaper is None:
        shaper = _SHAPERS[harakat] = Shaper(harakat)
    return shaper


def forget_shaped_words() -> None:
    """Drop the process's shapers and the words they cached (benchmarks measuring a
    first layout)."""
    _SHAPERS.clear()


def shape_paragraph(text: str, options: LayoutOptions) -> ShapedText:
    """Step 3 of the pipeline for one sanitized paragraph (or a run of its words:
    shaping never joins across a space, so words shape alike alone or in context)."""
    return shape_owning_tails(text, options)[0]


def shape_owning_tails(text: str, options: LayoutOptions) -> tuple[ShapedText, list[int]]:
    """:func:`shape_paragraph`, and the alefs its ligatures took (see _own_ligature_tails)."""
    if options.shape and output.shapes(options.mode):
        shaped = _shaper(options.harakat).shape(text)
        if output.STRATEGIES[options.mode].ligatures_only:
            shaped = shaped._replace(
                text=output.only_ligatures(shaped.text, shaped.source, text))
    else:
        drop = _DROP_UNSHAPED if options.harakat == "keep" else _DROP_UNSHAPED_NO_HARAKAT
        shaped = strip_chars(text, drop)
    if shaped.inverse is None:
        return shaped, []
    return shaped, _own_ligature_tails(text, shaped, shaped.inverse)


def classes_without(classes: str, removed: list[int]) -> str:
    """``classes`` without the codes at the (increasing) indices ``removed``."""
    firsts = [0, *[i + 1 for i in removed]]
    return "".join(map(classes.__getitem__, map(slice, firsts, [*removed, len(classes)])))


def prepare_paragraph(
    text: str,
    shaped: ShapedText,
    options: LayoutOptions,
    base: int,
    shaped_classes: Callable[[], str] | None = None,
    levels: Any = None,
) -> PreparedParagraph:
    """The width-independent work for one paragraph, its shaping done (steps 2-4).

    ``shaped_classes``, when given, returns the Bidi_Class codes of ``shaped.text``
    (an editor splices them from the previous text's instead of classifying it all);
    ``levels``, when given, are the paragraph's resolved levels (``app`` mode).
    """
    app = output.needs_levels(options.mode)
    if not app:
        levels = None
    elif levels is None:
        from reader.text import bidi

        levels = isolates.levels_isolating_addresses(text, base)
    has_controls = _BIDI_CONTROL.search(shaped.text) is not None
    classes = None
    if (app and output.reorders(options.mode) and not has_controls
            and not explicit_or_removed(levels.classes)):
        from reader.text import bidi

        if shaped.inverse is None and glyphs_keep_bidi_classes():
            classes = levels.classes  # one glyph per char, of the char's class
        elif shaped_classes is not None:
            classes = shaped_classes()
        else:
            classes = bidi.classify(shaped.text)
    return PreparedParagraph(shaped, shaped.inverse, levels, has_controls, classes)


@lru_cache(maxsize=1)
def glyphs_keep_bidi_classes() -> bool:
    """Whether every letter's presentation forms have the letter's Bidi_Class (so the
    classes of shaped text without ligatures are those of the logical text)."""
    from reader.text import bidi
    from reader.text.reshaper_tables import letters_arabic

    return all(
        bidi.bidi_class(glyph) == bidi.bidi_class(letter)
        for letter, forms in letters_arabic().items()
        for glyph in forms
        if glyph
    )


@lru_cache(maxsize=1)
def ligatures_keep_bidi_classes() -> bool:
    """Whether glyphs keep their letter's Bidi_Class and each lam-alef ligature has the
    class of lam (so shaped text has the classes of the letters it draws)."""
    from reader.text import bidi

    return glyphs_keep_bidi_classes() and all(
        bidi.bidi_class(glyph) == bidi.bidi_class(_LAM) for glyph in LAM_ALEF_SET
    )


EXPLICIT_OR_REMOVED = re.compile("[1-9b]")  # embeddings, overrides, isolates, PDF, BN


def explicit_or_removed(classes: str) -> bool:
    """Whether ``classes`` has explicit formatting or X9-removed codes (the only ones
    that are digits, and ``b``): searches for one letter and a C-level ``isalpha`` first."""
    if "b" in classes:
        return True
    return not classes.isalpha() and EXPLICIT_OR_REMOVED.search(classes) is not None
