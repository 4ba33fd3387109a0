"""Arabic letter joining, as arabic-reshaper does it, with a map back to the logical text.

Terminals do not join Arabic letters, so the reader replaces each letter with
the presentation form (isolated, initial, medial, final) it takes in its word,
and lam-alef pairs with their ligature, using arabic-reshaper's letter and
ligature tables and rules. This module adds what the layout needs and
arabic-reshaper lacks:

- a map from every shaped character to the index of the logical character it
  draws (a ligature maps to its first letter), so carets, search hits and
  copying can go back to the logical text;
- speed: ``arabic_reshaper.reshape`` costs ~4 s per MB (a regex match and
  configparser lookups per call and per character), more than the whole
  layout budget. Shaping never joins across a space (a space is no letter, so
  the letter after it starts a new joining context, and no enabled ligature
  contains a space), so a paragraph is shaped word by word, each distinct
  word once (text is Zipfian: the 1.75 MB Tashkeela file has 125k words but
  28k distinct ones), by a lean re-statement of arabic-reshaper's algorithm.
  Most paragraphs take a faster path still: the same rules as whole-paragraph
  string and big-integer operations (see "Whole-paragraph shaping" below),
  which does not depend on a warm word cache (vocalised text repeats few words).
  The tests check the output is identical to ``ArabicReshaper.reshape`` with
  :func:`reshaper_configuration` on every paragraph of the corpus and on
  generated Arabic text.

Configuration (see :func:`reshaper_configuration`):

- harakat are kept by default (arabic-reshaper deletes them unless told not
  to); ``harakat="strip"`` removes them;
- tatweel is kept (it is a letter the writer chose);
- only the four lam-alef ligatures (لا لأ لإ لآ) are on: they are obligatory
  in Arabic writing, and a font's presentation forms draw them in one cell.
  Word ligatures (ALLAH U+FDF2 and the rest) are off: arabic-reshaper matches
  them inside longer words (``اللهجة`` "the dialect" would show the ALLAH
  sign), a four-letter word squeezed into one monospace cell is hard to read,
  and few terminal fonts have those glyphs. Sentence ligatures and the
  optional two-letter ligatures (U+FC00 block) are off for the same reasons.
- harakat are *not* moved by the reshaper (``shift_harakat_position``): the
  bidi reordering puts every mark after its base in the visual string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, chain, compress, count, repeat
from operator import mul, sub
from typing import NamedTuple

from reader.text.charset import character_set
from reader.text.reshaper_tables import letters_arabic, ligatures

__all__ = [
    "HARAKAT",
    "ShapedText",
    "Shaper",
    "reshaper_configuration",
    "strip_chars",
]

#: Combining Arabic marks as arabic-reshaper knows them (its HARAKAT_RE, which the
#: ``delete_harakat`` option removes). ``--harakat strip`` removes exactly these.
HARAKAT = frozenset(
    chr(c)
    for lo, hi in (
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06DC),
        (0x06DF, 0x06E8),
        (0x06EA, 0x06ED),
        (0x08D4, 0x08FF),
    )
    for c in range(lo, hi + 1)
    if c != 0x08E2  # ARABIC DISPUTED END OF AYAH: a format char, not in HARAKAT_RE
)

ZWJ = "\u200d"

#: The ligatures enabled on top of the letter joining (see the module docstring).
LIGATURES_ON = (
    "ARABIC LIGATURE LAM WITH ALEF",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
    "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
)


def reshaper_configuration(harakat: str = "keep") -> dict[str, object]:
    """The arabic-reshaper configuration the reader uses (also used by the tests)."""
    if harakat not in ("keep", "strip"):
        raise ValueError(f"harakat must be 'keep' or 'strip', not {harakat!r}")
    config: dict[str, object] = {
        "language": "Arabic",
        "delete_harakat": harakat == "strip",
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": True,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
    }
    for name, _replacement in ligatures():
        config[name] = name in LIGATURES_ON
    return config


class ShapedText(NamedTuple):
    """A shaped string and, for each of its characters, the logical index it draws."""

    text: str
    source: Sequence[int]
    #: for each logical index, the shaped char drawing it (-1: none, such as the alef of
    #: a ligature or a removed char); ``None`` when ``source`` is the identity
    inverse: list[int] | None = None


@lru_cache(maxsize=1)
def _shaped_chars() -> re.Pattern[str]:
    """Finds the characters shaping changes (letters, ZWJ, harakat): a word without
    any is left as it is."""
    changed = "".join(sorted(set(letters_arabic()) | HARAKAT | {ZWJ}))
    return re.compile("[" + re.escape(changed) + "]")


def strip_chars(text: str, drop: frozenset[str] | set[str]) -> ShapedText:
    """``text`` without the characters in ``drop``, with the map back to ``text``."""
    if drop.isdisjoint(set(text)):
        return ShapedText(text, range(len(text)))
    kept = [i for i, ch in enumerate(text) if ch not in drop]
    inverse = [-1] * len(text)
    for k, i in enumerate(kept):
        inverse[i] = k
    return ShapedText("".join(text[i] for i in kept), kept, inverse)


_NOT_SUPPORTED = -1
_ISOLATED, _INITIAL, _MEDIAL, _FINAL = 0, 1, 2, 3


@lru_cache(maxsize=1)
def _joining() -> tuple[dict[str, tuple[str, str, str, str]], frozenset[str], frozenset[str],
                        frozenset[str], dict[str, tuple[str, str]]]:
    """arabic-reshaper's letter table and the joining classes derived from it."""
    letters = letters_arabic()
    joins_before = frozenset(k for k, f in letters.items() if f[_FINAL] or f[_MEDIAL])
    joins_after = frozenset(k for k, f in letters.items() if f[_INITIAL] or f[_MEDIAL])
    joins_both = frozenset(k for k, f in letters.items() if f[_MEDIAL])
    # lam-alef: the alef that follows lam -> (isolated form, final form) of the ligature
    lam_alef: dict[str, tuple[str, str]] = {}
    for name, (match, forms) in ligatures():
        if name in LIGATURES_ON:
            assert len(match) == 2 and match[0] == "\u0644", name
            lam_alef[match[1]] = (forms[_ISOLATED], forms[_FINAL])
    return letters, joins_before, joins_after, joins_both, lam_alef


