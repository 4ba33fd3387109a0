"""The queries and seeds whose results over the corpus are kept in
``data/corpus_results.json``: results recorded before a change to the index must
come out the same after it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.library import Library

#: the results recorded for :data:`QUERIES` and every :data:`SEEDS`-th article
RECORDED = Path(__file__).parent / "data" / "corpus_results.json"

QUERIES = [
    "المملكة", "النفط", "وزير الخارجية", "رفسنجاني", "كأس العالم", "اسرائيل", "عُقِدَ",
    "الاتفاق النووي", "والاتفاق", "للحكومة", "السعودية", "الرياض", "جدة", "مكة المكرمة",
    "الأمن", "الإرهاب", "داعش", "سوريا", "اليمن", "الحوثيين", "أسعار النفط", "أوبك",
    "الهلال", "النصر", "مباراة", "المنتخب", "وزارة الصحة", "كورونا", "التعليم", "الطلاب",
    "2015", "٢٠١٥", "iPhone", "على", "في", "مدير الجوازات", "الملك سلمان", "ولي العهد",
    "الاقتصاد", "البنك", "مليون", "ريال", "الطائف", "عسير", "الحج", "المعتمرين",
    "ايران امريكا", "طهران واشنطن", "قال", "مسؤول", "مسئول", "الجبير",
]
#: Every this-many-th stored article (in key order) is a seed for related articles.
SEEDS = 15


def recorded_results() -> dict[str, Any]:
    """The recorded results: ``search`` by query, ``related`` by seed article id."""
    return json.loads(RECORDED.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def search_results(library: Library, query: str) -> list[list[object]]:
    """What ``library`` finds for ``query``, in the recorded form."""
    return [
        [hit.article_id, round(hit.score, 6), hit.snippet, [list(h) for h in hit.highlights],
         [list(h) for h in hit.title_highlights]]
        for hit in library.search(query, limit=25)
    ]


def related_results(library: Library) -> dict[str, list[list[object]]]:
    """The related articles of every :data:`SEEDS`-th article of ``library`` (in key
    order), in the recorded form."""
    ids = [row[0] for row in library.connection.execute(
        "SELECT id FROM articles ORDER BY key").fetchall()]
    return {
        article_id: [[item.article_id, item.score, item.relevance, list(item.shared_terms),
                      item.kind] for item in library.related(article_id)]
        for article_id in ids[::SEEDS]
    }
