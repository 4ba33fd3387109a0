"""How to lay text out: the options every layout takes, checked once."""

from __future__ import annotations

from dataclasses import dataclass

from reader.text.direction import is_rtl_direction

MODES = ("app", "terminal")


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """How to lay out text.

    ``mode``: ``"app"`` (the reader shapes and reorders: visual order) or
    ``"terminal"`` (logical, unshaped text for terminals that do both).
    ``harakat``: ``"keep"`` or ``"strip"``. ``shape``: join Arabic letters
    (``app`` mode; off for terminals or fonts that shape by themselves).
    ``direction``: the document's direction, given to paragraphs with no
    strong letter (``"rtl"`` for Arabic articles).
    """

    width: int
    mode: str = "app"
    harakat: str = "keep"
    shape: bool = True
    direction: str = "rtl"

    def __post_init__(self) -> None:
        if not isinstance(self.width, int) or self.width < 2:
            raise ValueError(f"width must be an integer of at least 2 cells, not {self.width!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode must be 'app' or 'terminal', not {self.mode!r}")
        if self.harakat not in ("keep", "strip"):
            raise ValueError(f"harakat must be 'keep' or 'strip', not {self.harakat!r}")
        is_rtl_direction(self.direction)
