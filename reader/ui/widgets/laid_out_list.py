"""An option list whose prompts the engine lays out to the list's own width.

The option list must never wrap visual-order text itself (it would wrap from the
wrong end), so each prompt is built line by line for the current width and the
whole list is rebuilt when the width or the interface labels change. The library
screen's article list and the related-links pane both work this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ui.labels import Labels

#: What a list lists (the related pane: ``RelatedItem``).
Entry = TypeVar("Entry")


class LaidOutList(OptionList, Generic[Entry]):
    """Subclasses say what to list, what to say when it is empty, and how an entry reads."""

    #: Options are given ids ``f"{OPTION_ID}-{number}"``.
    OPTION_ID = "entry"

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self._built_width = 0

    def listed(self) -> Sequence[Entry]:
        """The entries shown, in order."""
        raise NotImplementedError

    def empty_message(self) -> str:
        """What the list says when it has no entries (interface language)."""
        raise NotImplementedError

    def prompt(self, entry: Entry, width: int) -> Text:
        """*entry* as lines already laid out and filled to *width* cells."""
        raise NotImplementedError

    def set_labels(self, labels: Labels) -> None:
        self.labels = labels
        self._rebuild()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._built_width:
            self._rebuild()

    def _rebuild(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self._built_width = self.scrollable_content_region.width
        width = max(10, self._built_width - 1)
        entries = self.listed()
        if not entries:
            message = self.empty_message()
            message = self.labels.filled(message, width)
            self.add_option(Option(Text(message, style="dim"), disabled=True))
            return
        for number, entry in enumerate(entries):
            self.add_option(Option(self.prompt(entry, width), id=f"{self.OPTION_ID}-{number}"))
        self.highlighted = (
            highlighted if highlighted is not None and highlighted < len(entries) else 0
        )
