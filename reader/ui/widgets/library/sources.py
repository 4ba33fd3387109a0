"""What the article list shows: the library a page at a time, or a list of search hits.

The list asks a source for its length and for one entry at a time; the library's
source reads pages of :data:`PAGE_SIZE` rows in the order chosen and keeps the
last :data:`PAGES_KEPT` of them, so a 100,000-article library is never held in
memory (toolong's LogLines reads a log file the same way).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.library import Library
    from reader.library.models import ArticleSummary, SearchHit

    #: What the article list shows a row of.
    ListEntry = ArticleSummary | SearchHit

PAGE_SIZE = 100
PAGES_KEPT = 20


class ListSource(Protocol):
    """A list of entries (``ArticleSummary`` or ``SearchHit``) read by index."""

    #: The catalogue key of the message shown when the list is empty.
    empty_key: str

    def __len__(self) -> int: ...

    def entry(self, index: int) -> ListEntry | None:
        """Entry *index*, or None when there is none."""
        ...

    def position(self, article_id: str) -> int | None:
        """The index of the entry for *article_id*, or None when it is not listed."""
        ...


class LibraryPages:
    """The library's articles in *sort* order, read a page at a time."""

    empty_key = "library.empty"

    def __init__(self, library: Library, sort: str) -> None:
        self.library = library
        self.sort = sort
        self._length = library.count()
        self._pages: OrderedDict[int, Sequence[ArticleSummary]] = OrderedDict()

    def __len__(self) -> int:
        return self._length

    def entry(self, index: int) -> ArticleSummary | None:
        if not 0 <= index < self._length:
            return None
        number, within = divmod(index, PAGE_SIZE)
        rows = self._pages.get(number)
        if rows is None:
            rows = self.library.page(self.sort, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = rows
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows[within] if within < len(rows) else None

    def position(self, article_id: str) -> int | None:
        return self.library.position(self.sort, article_id)


class Hits:
    """Search hits, best first (a search returns a bounded number of them)."""

    empty_key = "library.no_hits"

    def __init__(self, hits: Sequence[SearchHit]) -> None:
        self.hits = list(hits)

    def __len__(self) -> int:
        return len(self.hits)

    def entry(self, index: int) -> SearchHit | None:
        return self.hits[index] if 0 <= index < len(self.hits) else None

    def position(self, article_id: str) -> int | None:
        for index, hit in enumerate(self.hits):
            if hit.article_id == article_id:
                return index
        return None
