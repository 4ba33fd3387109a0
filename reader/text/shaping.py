"""Arabic letter joining (arabic-reshaper) with a map back to the logical text.

Terminals do not join Arabic letters, so the reader replaces each letter with
the presentation form (isolated, initial, medial, final) it takes in its word,
and lam-alef pairs with their ligature. arabic-reshaper does the shaping; this
module adds what the layout needs and arabic-reshaper lacks:

- a map from every shaped character to the index of the logical character it
  draws (a ligature maps to its first letter), so carets, search hits and
  copying can go back to the logical text;
- speed: shaping never joins across a space (a space is no letter, so the
  letter after it starts a new joining context, and no enabled ligature
  contains a space), so a paragraph is shaped word by word and each distinct
  word is shaped once (news and classical text are Zipfian: the 1.75 MB
  Tashkeela file has 2.3M characters but far fewer distinct words). The test
  suite checks that the result equals arabic-reshaper's whole-text output on
  the corpus.

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
from dataclasses import dataclass
from functools import lru_cache

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
    from arabic_reshaper.ligatures import LIGATURES

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
    for name, _replacement in LIGATURES:
        config[name] = name in LIGATURES_ON
    return config


@dataclass(frozen=True, slots=True)
class ShapedText:
    """A shaped string and, for each of its characters, the logical index it draws."""

    text: str
    source: Sequence[int]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]], re.Pattern[str]]:
    """Reverse tables: presentation form -> base letters, ligature -> its letters.

    Also a pattern finding the characters arabic-reshaper changes (its letters,
    ZWJ and the harakat): a word without any is left alone.
    """
    from arabic_reshaper.letters import LETTERS_ARABIC
    from arabic_reshaper.ligatures import LIGATURES

    form_bases: dict[str, set[str]] = {}
    for letter, forms in LETTERS_ARABIC.items():
        for form in forms:
            if form:
                form_bases.setdefault(form, set()).add(letter)
    ligature_letters: dict[str, tuple[str, ...]] = {}
    for name, (match, forms) in LIGATURES:
        if name in LIGATURES_ON:
            for form in forms:
                if form:
                    ligature_letters[form] = tuple(match)
    changed = "".join(sorted(set(LETTERS_ARABIC) | HARAKAT | {ZWJ}))
    pattern = re.compile("[" + re.escape(changed) + "]")
    return {k: frozenset(v) for k, v in form_bases.items()}, ligature_letters, pattern


def _align(word: str, shaped: str) -> tuple[int, ...]:
    """For each char of ``shaped`` (arabic-reshaper's output for ``word``), its index in ``word``.

    arabic-reshaper emits, in the word's order, one glyph per letter (a lam-alef
    ligature for two letters) each followed by the harakat written after it, and
    drops ZWJ (and harakat when told to). A haraka written between lam and alef
    follows the ligature, and one written after a ZWJ may follow the next letter,
    so harakat skipped while looking for a letter wait in ``pending``.
    """
    form_bases, ligature_letters, _ = _tables()
    n = len(word)
    j = 0
    pending: list[int] = []
    out: list[int] = []

    def find(accept: frozenset[str] | str) -> int:
        nonlocal j
        while j < n and word[j] not in accept:
            if word[j] in HARAKAT:
                pending.append(j)
            j += 1
        if j >= n:
            return -1
        j += 1
        return j - 1

    for ch in shaped:
        if ch in HARAKAT:
            for k, idx in enumerate(pending):
                if word[idx] == ch:
                    del pending[k]
                    out.append(idx)
                    break
            else:
                found = find(ch)
                out.append(found if found >= 0 else (out[-1] if out else 0))
            continue
        letters = ligature_letters.get(ch)
        if letters is None:
            bases = form_bases.get(ch)
            letters = (ch,) if bases is None else (bases | {ch},)
        first = -1
        for letter in letters:
            found = find(letter)
            if first < 0:
                first = found
        out.append(first if first >= 0 else (out[-1] if out else 0))
    return tuple(out)


def strip_chars(text: str, drop: frozenset[str] | set[str]) -> ShapedText:
    """``text`` without the characters in ``drop``, with the map back to ``text``."""
    if drop.isdisjoint(set(text)):
        return ShapedText(text, range(len(text)))
    kept = [i for i, ch in enumerate(text) if ch not in drop]
    return ShapedText("".join(text[i] for i in kept), kept)


_NOT_SUPPORTED = -1
_ISOLATED, _INITIAL, _MEDIAL, _FINAL = 0, 1, 2, 3


@lru_cache(maxsize=1)
def _joining() -> tuple[dict[str, tuple[str, str, str, str]], frozenset[str], frozenset[str],
                        frozenset[str], dict[str, tuple[str, str]]]:
    """arabic-reshaper's letter table and the joining classes derived from it."""
    from arabic_reshaper.letters import LETTERS_ARABIC
    from arabic_reshaper.ligatures import LIGATURES

    joins_before = frozenset(k for k, f in LETTERS_ARABIC.items() if f[_FINAL] or f[_MEDIAL])
    joins_after = frozenset(k for k, f in LETTERS_ARABIC.items() if f[_INITIAL] or f[_MEDIAL])
    joins_both = frozenset(k for k, f in LETTERS_ARABIC.items() if f[_MEDIAL])
    # lam-alef: the alef that follows lam -> (isolated form, final form) of the ligature
    lam_alef: dict[str, tuple[str, str]] = {}
    for name, (match, forms) in LIGATURES:
        if name in LIGATURES_ON:
            assert len(match) == 2 and match[0] == "\u0644", name
            lam_alef[match[1]] = (forms[_ISOLATED], forms[_FINAL])
    return LETTERS_ARABIC, joins_before, joins_after, joins_both, lam_alef