def _shape_word(word: str, keep_harakat: bool) -> tuple[str, tuple[int, ...]]:
    """Shape one word (no space) exactly as arabic-reshaper does, with the map.

    The same joining rules as ``ArabicReshaper.reshape`` (a letter joins the one
    before it when that one joins after it, and a final letter that cannot be
    medial stays final), then lam-alef ligatures found on the text without
    harakat, then harakat re-inserted after the glyph they followed.

    ZWJ joins on both sides and is then dropped, as in arabic-reshaper; unlike
    arabic-reshaper, whose ZWJ removal shifts its indices (it then puts harakat
    and ligatures on the wrong letters, or raises IndexError on "\u200dلآ"),
    harakat stay on their letters. The corpus has no ZWJ.
    """
    letters, joins_before, joins_after, joins_both, lam_alef = _joining()
    chars: list[str] = []  # one entry per non-haraka char
    forms: list[int] = []
    origin: list[int] = []
    marks: dict[int, list[int]] = {}  # output position -> source indices of its harakat
    for i, ch in enumerate(word):
        if ch in HARAKAT:
            if keep_harakat:
                marks.setdefault(len(chars) - 1, []).append(i)
            continue
        if ch not in letters:
            form = _NOT_SUPPORTED
        elif not chars:
            form = _ISOLATED
        else:
            prev, prev_form = chars[-1], forms[-1]
            if (
                prev_form == _NOT_SUPPORTED
                or ch not in joins_before
                or prev not in joins_after
                or (prev_form == _FINAL and prev not in joins_both)
            ):
                form = _ISOLATED
            elif prev_form == _ISOLATED:
                forms[-1] = _INITIAL
                form = _FINAL
            else:
                forms[-1] = _MEDIAL
                form = _FINAL
        chars.append(ch)
        forms.append(form)
        origin.append(i)

    out: list[str] = []
    src: list[int] = []
    for i in marks.get(-1, ()):
        out.append(word[i])
        src.append(i)
    skip_next = False
    last = len(chars) - 1
    for k, ch in enumerate(chars):
        if skip_next:
            skip_next = False
        else:
            form = forms[k]
            if ch == "\u0644" and k < last and chars[k + 1] in lam_alef:
                isolated, final = lam_alef[chars[k + 1]]
                glyph = isolated if form in (_ISOLATED, _INITIAL) else final
                skip_next = True
            elif form == _NOT_SUPPORTED:
                glyph = ch
            else:
                glyph = letters[ch][form]
            if glyph and glyph != ZWJ:
                out.append(glyph)
                src.append(origin[k])
        for i in marks.get(k, ()):
            out.append(word[i])
            src.append(i)
    return "".join(out), tuple(src)


