"""The comment editor: a logical buffer shown as the engine lays it out.

Textual's TextArea and Input show Arabic unshaped, left to right, and step
over harakat one code point at a time. This widget keeps the text logical
(:class:`reader.text.editing.buffer.EditBuffer`), draws the engine's visual lines
(shaped, reordered, right-aligned for right-to-left paragraphs, wrapped to
the widget) and puts the caret where the line's logical/visual map says
(:class:`reader.text.editing.caret.VisualLayout`). Copy gives logical text; paste
is sanitized. In ``terminal`` bidi mode the lines are logical and unshaped and
the terminal does the rest.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from reader.text.editing.buffer import EditBuffer
from reader.text.editing.caret import VisualLayout

#: The caret and editing keys of every text field, in one place: the comment editor's
#: and the one-line field's (:class:`reader.ui.widgets.bidi_input.BidiInput`). Each
#: adds its own: the editor its line keys (Up/Down) and Ctrl+A for select-all; the
#: one-line field, which leaves Up/Down to the screen, the keys of Textual's ``Input``
#: (words, Ctrl+A/E for the ends, Ctrl+D, Ctrl+W, Ctrl+U, Ctrl+K).
EDITING_BINDINGS: list[BindingType] = [
    Binding("left", "move(-1)", "key.edit.move_left", show=False),
    Binding("right", "move(1)", "key.edit.move_right", show=False),
    Binding("shift+left", "move(-1, True)", "key.edit.select_left", show=False),
    Binding("shift+right", "move(1, True)", "key.edit.select_right", show=False),
    Binding("home", "home", "key.edit.line_start", show=False),
    Binding("end", "end", "key.edit.line_end", show=False),
    Binding("shift+home", "home(True)", "key.edit.select_line_start", show=False),
    Binding("shift+end", "end(True)", "key.edit.select_line_end", show=False),
    Binding("backspace", "backspace", "key.edit.delete_before", show=False),
    Binding("delete", "delete", "key.edit.delete_after", show=False),
    Binding("ctrl+c,ctrl+insert", "copy", "key.edit.copy", show=False),
    Binding("ctrl+x", "cut", "key.edit.cut", show=False),
    Binding("ctrl+v,shift+insert", "paste", "key.edit.paste", show=False),
]


class CommentEditor(Widget, can_focus=True):
    """An editable field for Arabic (and any) text; multi-line or one line."""

    DEFAULT_CSS = """
    CommentEditor {
        height: auto;
        min-height: 1;
        background: $surface;
    }
    CommentEditor.-multiline {
        min-height: 5;
        max-height: 14;
    }
    CommentEditor:focus {
        background: $boost;
    }
    CommentEditor > .comment-editor--caret {
        text-style: reverse;
    }
    CommentEditor > .comment-editor--selection {
        background: $primary 60%;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"comment-editor--caret", "comment-editor--selection"}

    BINDINGS: ClassVar[list[BindingType]] = [
        *EDITING_BINDINGS,
        Binding("up", "vertical(-1)", "key.edit.move_up", show=False),
        Binding("down", "vertical(1)", "key.edit.move_down", show=False),
        Binding("shift+up", "vertical(-1, True)", "key.edit.select_up", show=False),
        Binding("shift+down", "vertical(1, True)", "key.edit.select_down", show=False),
        Binding("ctrl+a", "select_all", "key.edit.select_all", show=False),
    ]

    class Changed(Message):
        """The text changed (typing, deleting, pasting, cutting)."""

        def __init__(self, editor: CommentEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> CommentEditor:
            return self.editor

    def __init__(self, text: str = "", *, multiline: bool = True, bidi: str = "app",
                 direction: str = "rtl", name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.buffer = EditBuffer(text, multiline=multiline)
        self.bidi = bidi
        self.direction = direction
        self._layout: VisualLayout | None = None
        self._layout_key: tuple[str, int, str] | None = None
        self._top = 0
        self._goal_x: int | None = None
        if multiline:
            self.add_class("-multiline")

    # -- public ---------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The logical text (what is stored and sent)."""
        return self.buffer.text

    def load(self, text: str) -> None:
        """Replace the text without announcing a change (loading a draft)."""
        self.buffer.set_text(text)
        self._after_move()

    def visual_layout(self, width: int | None = None) -> VisualLayout:
        """The layout of the text for *width* (default: the widget's), built once per edit."""
        if width is None:
            width = self.content_size.width or self.size.width or 40
        width = max(2, width)
        key = (self.buffer.text, width, self.bidi)
        if self._layout is None or self._layout_key != key:
            self._layout = VisualLayout(self.buffer.text, width, mode=self.bidi,
                                        direction=self.direction, previous=self._layout)
            self._layout_key = key
        return self._layout

    # -- size and drawing -------------------------------------------------------------
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.buffer.multiline:
            return 1
        return len(self.visual_layout(width).rows)

    def _visible_rows(self) -> int:
        return max(1, self.content_size.height or 1)

    def render_line(self, y: int) -> Strip:
        layout = self.visual_layout()
        index = self._top + y
        base = self.rich_style
        if index >= len(layout.rows):
            return Strip([Segment(" " * layout.width, base)], layout.width)
        caret = self.buffer.caret if self.has_focus else None
        sel = self.buffer.selection
        segments = []
        for text, kind in layout.spans(index, caret, (sel.start, sel.end)):
            # most rows are plain text: the component styles are looked up only when used
            style = base
            if kind:
                style = base + self.get_component_rich_style(f"comment-editor--{kind}")
            segments.append(Segment(text, style))
        return Strip(segments).crop_extend(0, layout.width, base)

    def _scroll_to_caret(self) -> None:
        row, _ = self.visual_layout().caret_cell(self.buffer.caret)
        visible = self._visible_rows()
        if row < self._top:
            self._top = row
        elif row >= self._top + visible:
            self._top = row - visible + 1
        self._top = max(0, min(self._top, max(0, len(self.visual_layout().rows) - visible)))

    def _after_move(self) -> None:
        self._scroll_to_caret()
        self.refresh()

    def _after_edit(self) -> None:
        self._goal_x = None
        rows_before = len(self._layout.rows) if self._layout is not None else -1
        self._scroll_to_caret()  # lays the text out again (only what the edit changed)
        # The screen's layout is redone only when the field's height may change; any
        # other keystroke repaints the rows on screen.
        self.refresh(layout=len(self.visual_layout().rows) != rows_before)
        self.post_message(self.Changed(self))

    def on_resize(self, _event: events.Resize) -> None:
        self._scroll_to_caret()

    def on_focus(self, _event: events.Focus) -> None:
        self.refresh()

    def on_blur(self, _event: events.Blur) -> None:
        self.refresh()

    # -- keys ---------------------------------------------------------------------------
    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Printable keys are text here, not the screen's shortcuts."""
        return character is not None and character.isprintable()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            if not self.buffer.multiline:
                self.screen.focus_next()  # one-line fields: Enter goes to the next field
            elif self.buffer.newline():
                self._after_edit()
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.insert(event.character)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self.insert(event.text)

    def insert(self, text: str) -> None:
        """Type *text* at the caret (replacing the selection), as keys and pastes do."""
        if self.buffer.insert(text):
            self._after_edit()

    def action_move(self, direction: int, select: bool = False) -> None:
        """Left/Right: one cell on screen (visual order)."""
        self._goal_x = None
        pos = self.visual_layout().move_horizontal(self.buffer.caret, direction)
        self.buffer.move_to(pos, select=select)
        self._after_move()

    def action_vertical(self, direction: int, select: bool = False) -> None:
        """Up/Down: the line above or below, keeping the screen column."""
        pos, self._goal_x = self.visual_layout().move_vertical(
            self.buffer.caret, direction, self._goal_x)
        self.buffer.move_to(pos, select=select)
        self._after_move()

    def action_home(self, select: bool = False) -> None:
        self._goal_x = None
        self.buffer.move_to(self.visual_layout().line_start(self.buffer.caret), select=select)
        self._after_move()

    def action_end(self, select: bool = False) -> None:
        self._goal_x = None
        self.buffer.move_to(self.visual_layout().line_end(self.buffer.caret), select=select)
        self._after_move()

    def action_backspace(self) -> None:
        if self.buffer.backspace():
            self._after_edit()

    def action_delete(self) -> None:
        if self.buffer.delete():
            self._after_edit()

    def action_select_all(self) -> None:
        self.buffer.select_all()
        self._after_move()

    def action_copy(self) -> None:
        """Copy the selection as logical text (what screen-copying cannot give).

        With nothing selected the key is not the field's, as in Textual's ``Input``:
        Ctrl+C goes on to the app, which tells how to quit (a reader pressing it while
        writing most likely meant to leave, and would otherwise hear nothing)."""
        text = self.buffer.selected_text
        if not text:
            raise SkipAction()
        self.app.copy_to_clipboard(text)

    def action_cut(self) -> None:
        text = self.buffer.selected_text
        if text:
            self.app.copy_to_clipboard(text)
            self.buffer.delete_selection()
            self._after_edit()

    def action_paste(self) -> None:
        if self.app.clipboard and self.buffer.insert(self.app.clipboard):
            self._after_edit()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        pos = self.visual_layout().position_at(self._top + offset.y, offset.x)
        self.buffer.move_to(pos, select=event.shift)
        self._goal_x = None
        self._after_move()
