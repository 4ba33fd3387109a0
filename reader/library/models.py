"""What the library hands back: small immutable records, strings already sanitized."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the library's list."""

    id: str
    title: str
    date: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the snippet is ORIGINAL text (harakat kept) around the match.

    ``highlights`` are (start, end) offsets in ``snippet`` of the words that matched,
    ``title_highlights`` the same in ``title``.
    ``score`` is higher for better matches (negated BM25).
    """

    article_id: str
    title: str
    snippet: str
    score: float
    date: str | None = None
    source: str | None = None
    highlights: tuple[tuple[int, int], ...] = ()
    title_highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class RelatedItem:
    """A related article: a link the page listed (``kind="stored"``) or one found by
    content (``kind="similar"``). ``article_id`` is set when it is in the library;
    ``score`` is the similarity that orders the list (``None`` for the page's own
    links). For a similar article, ``relevance`` (0-1) is the share of the seed's
    weighted key terms it has, and ``shared_terms`` the strongest of them, as the
    seed writes them: why it is listed."""

    title: str
    url: str | None
    article_id: str | None
    score: float | None
    kind: str
    relevance: float | None = None
    shared_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A file (or a line of one) that could not be imported, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class ImportReport:
    """What an import did. ``article_ids`` lists every article read, in order,
    whether new or already stored."""

    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    #: Files of a kind the reader does not read, met in a folder (listed, not failures).
    skipped: list[ImportProblem] = field(default_factory=list)
    #: Links that lead nowhere or back up the tree, folders too deep (not failures).
    warnings: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems
