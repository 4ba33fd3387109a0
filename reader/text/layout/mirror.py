"""Rule L4's mirrored glyphs for the line builders, each table built on first use."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reader.text.charset import character_set


def mirror_table() -> dict[int, int]:
    from reader.text.bidi.mirroring import MIRROR_TABLE

    return MIRROR_TABLE


class _MirrorableSearch:
    """A regex finding chars with a mirroring glyph, compiled on first use."""

    pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self.pattern is None:
            self.pattern = re.compile(character_set(mirror_table()))
        return self.pattern.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self.search("")
        return self.pattern.finditer(text)  # type: ignore[union-attr]

    def sub(self, replace: Callable[[re.Match[str]], str], text: str) -> str:
        self.search("")
        return self.pattern.sub(replace, text)  # type: ignore[union-attr]


MIRRORABLE = _MirrorableSearch()


class _MirrorTable(dict[str, str]):
    """Bidi_Mirroring_Glyph (rule L4) for every char, computed on first use."""

    def __missing__(self, ch: str) -> str:
        from reader.text import bidi

        mirrored = self[ch] = bidi.mirror_char(ch)
        return mirrored

    def get(self, ch: str, default: str | None = None) -> str:  # type: ignore[override]
        return self[ch]


MIRROR = _MirrorTable()
