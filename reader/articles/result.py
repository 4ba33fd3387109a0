"""What a parser returns: the articles it read and the problems it met.

A JSON Lines file with one bad line out of 300 still holds 299 good articles,
so parsers collect problems instead of stopping at the first: each problem is
an :class:`InputError` naming the file and, for JSON Lines, the line number
("news.jsonl: line 7: invalid JSON (...)"). Callers that want all-or-nothing
use :meth:`ParseResult.articles_or_raise`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.articles.model import Article
from reader.errors import InputError
from reader.i18n.sentence import Sentence


@dataclass(slots=True)
class ParseResult:
    """Articles read from one file, and the problems with the parts that were not."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every part of the file was read."""
        return not self.problems

    def articles_or_raise(self) -> list[Article]:
        """The articles, or the first problem (counting the others) as an InputError."""
        if not self.problems:
            return self.articles
        first = self.problems[0]
        if len(self.problems) == 1:
            raise first
        others = len(self.problems) - 1
        more = (Sentence("input.and_one_more", problem=first.problem) if others == 1
                else Sentence("input.and_more", problem=first.problem, count=others))
        raise InputError(first.source, more)
