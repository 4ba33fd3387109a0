"""The list of stored articles (or search hits): title laid out by the engine, source, date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from reader.text.sanitize import sanitize_line
from reader.ui.labels import Labels
from reader.ui.widgets.laid_out_list import LaidOutList


class ArticleList(LaidOutList):
    """Articles newest first; Enter (or a click) opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "key.down", show=False),
        Binding("up,k", "cursor_up", "key.up", show=False),
        Binding("pagedown,space", "page_down", "key.page_down", show=False),
        Binding("pageup", "page_up", "key.page_up", show=False),
        Binding("home,g", "first", "key.home", show=False),
        Binding("end,G", "last", "key.end", show=False),
        Binding("enter", "select", "key.open"),
    ]

    class Open(Message):
        """Open the article *article_id*."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    OPTION_ID = "article"

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(labels, id=id)
        self.entries: list[Any] = []  # ArticleSummary or SearchHit
        self.empty_key = "library.empty"

    def set_entries(self, entries: Sequence[Any], *, empty_key: str = "library.empty") -> None:
        self.entries = list(entries)
        self.empty_key = empty_key
        self._rebuild()

    def article_id_at(self, index: int | None) -> str | None:
        if index is None or not 0 <= index < len(self.entries):
            return None
        entry = self.entries[index]
        return getattr(entry, "article_id", None) or getattr(entry, "id", None)

    def select_article(self, article_id: str) -> None:
        """Highlight *article_id* if it is listed."""
        for index in range(len(self.entries)):
            if self.article_id_at(index) == article_id:
                self.highlighted = index
                return

    def listed(self) -> Sequence[Any]:
        return self.entries

    def empty_message(self) -> str:
        return self.labels(self.empty_key)

    def prompt(self, entry: Any, width: int) -> Text:
        """Title, source and date, and a search hit's snippet, each laid out to *width*.

        Every line is filled to the width here: the option list must not wrap
        visual-order text itself (it would wrap from the wrong end).
        """
        lines = self.labels.block(entry.title or "", width, direction="rtl")
        rtl = lines[0].rtl if lines else self.labels.rtl
        prompt = Text(no_wrap=True, overflow="crop")
        for line in lines:
            prompt.append(line.padded(width) + "\n", style="bold")
        when = (getattr(entry, "date", None) or "").replace("T", " ")[:16]
        details = [sanitize_line(str(value))
                   for value in (getattr(entry, "source", None), when) if value]
        detail = " · ".join(details)[:width]
        prompt.append(detail.rjust(width) if rtl else detail, style="dim")
        snippet = getattr(entry, "snippet", None)
        if snippet:
            for line in self.labels.block(snippet, width, direction="rtl")[:2]:
                prompt.append("\n" + line.padded(width), style="italic")
        return prompt

    def action_select(self) -> None:
        article_id = self.article_id_at(self.highlighted)
        if article_id:
            self.post_message(self.Open(article_id))
