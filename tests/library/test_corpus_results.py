"""Search and related articles over the corpus give the results recorded before the
index changed shape (``data/corpus_results.json``, written by the index of migration
0002 with the stop words of :mod:`reader.library.stopwords`): a faster index must
find, rank and cut snippets exactly as the old one did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library import Library
from tests.library.golden_queries import QUERIES, SEEDS

_RECORDED = Path(__file__).parent / "data" / "corpus_results.json"


@pytest.fixture(scope="module")
def recorded() -> dict[str, dict[str, list[list[object]]]]:
    return json.loads(_RECORDED.read_text(encoding="utf-8"))


def _hits(library: Library, query: str) -> list[list[object]]:
    return [
        [hit.article_id, round(hit.score, 6), hit.snippet, [list(h) for h in hit.highlights],
         [list(h) for h in hit.title_highlights]]
        for hit in library.search(query, limit=25)
    ]


@pytest.mark.parametrize("query", QUERIES)
def test_search_results_are_the_recorded_ones(
    corpus_library: Library, recorded: dict[str, dict[str, list[list[object]]]], query: str
) -> None:
    assert _hits(corpus_library, query) == recorded["search"][query]


def test_related_articles_are_the_recorded_ones(
    corpus_library: Library, recorded: dict[str, dict[str, list[list[object]]]]
) -> None:
    ids = [row[0] for row in corpus_library.connection.execute(
        "SELECT id FROM articles ORDER BY key").fetchall()]
    found = {
        article_id: [[item.article_id, item.score, item.relevance, list(item.shared_terms),
                      item.kind] for item in corpus_library.related(article_id)]
        for article_id in ids[::SEEDS]
    }
    assert found == recorded["related"]
