"""A one-line text field that shows its value the way the engine lays it out.

Textual's ``Input`` draws its value as typed: Arabic comes out unshaped and
left to right, which no reader of Arabic can read. :class:`BidiInput` keeps
everything Textual's ``Input`` does with the *logical* value (keys, cursor,
selection, clipboard, messages, validation) and replaces only the drawing:

- the value is drawn as the engine's line for it (:mod:`reader.text.layout`):
  shaped, in visual order, mirrored, right-aligned for a right-to-left value
  (``app`` bidi mode); logical and unshaped in ``terminal`` mode, where the
  terminal does both, as everywhere else in the app;
- the caret and the arrow keys follow the comment editor's rules
  (:mod:`reader.text.editing.caret`): the caret is a block on the cell drawing
  the logical character after it, or, after the last character, on the cell
  past the line's end in reading order (left of a right-to-left line). At a
  change of direction this puts the caret on the character that typing would
  push along and that Delete would remove;
- Left/Right move one cell on screen (visual movement, as in the comment
  editor: the arrow points where the caret goes, also across a Latin word or
  a number inside Arabic); Ctrl+Left/Right move by words
  in the direction of the arrow for the value's reading direction;
  Home/End go to the start/end in reading order (the right/left edge of an
  Arabic value); Backspace/Delete remove the cluster (a letter with its
  harakat) before/after the caret in logical order, as the comment editor
  does, so no haraka is left riding on the wrong letter;
- a value wider than the field scrolls horizontally to keep the caret in view;
- the placeholder is given logically and laid out by the engine too;
- whatever enters the value (keys, paste, the clipboard, code setting
  ``value``) is sanitized: no escape sequence, control, bidi control or
  newline reaches the terminal or the query; a pasted line break becomes a
  space.

The engine trims the spaces at a wrapped line's ends; a field must show them
(a typed space moves the caret), so the value's leading and trailing spaces
are put back where the Unicode Bidirectional Algorithm puts them: at the
paragraph's level (rule L1 and the neutral rules), that is at the start and
the end of the line in reading order.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Input
from textual.widgets.input import Selection

from reader.text.breaks.graphemes import next_boundary, previous_boundary
from reader.text.editing.caret import VisualLayout
from reader.text.layout import Document, LayoutOptions, Line
from reader.text.output import reorders
from reader.text.sanitize import sanitize_line
from reader.text.shaping import HARAKAT
from reader.ui.labels import Labels

__all__ = ["BidiInput", "field_line"]

#: Marks that belong to the word they sit on (Python's ``\w`` knows no marks).
_WORD_MARKS = re.escape("".join(sorted(HARAKAT))) + "\u0300-\u036f\u200c\u200d"


@lru_cache(maxsize=256)
def field_line(text: str, mode: str, harakat: str, shape: bool, direction: str) -> Line:
    """*text* (sanitized, one line) as one engine line, its outer spaces kept.

    ``visual_to_logical`` maps into *text* itself. The line is never wrapped:
    a field scrolls instead.
    """
    core = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - lead - len(core)
    if core:
        width = 2 * cell_len(core) + 2  # shaping never widens text: one line for sure
        options = LayoutOptions(width=width, mode=mode, harakat=harakat, shape=shape,
                                direction=direction, marks=False)  # the caret counts chars
        (line,) = Document([core], direction).paragraph_lines(0, options)
        # A field's caret model draws logical text from the left (the terminal orders it).
        rtl, align_right = line.rtl, line.align_right and reorders(mode)
        drawn, cells = line.text, line.cells
        inner = tuple(lead + i for i in line.visual_to_logical)
    else:
        rtl = direction == "rtl"
        align_right = rtl and reorders(mode)
        drawn, cells, inner = "", 0, ()
    before = range(lead)
    after = range(lead + len(core), len(text))
    if align_right:  # drawn right to left: the trailing spaces come first on screen
        order = (*reversed(after), *inner, *reversed(before))
        drawn = " " * trail + drawn + " " * lead
    else:
        order = (*before, *inner, *after)
        drawn = " " * lead + drawn + " " * trail
    return Line(drawn, cells + lead + trail, rtl, 0, 0, len(text), order, align_right)


class _FieldParagraph:
    """A field's value as the caret model reads a paragraph layout: one unwrapped line."""

    __slots__ = ("_length", "_line")

    def __init__(self, line: Line, length: int) -> None:
        self._line, self._length = line, length

    @property
    def rtl(self) -> bool:
        return self._line.rtl

    def __len__(self) -> int:
        return 1

    def bounds(self, number: int) -> tuple[int, int]:
        return 0, self._length

    def line(self, number: int) -> Line:
        return self._line


