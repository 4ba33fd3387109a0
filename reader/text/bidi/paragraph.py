"""The result of resolving one paragraph: what reordering and mirroring need later."""

from __future__ import annotations

from dataclasses import dataclass, field

from .classes import REMOVED_BY_X9


@dataclass(frozen=True, slots=True)
class BidiParagraph:
    """Resolved embedding levels of one paragraph (rules P2-I2 of UAX #9).

    ``levels[i]`` is the level of code point ``text[i]``. Characters removed by rule X9
    (embeddings, overrides, PDF, BN) carry the level of the preceding character (or
    ``base_level``) and are left out by :func:`reorder_line`. ``classes`` keeps the original
    Bidi_Class codes (see :mod:`.classes`), which rule L1 and rule L3 need.
    """

    text: str
    base_level: int
    levels: bytes
    classes: str
    # Lazily built per-paragraph data for fast line reordering (see reorder.py).
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def rtl(self) -> bool:
        """Whether the paragraph runs right to left."""
        return self.base_level & 1 == 1

    def is_removed(self, index: int) -> bool:
        """Whether rule X9 removed the character at *index* (it has no place on screen)."""
        return self.classes[index] in REMOVED_BY_X9

    @property
    def removed_indices(self) -> list[int]:
        """Indices of the characters rule X9 removed."""
        return [i for i, code in enumerate(self.classes) if code in REMOVED_BY_X9]
