"""The result of resolving one paragraph: what reordering and mirroring need later."""

from __future__ import annotations

from .classes import REMOVED_BY_X9


class BidiParagraph:
    """Resolved embedding levels of one paragraph (rules P2-I2 of UAX #9).

    ``levels[i]`` is the level of code point ``text[i]``. Characters removed by rule X9
    (embeddings, overrides, PDF, BN) carry the level of the preceding character (or
    ``base_level``) and are left out by :func:`reorder_line`. ``classes`` keeps the original
    Bidi_Class codes (see :mod:`.classes`), which rule L1 and rule L3 need.

    Treated as immutable and compared by value. A plain class rather than a frozen
    dataclass: a dataclass compiles its methods when the engine is imported, which
    happens before the app's first paint.
    """

    __slots__ = ("_cache", "base_level", "classes", "levels", "text")

    def __init__(self, text: str, base_level: int, levels: bytes, classes: str) -> None:
        self.text = text
        self.base_level = base_level
        self.levels = levels
        self.classes = classes
        #: lazily built per-paragraph data for fast line reordering (see reorder.py)
        self._cache: dict[str, object] = {}

    def _key(self) -> tuple[str, int, bytes, str]:
        return self.text, self.base_level, self.levels, self.classes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BidiParagraph):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"BidiParagraph(text={self.text!r}, base_level={self.base_level!r}, "
                f"levels={self.levels!r}, classes={self.classes!r})")

    @property
    def rtl(self) -> bool:
        """Whether the paragraph runs right to left."""
        return self.base_level & 1 == 1

    def is_removed(self, index: int) -> bool:
        """Whether rule X9 removed the character at *index* (it has no place on screen)."""
        return self.classes[index] in REMOVED_BY_X9