class Shaper:
    """Shapes paragraphs; one instance per harakat setting, with a per-word cache.

    The cache holds, per distinct space-separated word, its shaped form and the
    map of its shaped characters to offsets in the word (``None`` when the map
    is the identity, the common case for words without lam-alef or ZWJ).
    """

    def __init__(self, harakat: str = "keep", *, cache_size: int = 200_000) -> None:
        if harakat not in ("keep", "strip"):
            raise ValueError(f"harakat must be 'keep' or 'strip', not {harakat!r}")
        self.harakat = harakat
        self._cache: dict[str, tuple[str, tuple[int, ...] | None]] = {}
        self._texts: dict[str, str] = {}  # word -> shaped word, for shape_text
        self._cache_size = cache_size
        self._needs_shaping = _shaped_chars().search

    def shape_word(self, word: str) -> tuple[str, tuple[int, ...] | None]:
        """Shaped ``word`` and its map (``None`` = identity); cached."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if self._needs_shaping(word) is None:
            result: tuple[str, tuple[int, ...] | None] = (word, None)
        else:
            shaped, rel = _shape_word(word, self.harakat == "keep")
            identity = len(rel) == len(word) and rel == tuple(range(len(word)))
            result = (shaped, None if identity else rel)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = result
        return result

    def shape(self, text: str) -> ShapedText:
        """Shape one paragraph (no newlines) and map each shaped char to its index in ``text``.

        Whole-paragraph string operations (:func:`_shape_paragraph`) when they apply,
        else word by word (:meth:`shape_by_words`); the tests check both agree.
        """
        if self._needs_shaping(text) is None:
            return ShapedText(text, range(len(text)))
        shaped = _shape_paragraph(text, self.harakat == "keep")
        return shaped if shaped is not None else self.shape_by_words(text)

    def shape_text(self, text: str) -> str:
        """``shape(text).text`` without the map, for text holding many paragraphs (a
        newline is a word boundary, as a space is): what a filter printing lines needs.

        Each distinct word is shaped once and remembered (news text repeats its words);
        the words not seen before are shaped together, as one paragraph of words.
        """
        # Each newline becomes a word of its own, so words never straddle two paragraphs;
        # shaped words hold neither spaces nor newlines, so the spaces put around each
        # newline are the ones taken away at the end.
        words = text.replace("\n", " \n ").split(" ")
        texts = self._texts
        if len(texts) > self._cache_size:  # (emptied before the words are looked up)
            texts.clear()
        missing = set(words).difference(texts)  # (set operations in C, no loop per word)
        if missing:
            new_words = list(missing)
            texts.update(zip(new_words, self._shaped_text(" ".join(new_words)).split(" "),
                             strict=True))
        return " ".join(map(texts.__getitem__, words)).replace(" \n ", "\n")

    def _shaped_text(self, text: str) -> str:
        """``shape(text).text``, without working out the map."""
        if self._needs_shaping(text) is None:
            return text
        glyphs = _paragraph_glyphs(text, self.harakat == "keep")
        return glyphs[0] if glyphs is not None else self.shape_by_words(text).text

    def shape_by_words(self, text: str) -> ShapedText:
        """:meth:`shape`, one cached word at a time (the general path)."""
        if self._needs_shaping(text) is None:
            return ShapedText(text, range(len(text)))
        words = text.split(" ")
        get = self._cache.get
        shape_word = self.shape_word
        results = [get(word) or shape_word(word) for word in words]
        shaped_text = " ".join([shaped for shaped, _ in results])
        changed = [i for i, (_, rel) in enumerate(results) if rel is not None]
        if not changed:
            return ShapedText(shaped_text, range(len(text)))
        # Word starts, logical and shaped (each word is followed by one space).
        logical_starts = [0, *accumulate(len(word) + 1 for word in words)]
        shaped_starts = [0, *accumulate(len(shaped) + 1 for shaped, _ in results)]
        source: list[int] = []
        inverse = [-1] * len(text)
        run_logical = run_shaped = 0  # start of the current run of unchanged words
        for i in changed:
            # the unchanged words before this one map by offset: slices, no per-char work
            logical, shaped = logical_starts[i], shaped_starts[i]
            source.extend(range(run_logical, logical))
            inverse[run_logical:logical] = range(run_shaped, shaped)
            rel = results[i][1]
            source.extend([logical + r for r in rel])  # type: ignore[union-attr]
            for j, r in enumerate(rel):  # type: ignore[arg-type]
                inverse[logical + r] = shaped + j
            run_logical, run_shaped = logical_starts[i + 1] - 1, shaped_starts[i + 1] - 1
        end = len(text)
        source.extend(range(run_logical, end))
        inverse[run_logical:end] = range(run_shaped, run_shaped + end - run_logical)
        return ShapedText(shaped_text, source, inverse)


# --- Whole-paragraph shaping ---------------------------------------------------------
#
# Shaping replaces each letter by one glyph chosen by two facts: whether it joins the
# letter before it and whether it joins the one after (harakat are transparent), and
# turns lam + alef into one ligature. Both facts are byte flags per character computed
# with big-integer arithmetic over the whole paragraph; the glyphs are then looked up
# with ``bytes.translate`` on the low bytes of the UTF-16 code units (all letters are
# in one block of 256), one table per form, merged by masks. Vocalised text has many
# distinct words, so this beats a word cache. Paragraphs this path does not cover
# (ZWJ, presentation forms already in the text, characters beyond the BMP) go word by
# word.

_CAN_JOIN_NEXT, _CAN_JOIN_PREVIOUS, _IS_HARAKA = 1, 2, 4
# form code (bit 0: joins the previous letter, bit 1: the next) -> reshaper form
_FORM_OF_CODE = (_ISOLATED, _FINAL, _INITIAL, _MEDIAL)
_NOT_PARAGRAPH_SHAPED = re.compile("[\u200d\ufb50-\ufdff\ufe70-\ufeff]")


class _ParagraphTables(NamedTuple):
    """What whole-paragraph shaping looks up, built once from arabic-reshaper's tables."""

    #: UTF-16 high byte of the block holding every letter (all of them are in U+06xx)
    block: int
    #: per block holding letters or harakat: (low byte -> joining flags, high byte ->
    #: 0xFF for that block, else 0)
    flags: dict[int, tuple[bytes, bytes]]
    #: per form code: low byte of a character of the block -> high, low byte of its glyph
    glyph_high: tuple[bytes, ...]
    glyph_low: tuple[bytes, ...]
    harakat: re.Pattern[str]
    ligature: re.Pattern[str]
    #: final form of an alef after lam -> its ligature (isolated, final)
    final_alefs: dict[str, tuple[str, str]]
    lam_initial: str


