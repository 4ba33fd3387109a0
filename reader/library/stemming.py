"""A light stemmer for normalised Arabic words: attached prefixes and a few suffixes.

Arabic writes the conjunctions و ف, the prepositions ب ل ك and the article ال
onto the word, so ``والاتفاق`` hides ``الاتفاق`` and ``اتفاق`` from a plain word
index. Stripping is ambiguous (``وزير`` is a word, not و + ``زير``), so search
indexes every plausible reading of a word (:func:`search_forms`) and a query word
matches when one of its readings is among them; related-articles scoring needs
one term per word (:func:`term`) and takes the most stripped reading.

Input is already normalised (:func:`reader.library.normalize.normalize`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
_ARTICLE = "ال"
# The shortest stem left after stripping, so that short words stay whole.
_MIN_AFTER_ARTICLE = 2
_MIN_AFTER_LETTER = 3
# Suffixes of plurals, feminine and adjectives of relation (nisba), longest first,
# each with the shortest stem it may leave.
_SUFFIXES = (
    ("يين", 3, "ي"),
    ("ية", 3, "ي"),
    ("ات", 3, ""),
    ("ين", 4, ""),
    ("ون", 4, ""),
    ("ة", 3, ""),
)
_NISBA_MIN = 4
_MIN_AFTER_CONJUNCTION = 4
# و/ف, then ب/ل/ك, then the article; or لل (ل + ال with its alef dropped).
_ARTICLE_PREFIX = re.compile("[وف]?(?:[بلك]?ال|لل)")


def _prefix_readings(word: str) -> list[str]:
    """The word and what is left after each plausible prefix, least stripped first."""
    readings = [word]
    for conj in _CONJUNCTIONS:
        if not word.startswith(conj):
            continue
        after_conj = word[len(conj) :]
        for prep in _PREPOSITIONS:
            if not after_conj.startswith(prep):
                continue
            rest = after_conj[len(prep) :]
            if prep == "ل" and rest.startswith("ل") and len(rest) - 1 >= _MIN_AFTER_ARTICLE:
                # لل: ل + ال with the alef dropped (للحكومة = ل + الحكومة)
                readings.append(rest[1:])
            if rest.startswith(_ARTICLE) and len(rest) - 2 >= _MIN_AFTER_ARTICLE:
                readings.append(rest[2:])
            if (conj or prep) and len(rest) >= _MIN_AFTER_LETTER:
                readings.append(rest)
    seen: dict[str, None] = dict.fromkeys(readings)
    return list(seen)


def _strip_suffix(stem: str) -> str:
    for suffix, min_left, replacement in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= min_left:
            stem = stem[: -len(suffix)] + replacement
            break
    if stem.endswith("ي") and len(stem) - 1 >= _NISBA_MIN:
        stem = stem[:-1]  # ايراني -> ايران, اسرائيلي -> اسرائيل
    return stem


@lru_cache(maxsize=131072)
def term(word: str) -> str:
    """One term for *word*, for similarity: prefixes with the article stripped, suffixes removed.

    A lone preposition is kept (``لبنان`` is a name, not ل + ``بنان``) and a lone
    conjunction و is stripped only from longer words (``وإيران`` but not ``وزير``):
    one fixed reading per word matters more here than catching every form.
    ``والاتفاق`` -> ``اتفاق``; ``الإيرانية`` (normalised ``الايرانية``) -> ``ايران``.
    """
    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return word
    match = _ARTICLE_PREFIX.match(word)
    if match and len(word) - match.end() >= _MIN_AFTER_ARTICLE:
        stem = word[match.end() :]
    elif word[0] == "و" and len(word) - 1 >= _MIN_AFTER_CONJUNCTION:
        stem = word[1:]
    else:
        stem = word
    return _strip_suffix(stem)


@lru_cache(maxsize=131072)
def search_forms(word: str) -> tuple[str, ...]:
    """Every reading of *word* the index stores: itself, prefix-stripped forms, its term."""
    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return (word,)
    readings = _prefix_readings(word)
    stemmed = term(word)
    if stemmed not in readings:
        readings.append(stemmed)
    return tuple(readings)