def _shape_word(word: str, keep_harakat: bool) -> tuple[str, tuple[int, ...]]:
    """Shape one word (no space, no ZWJ) exactly as arabic-reshaper does, with the map.

    The same joining rules as ``ArabicReshaper.reshape`` (a letter joins the one
    before it when that one joins after it, and a final letter that cannot be
    medial stays final), then lam-alef ligatures found on the text without
    harakat, then harakat re-inserted after the glyph they followed.
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
            if glyph:
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
        from arabic_reshaper import ArabicReshaper

        self.harakat = harakat
        self._reshape = ArabicReshaper(configuration=reshaper_configuration(harakat)).reshape
        self._cache: dict[str, tuple[str, tuple[int, ...] | None]] = {}
        self._cache_size = cache_size
        self._needs_shaping = _tables()[2].search

    def shape_word(self, word: str) -> tuple[str, tuple[int, ...] | None]:
        """Shaped ``word`` and its map (``None`` = identity); cached."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if self._needs_shaping(word) is None:
            result: tuple[str, tuple[int, ...] | None] = (word, None)
        else:
            if ZWJ in word:
                # arabic-reshaper's own ZWJ handling (rare): shape with it, then align.
                shaped = self._reshape(word)
                rel = _align(word, shaped)
            else:
                shaped, rel = _shape_word(word, self.harakat == "keep")
            identity = len(rel) == len(word) and rel == tuple(range(len(word)))
            result = (shaped, None if identity else rel)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = result
        return result

    def shape(self, text: str) -> ShapedText:
        """Shape one paragraph (no newlines) and map each shaped char to its index in ``text``."""
        if self._needs_shaping(text) is None:
            return ShapedText(text, range(len(text)))
        pieces: list[str] = []
        source: list[int] = []
        offset = 0
        shape_word = self.shape_word
        for word in text.split(" "):
            shaped, rel = shape_word(word)
            pieces.append(shaped)
            end = offset + len(word)
            if rel is None:
                source.extend(range(offset, end))
            else:
                source.extend([offset + r for r in rel])
            # the space after the word (absent after the last word)
            source.append(end)
            offset = end + 1
        source.pop()
        return ShapedText(" ".join(pieces), source)