@lru_cache(maxsize=1)
def _paragraph_tables() -> _ParagraphTables | None:
    """The tables, or None if arabic-reshaper's letters do not fit what this path assumes."""
    letters, joins_before, joins_after, joins_both, lam_alef = _joining()
    shaped_letters = [ch for ch in letters if ch != ZWJ and ch not in HARAKAT]
    blocks = {ord(ch) >> 8 for ch in shaped_letters}
    # arabic-reshaper also refuses a join after a final letter without a medial form;
    # no letter in its table has one, which this path relies on (as on one block).
    if not joins_after <= joins_both or len(blocks) != 1:
        return None
    (block,) = blocks
    flags = {high: bytearray(256) for high in blocks | {ord(ch) >> 8 for ch in HARAKAT}}
    glyph_high = [bytearray([block] * 256) for _ in _FORM_OF_CODE]
    glyph_low = [bytearray(range(256)) for _ in _FORM_OF_CODE]
    for ch in shaped_letters:
        low = ord(ch) & 0xFF
        flags[block][low] = (_CAN_JOIN_NEXT if ch in joins_after else 0) | (
            _CAN_JOIN_PREVIOUS if ch in joins_before else 0
        )
        for code, form in enumerate(_FORM_OF_CODE):
            glyph = letters[ch][form]
            if glyph:  # (a form the letter lacks is never chosen: it cannot join there)
                glyph_high[code][low], glyph_low[code][low] = divmod(ord(glyph), 256)
    for ch in HARAKAT:
        flags[ord(ch) >> 8][ord(ch) & 0xFF] = _IS_HARAKA
    lam_initial, lam_medial = letters["\u0644"][_INITIAL], letters["\u0644"][_MEDIAL]
    final_alefs = {letters[alef][_FINAL]: forms for alef, forms in lam_alef.items()}
    marks = character_set(map(ord, HARAKAT))
    return _ParagraphTables(
        block=block,
        flags={
            high: (bytes(table), bytes(0xFF if byte == high else 0 for byte in range(256)))
            for high, table in flags.items()
        },
        glyph_high=tuple(map(bytes, glyph_high)),
        glyph_low=tuple(map(bytes, glyph_low)),
        harakat=re.compile(marks),
        ligature=re.compile(f"[{lam_initial}{lam_medial}]({marks}*)[{''.join(final_alefs)}]"),
        final_alefs=final_alefs,
        lam_initial=lam_initial,
    )


