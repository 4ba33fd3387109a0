"""An article's direction from its text.

Each paragraph takes the direction of its first strong letter, as the Unicode
Bidirectional Algorithm does (rules P2/P3): right-to-left for Arabic, Hebrew,
Syriac, Thaana, N'Ko (bidi classes R and AL), left-to-right for class L. The
article is right-to-left when the letters of its right-to-left paragraphs are
at least as many as those of its left-to-right ones. Counting whole
paragraphs rather than single letters keeps an Arabic article Arabic when a
scraper left CSS or an English quotation inside a paragraph. Text with no
strong letter at all is "rtl", the reader's default: it reads Arabic.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.text.direction import base_level

#: How many characters of each paragraph to look at: enough to decide, cheap on huge texts.
SAMPLE_CHARS = 4_000


def paragraph_direction(text: str) -> str | None:
    """ "rtl" or "ltr" from the first strong letter of *text* (rules P2/P3, as the
    engine decides them); None when it has none."""
    level = base_level(text[:SAMPLE_CHARS], default_level=-1)
    return None if level < 0 else "rtl" if level else "ltr"


def text_direction(paragraphs: Iterable[str]) -> str:
    """Return "rtl" or "ltr" for *paragraphs* taken together (weighted by their length)."""
    weight = {"rtl": 0, "ltr": 0}
    for paragraph in paragraphs:
        direction = paragraph_direction(paragraph)
        if direction is not None:
            weight[direction] += min(len(paragraph), SAMPLE_CHARS)
    return "ltr" if weight["ltr"] > weight["rtl"] else "rtl"


def direction_from_attributes(dir_attr: str | None, lang: str | None) -> str | None:
    """A page's declared direction: ``dir`` if given, else from ``lang``; None if neither says."""
    if dir_attr:
        value = dir_attr.strip().lower()
        if value in ("rtl", "ltr"):
            return value
    if lang:
        primary = lang.strip().lower().replace("_", "-").split("-")[0]
        if primary:
            return "rtl" if primary in _RTL_LANGUAGES else "ltr"
    return None


# ISO 639 codes of languages written right to left.
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
