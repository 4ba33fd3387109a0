"""The "save my name, e-mail and website" box, its label wrapped and ordered by the engine.

Textual's Checkbox draws its label on one line, unshaped and left to right:
the Arabic label ran off the pane with its first words cut. This box puts the
mark at the start of the label in reading order (right for Arabic) and wraps
the label under itself.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from reader.ui.widgets.comments.bidi_text import laid_out

_BOX = 4  # "[x] "


class RememberBox(Widget, can_focus=True):
    """A check box with an engine-laid-out label."""

    DEFAULT_CSS = """
    RememberBox {
        height: auto;
        margin-top: 1;
    }
    RememberBox:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "tick", "key.edit.toggle", show=False),
    ]

    class Changed(Message):
        """The box was ticked or unticked."""

        def __init__(self, box: RememberBox, value: bool) -> None:
            super().__init__()
            self.box = box
            self.value = value

        @property
        def control(self) -> RememberBox:
            return self.box

    def __init__(self, label: str, value: bool = False, *, bidi: str = "app",
                 direction: str = "ltr", id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self._value = value
        self.bidi = bidi
        self.direction = direction

    @property
    def value(self) -> bool:
        return self._value

    @value.setter
    def value(self, value: bool) -> None:
        if value != self._value:
            self._value = value
            self.refresh()
            self.post_message(self.Changed(self, value))

    def set_label(self, label: str, *, bidi: str | None = None,
                  direction: str | None = None) -> None:
        self.label = label
        self.bidi = bidi or self.bidi
        self.direction = direction or self.direction
        self.refresh(layout=True)

    def action_tick(self) -> None:
        """Tick or untick (not ``action_toggle``: Textual's own toggles an attribute)."""
        self.value = not self._value

    def on_click(self, _event: events.Click) -> None:
        self.action_tick()

    def _lines(self, width: int) -> list[str]:
        text_width = max(2, width - _BOX)
        lines = laid_out(self.label, text_width, self.bidi, self.direction) or [""]
        box = "[x]" if self._value else "[ ]"
        right = self.direction == "rtl" and self.bidi == "app"
        out = []
        for n, line in enumerate(lines):
            mark = box if n == 0 else "   "
            out.append(f"{line} {mark}" if right else f"{mark} {line}")
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n".join(self._lines(self.content_size.width)), no_wrap=True,
                    overflow="crop")