def _shape_paragraph(text: str, keep_harakat: bool) -> ShapedText | None:
    """Shape ``text`` exactly as :meth:`Shaper.shape_by_words`, or None if not covered."""
    glyphs = _paragraph_glyphs(text, keep_harakat)
    if glyphs is None:
        return None
    shaped, deleted, haraka, ones = glyphs
    size = len(text)
    if not deleted and (keep_harakat or not haraka):
        return ShapedText(shaped, range(size))
    if keep_harakat:  # a few ligatures: runs of indices, not work per character
        # The characters between two deleted alefs move back by the alefs before them.
        firsts = [0, *[alef + 1 for alef in deleted]]
        stops = [*deleted, size]
        runs = list(map(range, firsts, stops))
        moved = list(map(range, map(sub, firsts, count()), map(sub, stops, count())))
        source = list(chain.from_iterable(runs))
        # each run, then -1 for the alef after it (the last run has none)
        inverse = list(chain.from_iterable(
            chain.from_iterable(zip(moved[:-1], repeat((-1,)), strict=False))
        ))
        inverse.extend(moved[-1])
        return ShapedText(shaped, source, inverse)
    kept = ones
    if not keep_harakat:
        kept ^= haraka
    for alef in deleted:
        kept ^= 1 << 8 * (size - 1 - alef)
    if kept == ones:
        return ShapedText(shaped, range(size))
    flags = kept.to_bytes(size, "big")
    source = list(compress(range(size), flags))
    # inverse[i]: the number of kept characters up to i, minus one; -1 if i is not kept
    inverse = list(map(sub, map(mul, accumulate(flags), flags), repeat(1, size)))
    return ShapedText(shaped, source, inverse)