def _field_paragraph(harakat: str, shape: bool, text: str,
                     options: LayoutOptions) -> _FieldParagraph:
    """:class:`reader.text.editing.caret.ParagraphLines` for a field: one unwrapped line."""
    line = field_line(text, options.mode, harakat, shape, options.direction)
    return _FieldParagraph(line, len(text))


class BidiInput(Input):
    """Textual's ``Input`` drawn through the engine (see the module docstring)."""

    #: Where Ctrl+arrows and Ctrl+W stop: a word's first letter. Textual's own
    #: pattern takes a haraka for a word break and stops after every vowelled letter.
    _WORD_START = re.compile(f"(?<=[^\\w{_WORD_MARKS}])\\w")

    def __init__(self, value: str | None = None, placeholder: str = "", *,
                 mode: str = "app", harakat: str = "keep", shape: bool = True,
                 direction: str = "rtl", **kwargs: object) -> None:
        """*placeholder* is logical text (not already laid out); *direction* is the
        interface's, used for an empty value and for text with no strong letter."""
        self.mode, self.harakat, self.shape, self.direction = mode, harakat, shape, direction
        self._layout: VisualLayout | None = None
        self._layout_key: tuple[object, ...] | None = None
        super().__init__(value, placeholder, **kwargs)  # type: ignore[arg-type]

    # -- settings -----------------------------------------------------------------------
    def configure(self, *, mode: str, harakat: str, shape: bool, direction: str) -> None:
        """Lay the field out for new bidi mode, harakat, shaping or interface direction."""
        settings = (mode, harakat, shape, direction)
        if settings != (self.mode, self.harakat, self.shape, self.direction):
            self.mode, self.harakat, self.shape, self.direction = settings
            self._after_layout_change()

    def follow(self, labels: Labels) -> None:
        """Lay the field out like the interface's labels (the app's current settings)."""
        self.configure(mode=labels.mode, harakat=labels.harakat, shape=labels.shape,
                       direction="rtl" if labels.rtl else "ltr")

    # -- the value ------------------------------------------------------------------------
    def validate_value(self, value: str) -> str:
        """Every value, however set, is one sanitized line."""
        return sanitize_line(value)

    def replace(self, text: str, start: int, end: int) -> None:
        """Typed, pasted and clipboard text is sanitized before it enters the value."""
        super().replace(sanitize_line(text), start, end)

    def on_paste(self, event: events.Paste) -> None:
        # The whole paste as one line (Textual keeps only its first line): a phrase
        # copied across a line break is still the phrase.
        event.stop()
        event.prevent_default()  # not Input's handler as well
        text = sanitize_line(event.text)
        if text:
            self.replace(text, *self.selection)

    def watch_value(self, value: str) -> None:
        # After Input's own watcher (Textual calls it first): an edit can move the caret
        # on screen without moving it in the value.
        self._scroll_to_caret()

    # -- layout ---------------------------------------------------------------------------
    @property
    def field_width(self) -> int:
        """Cells the field shows at once."""
        return max(1, self.scrollable_content_region.width)

    def visual_layout(self) -> VisualLayout:
        """The value as the screen shows it, as wide as the field or as the value."""
        key = (self.value, self.field_width, self.mode, self.harakat, self.shape,
               self.direction)
        if self._layout is None or self._layout_key != key:
            line = field_line(self.value, self.mode, self.harakat, self.shape, self.direction)
            width = max(self.field_width, line.cells + 1)  # a cell for the caret at the end
            self._layout = VisualLayout(
                self.value, width, mode=self.mode, direction=self.direction,
                paragraph_layout=partial(_field_paragraph, self.harakat, self.shape),
            )
            self._layout_key = key
        return self._layout

    def caret_column(self) -> int:
        """Column of the caret in the laid-out value (before scrolling)."""
        return self.visual_layout().caret_cell(self.cursor_position)[1]

    @property
    def reads_right_to_left(self) -> bool:
        """True when the value is drawn right to left (an Arabic value in ``app`` mode)."""
        rows = self.visual_layout().rows
        return bool(rows) and rows[0].rtl_visual

    @property
    def _cursor_offset(self) -> int:
        return self.caret_column()

    @property
    def content_width(self) -> int:
        return self.visual_layout().width

    def _scroll_x(self) -> int:
        """The horizontal scroll, kept within the value (it may just have shrunk)."""
        most = max(0, self.content_width - self.field_width)
        return max(0, min(int(self.scroll_offset.x), most))

    def _scroll_to_caret(self) -> None:
        if not self.is_mounted:
            return
        self.virtual_size = Size(self.content_width, 1)
        self.scroll_to_region(Region(self.caret_column(), 0, 1, 1), force=True, animate=False)

    def _after_layout_change(self) -> None:
        self._layout = None
        self._scroll_to_caret()
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._scroll_to_caret()

    def _cell_offset_to_index(self, offset: int) -> int:
        """A click's column to the position whose caret is drawn nearest to it."""
        return self.visual_layout().position_at(0, offset + self._scroll_x())

    # -- drawing --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        if self.password:  # bullets have no direction: Textual's drawing is right
            return super().render_line(y)
        width = self.field_width
        if y != 0:
            return Strip.blank(width, self.rich_style)
        caret_style = self.get_component_rich_style("input--cursor")
        show_caret = self.has_focus and self._cursor_visible
        if not self.value:
            strip = self._placeholder_strip(width)
            if show_caret:
                x = self.visual_layout().caret_cell(0)[1]
                caret_cell = Strip(Segment(text, style + caret_style if style else caret_style)
                                   for text, style, _ in strip.crop(x, x + 1))
                strip = Strip.join([strip.crop(0, x), caret_cell, strip.crop(x + 1, width)])
            return strip.apply_style(self.rich_style)
        layout = self.visual_layout()
        caret = self.cursor_position if show_caret else None
        selection = (0, 0)
        if self.has_focus and not self.selection.is_empty:
            selection = tuple(sorted(self.selection))  # type: ignore[assignment]
        selection_style = self.get_component_rich_style("input--selection")
        styles = {"": None, "caret": caret_style, "selection": selection_style}
        segments = [Segment(text, styles[kind])
                    for text, kind in layout.spans(0, caret, selection)]
        scroll = self._scroll_x()
        strip = Strip(segments).crop(scroll, scroll + width).extend_cell_length(width)
        return strip.apply_style(self.rich_style)

    def _placeholder_strip(self, width: int) -> Strip:
        """The placeholder laid out and aligned like a value, cut to the field."""
        text = sanitize_line(self.placeholder)
        style = self.get_component_rich_style("input--placeholder")
        if not text:
            return Strip.blank(width)
        line = field_line(text, self.mode, self.harakat, self.shape, self.direction)
        fill = Segment(" " * max(0, width - line.cells))
        drawn = Segment(line.text, style)
        strip = Strip([fill, drawn] if line.align_right else [drawn, fill])
        start = max(0, line.cells - width) if line.align_right else 0  # keep its beginning
        return strip.crop(start, start + width)

    # -- keys -----------------------------------------------------------------------------
    def _move_visually(self, step: int, select: bool) -> None:
        layout = self.visual_layout()
        start, end = self.selection
        if not select and start != end:
            # Collapse to the selection's edge on the arrow's side of the screen.
            edges = sorted((layout.caret_cell(p)[1], p) for p in (start, end))
            self.cursor_position = edges[0][1] if step < 0 else edges[-1][1]
            return
        target = layout.move_horizontal(end, step)
        self.selection = Selection(start, target) if select else Selection.cursor(target)

    def action_cursor_left(self, select: bool = False) -> None:
        """One cell to the left on screen, whatever the logical order there."""
        self._move_visually(-1, select)

    def action_cursor_right(self, select: bool = False) -> None:
        """One cell to the right on screen, whatever the logical order there."""
        self._move_visually(1, select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        """A word to the left: the next word when the value reads right to left."""
        if self.reads_right_to_left:
            super().action_cursor_right_word(select)
        else:
            super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        """A word to the right: the previous word when the value reads right to left."""
        if self.reads_right_to_left:
            super().action_cursor_left_word(select)
        else:
            super().action_cursor_right_word(select)

    def action_delete_left(self) -> None:
        """Backspace: the selection, or the letter before the caret with its harakat."""
        end = self.cursor_position
        if not self.selection.is_empty or end == 0:
            super().action_delete_left()
            return
        self.delete(previous_boundary(self.value, end), end)

    def action_delete_right(self) -> None:
        """Delete: the selection, or the letter after the caret with its harakat."""
        start = self.cursor_position
        if not self.selection.is_empty or start >= len(self.value):
            super().action_delete_right()
            return
        self.delete(start, next_boundary(self.value, start))
