"""One laid-out line and its maps between screen and logical text.

``Line.visual_to_logical`` maps every char of ``Line.text`` to the index in the
paragraph's sanitized text (:attr:`reader.text.layout.Document.paragraphs`) of the
char it draws (a lam-alef ligature maps to its lam).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from unicodedata import combining

from reader.text import output


class Line:
    """One screen line. ``text`` is display-ready; see the module docstring for the maps.

    Immutable, compared and hashed by value like a frozen dataclass. ``visual_to_logical``
    may be given as a tuple or as a function returning the map: most lines are only
    drawn, so the layout computes their maps when first asked.
    """

    __slots__ = ("_map", "align_right", "cells", "end", "fill_end", "paragraph", "rtl", "start",
                 "text")

    _map: tuple[int, ...] | Callable[[], Iterable[int]]
    text: str
    cells: int
    rtl: bool
    paragraph: int
    start: int
    end: int
    #: right-align when padded (right-to-left paragraph laid out in ``app`` mode)
    align_right: bool
    #: the character that ends the fill of a line padded on its right ("": a space): a
    #: right-to-left line mlterm lays out from the right is filled after its text, and
    #: mlterm keeps trailing spaces at the right end (:func:`reader.text.output.fill_end`)
    fill_end: str

    def __init__(
        self,
        text: str,
        cells: int,
        rtl: bool,
        paragraph: int,
        start: int,
        end: int,
        visual_to_logical: tuple[int, ...] | Callable[[], Iterable[int]],
        align_right: bool = False,
        fill_end: str = "",
    ) -> None:
        setter = object.__setattr__
        setter(self, "text", text)
        setter(self, "cells", cells)
        setter(self, "rtl", rtl)
        setter(self, "paragraph", paragraph)
        setter(self, "start", start)
        setter(self, "end", end)
        setter(self, "_map", visual_to_logical)
        setter(self, "align_right", align_right)
        setter(self, "fill_end", fill_end)

    @property
    def visual_to_logical(self) -> tuple[int, ...]:
        """For each char of ``text``, the index in the paragraph text of the char it draws."""
        computed = self._map
        if not isinstance(computed, tuple):
            computed = tuple(computed())
            object.__setattr__(self, "_map", computed)
        return computed

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Line is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Line is immutable: cannot delete {name!r}")

    def _fields(self) -> tuple[object, ...]:
        return (self.text, self.cells, self.rtl, self.paragraph, self.start, self.end,
                self.visual_to_logical, self.align_right, self.fill_end)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Line:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Line(text={self.text!r}, cells={self.cells!r}, rtl={self.rtl!r}, "
            f"paragraph={self.paragraph!r}, start={self.start!r}, end={self.end!r}, "
            f"visual_to_logical={self.visual_to_logical!r}, align_right={self.align_right!r}"
            + (f", fill_end={self.fill_end!r})" if self.fill_end else ")")
        )

    def logical_to_visual(self, i: int) -> int:
        """Index in ``text`` of the char drawing logical char ``i`` of the paragraph.

        A char with no glyph of its own (the alef of a lam-alef ligature, a
        stripped haraka, a bidi control, a space at the line break) gives the
        char drawing the nearest logical char before it in this line (not
        counting harakat, which sit on a letter), or failing that the nearest
        after it. ``IndexError`` if ``i`` is not in ``[start, end)`` or the
        line draws nothing.
        """
        if not self.start <= i < self.end or not self.visual_to_logical:
            raise IndexError(f"logical index {i} is not on this line [{self.start}, {self.end})")
        best_before = best_after = -1
        before_key = -1
        after_key = self.end
        for j, logical in enumerate(self.visual_to_logical):
            if logical == i and not output.is_mark(self.text[j]):
                return j
            if before_key < logical < i and not combining(self.text[j]):
                before_key, best_before = logical, j
            elif i < logical < after_key:
                after_key, best_after = logical, j
        return best_before if best_before >= 0 else best_after

    def moved(self, delta: int) -> Line:
        """This line for the same characters ``delta`` positions further in the paragraph
        (an edit before it changed the text's length but not this line). The map is
        shifted when first asked for; shifts of shifts refer to the first line, so an
        editor's lines never form chains."""
        if not delta:
            return self
        computed = self._map
        if isinstance(computed, _MovedMap):
            origin, delta = computed.line, computed.delta + delta
        else:
            origin = self
        moved_map: tuple[int, ...] | Callable[[], Iterable[int]]
        moved_map = _MovedMap(origin, delta) if delta else origin._map
        return Line(origin.text, origin.cells, origin.rtl, origin.paragraph, origin.start + delta,
                    origin.end + delta, moved_map, origin.align_right, origin.fill_end)

    def padded(self, width: int) -> str:
        """``text`` filled with spaces to ``width`` cells, on the left for right-aligned lines
        (on the right ending in ``fill_end`` where there is one)."""
        fill = " " * max(0, width - self.cells)
        if self.align_right:
            return fill + self.text
        if fill and self.fill_end:
            return filled_to_its_end(self.text, self.cells, width, self.fill_end)
        return self.text + fill


def filled_to_its_end(text: str, cells: int, width: int, end: str) -> str:
    """*text*, *cells* wide and narrower than *width*, filled with spaces after it to
    *width* cells, the last of them *end* (``reader.text.output.fill_end``): a line the
    terminal lays out from the right itself (mlterm's ``terminal`` form). The one rule
    for the engine's lines (:meth:`Line.padded`) and the interface's own."""
    return text + " " * (width - cells - 1) + end


class _MovedMap:
    """The map of a line, every index shifted by ``delta`` (see :meth:`Line.moved`)."""

    __slots__ = ("delta", "line")

    def __init__(self, line: Line, delta: int) -> None:
        self.line = line
        self.delta = delta

    def __call__(self) -> Iterable[int]:
        return map(self.delta.__add__, self.line.visual_to_logical)
