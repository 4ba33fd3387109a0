"""Clean article fields at the parsing boundary.

Paragraph text goes through :func:`reader.text.sanitize.sanitize`, one-line
fields (title, breadcrumbs, author, links) through ``sanitize_line`` with bidi
controls kept (the layout needs them and never emits them), so nothing after
the parsers sees an escape sequence. Whitespace is trimmed and empty
paragraphs dropped, because scrapers pad with spaces and no-break spaces.
"""

from __future__ import annotations

import re

from reader.text.sanitize import sanitize, sanitize_line

_SPACE_RUNS = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}")

#: A title made from the text is cut to this many words.
FALLBACK_TITLE_WORDS = 10


def clean_line(text: str | None) -> str:
    """A one-line field: sanitized, newlines as spaces, spaces collapsed, trimmed."""
    if not text:
        return ""
    return _SPACE_RUNS.sub(" ", sanitize_line(text, keep_bidi_controls=True)).strip()


def clean_optional(text: str | None) -> str | None:
    """Like :func:`clean_line`, but an empty result is None (unknown)."""
    cleaned = clean_line(text)
    return cleaned or None


def sanitized_lines(text: str) -> list[str]:
    """``sanitize(text).split("\\n")``, line by line so clean lines take the sanitizer's fast path.

    The same result, because no escape sequence spans a newline (an
    unterminated string payload ends at the end of its line); a line the
    sanitizer breaks (CR, U+2028...) is split again.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if line.isprintable():
            lines.append(line)
        else:
            lines.extend(sanitize(line).split("\n"))
    return lines


def clean_paragraphs(text: str) -> list[str]:
    """Split *text* into paragraphs (one a line), sanitized and trimmed, empties dropped."""
    return [line.strip() for line in sanitized_lines(text) if line and not line.isspace()]


def clean_paragraph_list(paragraphs: list[str]) -> list[str]:
    """Clean paragraphs given as a list; a string holding newlines becomes several."""
    cleaned: list[str] = []
    for paragraph in paragraphs:
        cleaned.extend(clean_paragraphs(paragraph))
    return cleaned


def fallback_title(paragraphs: list[str], name: str) -> str:
    """A title for an article that has none: its first words, else the file's name."""
    if paragraphs:
        words = paragraphs[0].split()
        title = " ".join(words[:FALLBACK_TITLE_WORDS])
        return title + (" …" if len(words) > FALLBACK_TITLE_WORDS else "")
    return clean_line(name)
