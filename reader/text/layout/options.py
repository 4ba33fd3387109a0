"""How to lay text out: the options every layout takes, checked once."""

from __future__ import annotations

from dataclasses import dataclass

from reader.text import output
from reader.text.direction import is_rtl_direction

MODES = output.MODES


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """How to lay out text.

    ``mode``: an output strategy of :mod:`reader.text.output`: ``"app"`` (the
    reader shapes and reorders: visual order), ``"terminal"`` (logical, unshaped
    text for terminals that do both), or a form for a terminal with bidi of its own.
    ``harakat``: ``"keep"`` or ``"strip"``. ``shape``: join Arabic letters
    (``app`` mode; off for terminals or fonts that shape by themselves).
    ``direction``: the document's direction, given to paragraphs with no
    strong letter (``"rtl"`` for Arabic articles).
    ``marks``: put the strategy's bidi marks around each line (see
    :mod:`reader.text.output`).
    """

    width: int
    mode: str = "app"
    harakat: str = "keep"
    shape: bool = True
    direction: str = "rtl"
    #: the strategy's bidi marks (off for editors whose caret model counts characters)
    marks: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.width, int) or self.width < 2:
            raise ValueError(f"width must be an integer of at least 2 cells, not {self.width!r}")
        if self.mode not in output.STRATEGIES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if self.harakat not in ("keep", "strip"):
            raise ValueError(f"harakat must be 'keep' or 'strip', not {self.harakat!r}")
        is_rtl_direction(self.direction)
