"""A read-only piece of interface text laid out by the engine.

Labels, the note and validation messages are Arabic in the Arabic interface:
they need the same shaping, visual order and right alignment as the article,
which Textual's Label cannot give.
"""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from reader.text.sanitize import sanitize


def laid_out(text: str, width: int, bidi: str, direction: str) -> list[str]:
    """The lines of *text* as the terminal should receive them, padded to *width*."""
    if not text or width < 2:  # the engine needs two cells
        return []
    return list(_laid_out(text, width, bidi, direction))


@lru_cache(maxsize=256)
def _laid_out(text: str, width: int, bidi: str, direction: str) -> tuple[str, ...]:
    """Interface strings are few and repeat on every refresh: lay each out once per width."""
    from reader.text.layout import LayoutOptions, layout_text

    options = LayoutOptions(width=width, mode=bidi, harakat="keep", shape=True,
                            direction=direction)
    return tuple(line.padded(width) for line in layout_text(sanitize(text), options))


class BidiText(Widget):
    """Static text (any direction) wrapped and ordered by the engine."""

    DEFAULT_CSS = """
    BidiText {
        height: auto;
    }
    """

    def __init__(self, text: str = "", *, bidi: str = "app", direction: str = "rtl",
                 name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._text = text
        self.bidi = bidi
        self.direction = direction

    @property
    def text(self) -> str:
        return self._text

    def update(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(laid_out(self._text, width, self.bidi, self.direction))

    def render(self) -> Text:
        width = self.content_size.width
        return Text("\n".join(laid_out(self._text, width, self.bidi, self.direction)),
                    no_wrap=True, overflow="crop")