def _paragraph_glyphs(text: str, keep_harakat: bool) -> tuple[str, list[int], int, int] | None:
    """What :func:`_shape_paragraph` works out before its map: the shaped text, the
    offsets in ``text`` of the alefs taken into lam-alef ligatures, and the haraka flags
    and all-ones flags as big integers (one byte per character); None if not covered.
    Alone, for a filter that prints the shaped text and never maps it back: the map of
    a text with ligatures costs as much as the shaping."""
    if _NOT_PARAGRAPH_SHAPED.search(text) is not None:
        return None
    tables = _paragraph_tables()
    size = len(text)
    data = text.encode("utf-16-be", "surrogatepass")
    if tables is None or len(data) != 2 * size:
        return None
    high, low = data[0::2], data[1::2]
    codes = in_block = 0
    for block, (flags, select) in tables.flags.items():
        if block in high:
            selected = int.from_bytes(high.translate(select), "big")
            codes |= int.from_bytes(low.translate(flags), "big") & selected
            if block == tables.block:
                in_block = selected
    # Byte i of these big-endian integers is character i: ">> 8" looks at the character
    # before, "<< 8" (masked) at the one after.
    ones = int.from_bytes(b"\x01" * size, "big")
    everything = (1 << 8 * size) - 1
    can_next = codes & ones
    can_previous = (codes >> 1) & ones
    haraka = (codes >> 2) & ones
    # "Can join" seen through harakat: carried forward (next) or backward (previous).
    carried_next = can_next
    while True:
        more = carried_next | ((carried_next >> 8) & haraka)
        if more == carried_next:
            break
        carried_next = more
    carried_previous = can_previous
    while True:
        more = carried_previous | (((carried_previous << 8) & everything) & haraka)
        if more == carried_previous:
            break
        carried_previous = more
    joins_previous = can_previous & (carried_next >> 8)
    joins_next = can_next & ((carried_previous << 8) & everything)
    # The form code of each character (bit 0: joins the previous, bit 1: the next) as one
    # 0/1 flag byte per code; times 0xFF (no carries) a byte mask.
    both = joins_previous & joins_next
    form_flags = (
        ones ^ (joins_previous | joins_next), joins_previous ^ both, joins_next ^ both, both
    )
    # Each character of the block becomes the glyph of its form (code 0 for the block's
    # other characters: themselves); the rest stays.
    glyph_high = int.from_bytes(high, "big") & ~in_block
    glyph_low = int.from_bytes(low, "big") & ~in_block
    for code, form_flag in enumerate(form_flags):
        selected = form_flag * 0xFF & in_block
        if selected:
            glyph_high |= int.from_bytes(low.translate(tables.glyph_high[code]), "big") & selected
            glyph_low |= int.from_bytes(low.translate(tables.glyph_low[code]), "big") & selected
    units = bytearray(2 * size)
    units[0::2] = glyph_high.to_bytes(size, "big")
    units[1::2] = glyph_low.to_bytes(size, "big")
    shaped = units.decode("utf-16-be", "surrogatepass")
    ligature, final_alefs, lam_initial = tables.ligature, tables.final_alefs, tables.lam_initial
    deleted: list[int] = []
    if ligature.search(shaped) is not None:
        pieces = []
        position = 0
        for match in ligature.finditer(shaped):
            alef = match.end() - 1
            isolated, final = final_alefs[shaped[alef]]
            pieces.append(shaped[position:match.start()])
            pieces.append(isolated if shaped[match.start()] == lam_initial else final)
            pieces.append(match.group(1))
            deleted.append(alef)
            position = match.end()
        pieces.append(shaped[position:])
        shaped = "".join(pieces)
    if not keep_harakat and haraka:
        shaped = tables.harakat.sub("", shaped)
    return shaped, deleted, haraka, ones
