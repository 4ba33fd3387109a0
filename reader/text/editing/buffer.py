"""The comment editor's buffer: logical Unicode text, a caret and a selection.

The buffer knows nothing of the screen. It holds the text in logical (typing)
order, which is what is stored, copied and sent; the display order is the
engine's business (see :mod:`reader.text.editing.caret`). The caret is a logical
index that always sits on a *cluster* boundary (a grapheme cluster, UAX #29: the
engine's one definition, :mod:`reader.text.breaks.graphemes`): an Arabic letter and
the harakat that follow it form one cluster, so the caret never lands between a
letter and its marks and Backspace removes them together.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.text.breaks import graphemes
from reader.text.sanitize import sanitize, strip_bidi_controls


def is_cluster_continuation(text: str, pos: int) -> bool:
    """True when ``text[pos]`` belongs to the cluster of the character before it."""
    return not graphemes.is_boundary(text, pos)


def cluster_boundaries(text: str) -> list[int]:
    """Every index of *text* where the caret may stand (0 and len(text) included)."""
    return [*graphemes.cluster_starts(text), len(text)] if text else [0]


def clean_input(text: str, *, multiline: bool = True) -> str:
    """Make typed or pasted text safe and plain: sanitized, no bidi controls.

    Bidi controls are invisible in the editor (the layout drops them) and would
    put characters where the caret cannot show them, so they are not kept; a
    one-line field turns newlines into spaces.
    """
    text = strip_bidi_controls(sanitize(text))
    return text if multiline else text.replace("\n", " ")


@dataclass(frozen=True, slots=True)
class Selection:
    """A logical range [start, end) of the buffer."""

    start: int
    end: int

    @property
    def empty(self) -> bool:
        return self.start == self.end


class EditBuffer:
    """Logical text with a caret (and an optional selection anchor).

    Every method that changes the text returns True when it changed something,
    so the caller knows when to re-lay out and schedule a save.
    """

    def __init__(self, text: str = "", *, multiline: bool = True) -> None:
        self.multiline = multiline
        self._text = clean_input(text, multiline=multiline)
        self._caret = len(self._text)
        self._anchor: int | None = None

    # -- state -----------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def caret(self) -> int:
        return self._caret

    @property
    def anchor(self) -> int | None:
        return self._anchor

    @property
    def selection(self) -> Selection:
        """The selected logical range (empty when nothing is selected)."""
        if self._anchor is None:
            return Selection(self._caret, self._caret)
        return Selection(min(self._anchor, self._caret), max(self._anchor, self._caret))

    @property
    def selected_text(self) -> str:
        sel = self.selection
        return self._text[sel.start : sel.end]

    def set_text(self, text: str) -> None:
        """Replace everything (loading a draft); the caret goes to the end."""
        self._text = clean_input(text, multiline=self.multiline)
        self._caret = len(self._text)
        self._anchor = None

    # -- clusters ----------------------------------------------------------------
    def snap(self, pos: int) -> int:
        """The cluster boundary at or before *pos* (clamped to the text)."""
        pos = max(0, min(pos, len(self._text)))
        if graphemes.is_boundary(self._text, pos):
            return pos
        return graphemes.previous_boundary(self._text, pos)

    def next_boundary(self, pos: int) -> int:
        """The cluster boundary after *pos* (or the end)."""
        return graphemes.next_boundary(self._text, pos)

    def previous_boundary(self, pos: int) -> int:
        """The cluster boundary before *pos* (or 0)."""
        return 0 if pos <= 0 else self.snap(pos - 1)

    # -- caret -------------------------------------------------------------------
    def move_to(self, pos: int, *, select: bool = False) -> None:
        """Put the caret at *pos* (snapped to a cluster); extend the selection if asked."""
        if select:
            if self._anchor is None:
                self._anchor = self._caret
        else:
            self._anchor = None
        self._caret = self.snap(pos)

    def select_all(self) -> None:
        self._anchor = 0
        self._caret = len(self._text)

    # -- editing -------------------------------------------------------------------
    def _replace(self, start: int, end: int, new: str) -> None:
        self._text = self._text[:start] + new + self._text[end:]
        # A mark typed after a letter joins its cluster; an orphan mark at the
        # very start that now follows a typed letter joins it: step past both.
        self._caret = self._snap_forward(start + len(new))
        self._anchor = None

    def delete_selection(self) -> bool:
        sel = self.selection
        if sel.empty:
            self._anchor = None
            return False
        self._replace(sel.start, sel.end, "")
        return True

    def delete_range(self, start: int, end: int) -> bool:
        """Remove [start, end) (snapped outwards to clusters: a letter goes with its
        harakat); the caret goes where the text was. Deleting by words uses it."""
        low, high = sorted((start, end))
        start = self.snap(low)
        end = self._snap_forward(max(0, min(high, len(self._text))))
        if low == high or start >= end:
            self._anchor = None
            return False
        self._replace(start, end, "")
        return True

    def insert(self, text: str) -> bool:
        """Type or paste *text* at the caret (replacing the selection), in logical order."""
        text = clean_input(text, multiline=self.multiline)
        if not text:
            return self.delete_selection()
        sel = self.selection
        self._replace(sel.start, sel.end, text)
        return True

    def _snap_forward(self, pos: int) -> int:
        if graphemes.is_boundary(self._text, pos):
            return pos
        return graphemes.next_boundary(self._text, pos)

    def backspace(self) -> bool:
        """Remove the selection, or the cluster before the caret (a letter with its marks)."""
        if not self.selection.empty:
            return self.delete_selection()
        if self._caret == 0:
            return False
        start = self.previous_boundary(self._caret)
        self._replace(start, self._caret, "")
        return True

    def delete(self) -> bool:
        """Remove the selection, or the cluster after the caret."""
        if not self.selection.empty:
            return self.delete_selection()
        if self._caret >= len(self._text):
            return False
        self._replace(self._caret, self.next_boundary(self._caret), "")
        return True

    def newline(self) -> bool:
        """Start a new paragraph (multi-line buffers only)."""
        return self.insert("\n") if self.multiline else False

    # -- paragraphs -------------------------------------------------------------------
    def paragraph_of(self, pos: int) -> tuple[int, int]:
        """(paragraph index, offset in that paragraph) of logical position *pos*."""
        before = self._text[:pos]
        index = before.count("\n")
        start = before.rfind("\n") + 1
        return index, pos - start

    def paragraph_start(self, index: int) -> int:
        """Logical position where paragraph *index* begins."""
        pos = 0
        for _ in range(index):
            pos = self._text.index("\n", pos) + 1
        return pos

    @property
    def paragraphs(self) -> list[str]:
        return self._text.split("\n")
