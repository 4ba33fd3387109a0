"""How to lay text out: the options every layout takes, checked once."""

from __future__ import annotations

from typing import Any

from reader.text import output
from reader.text.direction import is_rtl_direction

MODES = output.MODES


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

    Immutable and hashable (documents cache their lines per options). A plain slotted
    class rather than a dataclass: ``dataclasses`` (with ``inspect``, ``ast`` and
    ``dis``) would be the costliest import of ``rtl-reader cat``, which needs nothing else
    of it.
    """

    __slots__ = ("direction", "harakat", "marks", "mode", "shape", "width")

    width: int
    mode: str
    harakat: str
    shape: bool
    direction: str
    #: the strategy's bidi marks (off for editors whose caret model counts characters)
    marks: bool

    def __init__(
        self,
        width: int,
        mode: str = "app",
        harakat: str = "keep",
        shape: bool = True,
        direction: str = "rtl",
        marks: bool = True,
    ) -> None:
        if not isinstance(width, int) or width < 2:
            raise ValueError(f"width must be an integer of at least 2 cells, not {width!r}")
        if mode not in output.STRATEGIES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if harakat not in ("keep", "strip"):
            raise ValueError(f"harakat must be 'keep' or 'strip', not {harakat!r}")
        is_rtl_direction(direction)
        for name, value in (("width", width), ("mode", mode), ("harakat", harakat),
                            ("shape", shape), ("direction", direction), ("marks", marks)):
            object.__setattr__(self, name, value)

    def replace(self, **changes: Any) -> LayoutOptions:
        """These options with ``changes`` (checked as new ones are)."""
        fields = dict(zip(self.__slots__, (self.direction, self.harakat, self.marks, self.mode,
                                           self.shape, self.width), strict=True))
        return LayoutOptions(**{**fields, **changes})

    def _fields(self) -> tuple[int, str, str, bool, str, bool]:
        return (self.width, self.mode, self.harakat, self.shape, self.direction, self.marks)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"LayoutOptions is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"LayoutOptions is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not LayoutOptions:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        width, mode, harakat, shape, direction, marks = self._fields()
        return (f"LayoutOptions(width={width!r}, mode={mode!r}, harakat={harakat!r}, "
                f"shape={shape!r}, direction={direction!r}, marks={marks!r})")

    def __reduce__(self) -> tuple[type[LayoutOptions], tuple[int, str, str, bool, str, bool]]:
        return (LayoutOptions, self._fields())
