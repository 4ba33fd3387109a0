"""Search and related articles over the corpus give the results recorded before the
index changed shape (``data/corpus_results.json``, written by the index of migration
0002 with the stop words of :mod:`reader.library.stopwords`): a faster index must
find, rank and cut snippets exactly as the old one did."""

from __future__ import annotations

import pytest

from reader.library import Library
from tests.library.golden_queries import (
    QUERIES,
    recorded_results,
    related_results,
    search_results,
)


@pytest.fixture(scope="module")
def recorded() -> dict[str, dict[str, list[list[object]]]]:
    return recorded_results()


@pytest.mark.parametrize("query", QUERIES)
def test_search_results_are_the_recorded_ones(
    corpus_library: Library, recorded: dict[str, dict[str, list[list[object]]]], query: str
) -> None:
    assert search_results(corpus_library, query) == recorded["search"][query]


def test_related_articles_are_the_recorded_ones(
    corpus_library: Library, recorded: dict[str, dict[str, list[list[object]]]]
) -> None:
    assert related_results(corpus_library) == recorded["related"]
