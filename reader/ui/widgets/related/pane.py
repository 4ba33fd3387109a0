"""Related links of the article: stored ones open in the reader, external ones are copied.

Titles and URLs are untrusted: they are laid out by the engine (which sanitizes)
or passed through ``sanitize_line`` before they reach the option list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from reader.articles.display import relevance_bar, terms_direction, terms_line
from reader.text.sanitize import sanitize_line
from reader.ui.labels import Labels
from reader.ui.widgets.laid_out_list import LaidOutList

if TYPE_CHECKING:
    from reader.library.models import RelatedItem


class RelatedPane(LaidOutList["RelatedItem"]):
    """A list of ``library.related()`` items (title, url, article_id, score, kind).

    An item with an ``article_id`` is in the library and opens in the reader
    (whether the page listed it or the library found it similar); one without
    is external and its address is copied.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "key.down", show=False),
        Binding("up,k", "cursor_up", "key.up", show=False),
        Binding("home,g", "first", "key.home", show=False),
        Binding("end,G", "last", "key.end", show=False),
        Binding("enter", "select", "key.open"),
    ]

    class OpenStored(Message):
        """The reader chose a link to an article stored in the library."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class CopyUrl(Message):
        """The reader chose an external link: its (sanitized) address is to be copied."""

        def __init__(self, url: str | None) -> None:
            super().__init__()
            self.url = url

    OPTION_ID = "related"

    def __init__(self, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(labels, id=id)
        self.items: list[RelatedItem] = []
        #: True until the article's links arrive: they are looked for in a thread, for
        #: seconds on a long article, and "none" meanwhile would be a wrong answer.
        self.looking = True

    def set_items(self, items: Sequence[RelatedItem]) -> None:
        """Show *items* (from ``library.related()``)."""
        self.items = list(items)
        self.looking = False
        self._rebuild()

    def look_again(self) -> None:
        """Another article is shown: its links are being looked for (the last article's
        are no longer its links)."""
        self.items = []
        self.looking = True
        self._rebuild()

    def listed(self) -> Sequence[RelatedItem]:
        return self.items

    def empty_message(self) -> str:
        return self.labels("related.looking" if self.looking else "related.none")

    def prompt(self, item: RelatedItem, width: int) -> Text:
        """The title laid out to *width*, then why the article is listed (a relevance
        bar and the key terms it shares) or, for the page's own links, where it leads."""
        lines = self.labels.block(item.title or "", width, direction="rtl")
        title = self.labels.padded(lines, width) or "-"
        rtl = lines[0].rtl if lines else self.labels.rtl
        prompt = Text(title, no_wrap=True, overflow="ellipsis")
        prompt.append("\n")
        if item.relevance is not None:
            prompt.append(self._reason(item, item.relevance, width))
            return prompt
        if item.article_id:
            where = self.labels("related.stored")
        else:
            where = sanitize_line(item.url or "") or self.labels("related.external")
        prompt.append(Text(self.labels.filled(where, width, rtl), style="dim"))
        return prompt

    def _reason(self, item: RelatedItem, relevance: float, width: int) -> Text:
        """``●●●○○ إيران، النووي، طهران``: one line holding as many whole terms as fit,
        in the direction of the terms (the seed's words), with that direction's comma.
        Each term is an isolate, so a Latin term beside an Arabic one (or two Latin ones
        in an Arabic line) stays whole and the commas land between the terms."""
        terms = list(item.shared_terms)
        direction = terms_direction(terms)
        while True:
            reason = terms_line(terms, before=relevance_bar(relevance))
            lines = self.labels.block(reason, width, direction=direction)
            if len(lines) <= 1 or not terms:
                break
            terms.pop()
        line = lines[0].padded(width) if lines else ""
        return Text(line, style="dim", no_wrap=True, overflow="ellipsis")

    def action_select(self) -> None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.items):
            return
        self.choose(index)

    def choose(self, index: int) -> None:
        """Open a stored link, or ask for an external one to be copied."""
        item = self.items[index]
        if item.article_id:
            self.post_message(self.OpenStored(item.article_id))
        else:
            url = sanitize_line(item.url) if item.url else None
            self.post_message(self.CopyUrl(url))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A mouse click (or enter handled by OptionList itself) lands here.
        event.stop()
        if 0 <= event.option_index < len(self.items):
            self.choose(event.option_index)
