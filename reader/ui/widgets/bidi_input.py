"""A one-line text field that shows its value the way the engine lays it out.

Textual's ``Input`` draws its value as typed: Arabic comes out unshaped and
left to right, which no reader of Arabic can read, and it offers no public way
to draw otherwise or to place its caret. :class:`BidiInput` is the comment
editor (:class:`~reader.ui.widgets.comments.editor.CommentEditor`) in its
one-line mode, which already keeps a logical buffer and draws the engine's
layout, made into a field that reads as Textual's ``Input`` does (border,
colours, blinking caret, placeholder, ``Changed``/``Submitted`` messages):

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
  (:mod:`reader.text.editing.words`: harakat belong to their word)
  in the direction of the arrow for the value's reading direction;
  Home/End go to the start/end in reading order (the right/left edge of an
  Arabic value); Backspace/Delete remove the cluster (a letter with its
  harakat) before/after the caret in logical order, so no haraka is left
  riding on the wrong letter; the line-editing keys of a terminal (Ctrl+W,
  Ctrl+U, Ctrl+K, Ctrl+A, Ctrl+E) work as in Textual's ``Input``; Ctrl+C copies
  the selection and, with nothing selected, is left to the app (its how-to-quit
  notice), as Textual's ``Input`` leaves it;
- Enter sends :class:`BidiInput.Submitted`; every change of the value sends
  :class:`BidiInput.Changed`; Escape is left to the screen;
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

from functools import lru_cache, partial
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer

from reader.text.editing.buffer import Selection
from reader.text.editing.caret import VisualLayout
from reader.text.editing.words import next_word_start, previous_word_start
from reader.text.layout import Document, LayoutOptions, Line
from reader.text.output import reorders
from reader.text.sanitize import sanitize_line
from reader.ui.labels import Labels
from reader.ui.widgets.comments.editor import EDITING_BINDINGS, CommentEditor

__all__ = ["BidiInput", "field_line"]

#: Seconds between two blinks of the caret (Textual's ``Input`` blinks at this pace).
BLINK_SECONDS = 0.5


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


class FieldMessage(Message):
    """What a field says, with its value at the time (as Textual's ``Input`` does)."""

    def __init__(self, field: BidiInput) -> None:
        super().__init__()
        self.input = field
        self.value = field.value

    @property
    def control(self) -> BidiInput:
        return self.input


class BidiInput(CommentEditor, inherit_bindings=False):
    """A one-line field drawn through the engine (see the module docstring).

    Its keys are the editing keys every field has (``EDITING_BINDINGS``), not the
    editor's (``inherit_bindings=False``): no Up/Down, which stay the screen's, and
    the keys of Textual's ``Input`` that a reader of a terminal expects in a one-line
    field (Ctrl+W, Ctrl+U, Ctrl+K, Ctrl+A, Ctrl+E).
    """

    DEFAULT_CSS = """
    BidiInput {
        background: $surface;
        color: $foreground;
        padding: 0 2;
        border: tall $border-blurred;
        width: 100%;
        height: 3;
        min-height: 3;
        pointer: text;
        &:focus {
            border: tall $border;
            background: $surface;
            background-tint: $foreground 5%;
        }
        &>.input--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        &>.input--selection {
            background: $input-selection-background;
            color: $input-selection-foreground;
        }
        &>.input--placeholder {
            color: $text-disabled;
        }
        &:ansi {
            background: ansi_default;
            color: ansi_default;
            &>.input--cursor {
                background: ansi_white;
                color: ansi_black;
            }
            &>.input--placeholder {
                text-style: dim;
                color: ansi_default;
            }
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"input--cursor", "input--selection",
                                             "input--placeholder"}

    BINDINGS: ClassVar[list[BindingType]] = [
        *EDITING_BINDINGS,
        Binding("ctrl+left", "word(-1)", "key.edit.word_left", show=False),
        Binding("ctrl+right", "word(1)", "key.edit.word_right", show=False),
        Binding("ctrl+shift+left", "word(-1, True)", "key.edit.select_word_left", show=False),
        Binding("ctrl+shift+right", "word(1, True)", "key.edit.select_word_right",
                show=False),
        Binding("ctrl+a", "home", "key.edit.line_start", show=False),
        Binding("ctrl+e", "end", "key.edit.line_end", show=False),
        Binding("ctrl+d", "delete", "key.edit.delete_after", show=False),
        Binding("ctrl+w,ctrl+backspace,alt+backspace", "delete_word_before",
                "key.edit.delete_word_before", show=False),
        Binding("ctrl+f", "delete_word_after", "key.edit.delete_word_after", show=False),
        Binding("ctrl+u,super+backspace", "delete_to_start", "key.edit.delete_to_start",
                show=False),
        Binding("ctrl+k", "delete_to_end", "key.edit.delete_to_end", show=False),
        Binding("ctrl+shift+a", "select_all", "key.edit.select_all", show=False),
        Binding("super+c", "copy", "key.edit.copy", show=False),
    ]

    placeholder: reactive[str] = reactive("")
    """Shown (laid out by the engine, dimmed) while the value is empty; logical text."""
    cursor_blink: reactive[bool] = reactive(True, init=False)
    """Whether the caret blinks while the field has the focus."""
    caret_shown: reactive[bool] = reactive(True)
    """Whether the caret is drawn now (it blinks off and on)."""

    class Changed(FieldMessage):
        """The value changed (typed, deleted, pasted, cut, or set by code)."""

    class Submitted(FieldMessage):
        """Enter was pressed in the field."""

    def __init__(self, value: str | None = None, placeholder: str = "", *,
                 mode: str = "app", harakat: str = "keep", shape: bool = True,
                 direction: str = "rtl", select_on_focus: bool = True,
                 name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        """*placeholder* is logical text (not already laid out); *direction* is the
        interface's, used for an empty value and for text with no strong letter.
        With *select_on_focus*, focusing the field (Tab, ``/``) selects its value, so
        that typing replaces it, as in Textual's ``Input``."""
        super().__init__(value or "", multiline=False, bidi=mode, direction=direction,
                         name=name, id=id, classes=classes)
        self.harakat, self.shape = harakat, shape
        self.select_on_focus = select_on_focus
        self.set_reactive(BidiInput.placeholder, placeholder)
        #: the first column of the laid-out value that the field shows (scrolled)
        self.scroll_column = 0
        self.blink_timer: Timer | None = None
        self._dragging = False
        self._field_key: tuple[object, ...] | None = None

    # -- settings -----------------------------------------------------------------------
    @property
    def mode(self) -> str:
        """The bidi output strategy the value is laid out for."""
        return self.bidi

    def configure(self, *, mode: str, harakat: str, shape: bool, direction: str) -> None:
        """Lay the field out for new bidi mode, harakat, shaping or interface direction."""
        settings = (mode, harakat, shape, direction)
        if settings != (self.bidi, self.harakat, self.shape, self.direction):
            self.bidi, self.harakat, self.shape, self.direction = settings
            self._layout = None
            self._after_move()

    def follow(self, labels: Labels) -> None:
        """Lay the field out like the interface's labels (the app's current settings)."""
        self.configure(mode=labels.mode, harakat=labels.harakat, shape=labels.shape,
                       direction="rtl" if labels.rtl else "ltr")

    # -- the value ------------------------------------------------------------------------
    @property
    def value(self) -> str:
        """The logical value (what is searched for)."""
        return self.buffer.text

    @value.setter
    def value(self, value: str) -> None:
        # Sanitized as typed text is; the caret goes to the end, as Input puts it.
        if sanitize_line(value) != self.buffer.text:
            self.buffer.set_text(value)
            self._after_edit()

    @property
    def cursor_position(self) -> int:
        """The caret, a logical position in the value."""
        return self.buffer.caret

    @cursor_position.setter
    def cursor_position(self, position: int) -> None:
        self.buffer.move_to(position)
        self._after_move()

    @property
    def selection(self) -> Selection:
        """The selected logical range (empty when nothing is selected)."""
        return self.buffer.selection

    @property
    def selected_text(self) -> str:
        return self.buffer.selected_text

    def clear(self) -> None:
        """Empty the field."""
        self.value = ""

    # -- layout ---------------------------------------------------------------------------
    @property
    def field_width(self) -> int:
        """Cells the field shows at once."""
        return max(1, self.content_size.width)

    def visual_layout(self, width: int | None = None) -> VisualLayout:
        """The value as the screen shows it, as wide as the field or as the value
        (never wrapped: *width* is not used)."""
        key = (self.value, self.field_width, self.bidi, self.harakat, self.shape,
               self.direction)
        if self._layout is None or self._field_key != key:
            line = field_line(self.value, self.bidi, self.harakat, self.shape, self.direction)
            width = max(self.field_width, line.cells + 1)  # a cell for the caret at the end
            self._layout = VisualLayout(
                self.value, width, mode=self.bidi, direction=self.direction,
                paragraph_layout=partial(_field_paragraph, self.harakat, self.shape),
            )
            self._field_key = key
        return self._layout

    def caret_column(self) -> int:
        """Column of the caret in the laid-out value (before scrolling)."""
        return self.visual_layout().caret_cell(self.cursor_position)[1]

    @property
    def reads_right_to_left(self) -> bool:
        """True when the value is drawn right to left (an Arabic value in ``app`` mode)."""
        rows = self.visual_layout().rows
        return bool(rows) and rows[0].rtl_visual

    def _scroll_to_caret(self) -> None:
        """Scroll as little as keeps the caret in view, and never past the value."""
        width = self.field_width
        column = self.caret_column()
        most = max(0, self.visual_layout().width - width)
        scroll = min(self.scroll_column, column)
        scroll = max(scroll, column - width + 1)
        self.scroll_column = max(0, min(scroll, most))
        if self.has_focus:
            # Where the terminal's own cursor goes (an input method draws there).
            region = self.content_region
            self.app.cursor_position = Offset(region.x + column - self.scroll_column, region.y)

    # -- drawing --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.field_width
        if y != 0:
            return Strip.blank(width, self.rich_style)
        caret_style = self.get_component_rich_style("input--cursor")
        show_caret = self.has_focus and self.caret_shown
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
        if self.has_focus and not self.selection.empty:
            selection = (self.selection.start, self.selection.end)
        styles = {"": None, "caret": caret_style,
                  "selection": self.get_component_rich_style("input--selection")}
        segments = [Segment(text, styles[kind])
                    for text, kind in layout.spans(0, caret, selection)]
        scroll = self.scroll_column
        strip = Strip(segments).crop(scroll, scroll + width).extend_cell_length(width)
        return strip.apply_style(self.rich_style)

    def _placeholder_strip(self, width: int) -> Strip:
        """The placeholder laid out and aligned like a value, cut to the field."""
        text = sanitize_line(self.placeholder)
        style = self.get_component_rich_style("input--placeholder")
        if not text:
            return Strip.blank(width)
        line = field_line(text, self.bidi, self.harakat, self.shape, self.direction)
        fill = Segment(" " * max(0, width - line.cells))
        drawn = Segment(line.text, style)
        strip = Strip([fill, drawn] if line.align_right else [drawn, fill])
        start = max(0, line.cells - width) if line.align_right else 0  # keep its beginning
        return strip.crop(start, start + width)

    # -- the caret's blink ------------------------------------------------------------------
    def on_mount(self) -> None:
        self.blink_timer = self.set_interval(BLINK_SECONDS, self._blink,
                                             pause=not (self.cursor_blink and self.has_focus))

    def _blink(self) -> None:
        self.caret_shown = not self.caret_shown if self.screen.is_active else True

    def _restart_blink(self) -> None:
        self.caret_shown = True
        if self.blink_timer is not None and self.cursor_blink and self.has_focus:
            self.blink_timer.reset()
            self.blink_timer.resume()

    def watch_cursor_blink(self, blink: bool) -> None:
        if blink:
            self._restart_blink()
        else:
            if self.blink_timer is not None:
                self.blink_timer.pause()
            self.caret_shown = True

    def on_focus(self, event: events.Focus) -> None:
        if self.select_on_focus and not event.from_app_focus and self.value:
            self.buffer.select_all()
            self._after_move()
        self._restart_blink()
        self._scroll_to_caret()

    def on_blur(self, _event: events.Blur) -> None:
        if self.blink_timer is not None:
            self.blink_timer.pause()
        self.caret_shown = True

    # -- keys and the mouse ---------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        self._restart_blink()
        if event.key == "enter":  # (the editor's own handler would go to the next field)
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))

    def action_move(self, direction: int, select: bool = False) -> None:
        """Left/Right: one cell on screen, whatever the logical order there; without
        Shift, a selection collapses to its edge on the arrow's side of the screen."""
        selection = self.selection
        if select or selection.empty:
            super().action_move(direction, select)
            return
        layout = self.visual_layout()
        edges = sorted((layout.caret_cell(p)[1], p) for p in (selection.start, selection.end))
        self.cursor_position = edges[0][1] if direction < 0 else edges[-1][1]

    def action_word(self, direction: int, select: bool = False) -> None:
        """A word towards the arrow: the next word leftwards in a right-to-left value."""
        forward = (direction > 0) != self.reads_right_to_left
        caret = self.cursor_position
        target = (next_word_start(self.value, caret) if forward
                  else previous_word_start(self.value, caret))
        self.buffer.move_to(target, select=select)
        self._after_move()

    def _delete(self, start: int, end: int) -> None:
        """Remove [start, end), or the selection when there is one."""
        changed = (self.buffer.delete_selection() if not self.selection.empty
                   else self.buffer.delete_range(start, end))
        if changed:
            self._after_edit()

    def action_delete_word_before(self) -> None:
        caret = self.cursor_position
        self._delete(previous_word_start(self.value, caret), caret)

    def action_delete_word_after(self) -> None:
        caret = self.cursor_position
        self._delete(caret, next_word_start(self.value, caret))

    def action_delete_to_start(self) -> None:
        self._delete(0, self.cursor_position)

    def action_delete_to_end(self) -> None:
        self._delete(self.cursor_position, len(self.value))

    def _position_at(self, event: events.MouseEvent) -> int:
        """The position whose caret is drawn nearest to the pointer's column."""
        offset = event.get_content_offset_capture(self)
        return self.visual_layout().position_at(0, offset.x + self.scroll_column)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.buffer.move_to(self._position_at(event), select=event.shift)
        self._after_move()
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:  # a drag selects from where the button went down
            self.buffer.move_to(self._position_at(event), select=True)
            self._after_move()

    def on_mouse_up(self, _event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        event.prevent_default()  # placed on the button's press (the editor's would undo a drag)

    def _after_move(self) -> None:
        self._restart_blink()
        super()._after_move()
