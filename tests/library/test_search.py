"""Search over the real corpus: the folds hold, ranking and snippets are right."""

from __future__ import annotations

import pytest

from reader.library import Library
from reader.library.normalize import normalize
from reader.resources import seed_article_path


def _seed_id(library: Library) -> str:
    return library.resolve(str(seed_article_path())).id


@pytest.mark.parametrize(
    ("query", "original"),
    [("اسرائيل", "إسرائيل"), ("عقد", "عُقد"), ("الاتفاق", "الاتفاق")],
)
def test_seed_is_found_with_its_original_spelling(
    corpus_library: Library, query: str, original: str
) -> None:
    hits = corpus_library.search(query, limit=50)
    by_id = {hit.article_id: hit for hit in hits}
    seed = _seed_id(corpus_library)
    assert seed in by_id
    assert original in by_id[seed].snippet  # the snippet is the original text, harakat kept


def test_article_prefix_and_conjunction_are_folded(corpus_library: Library) -> None:
    """`الاتفاق` finds an article that only writes `والاتفاق`."""
    rows = corpus_library.connection.execute("SELECT id, title, body FROM articles").fetchall()
    only_with_waw = [
        article_id
        for article_id, title, body in rows
        if "والاتفاق" in normalize(body)
        and " الاتفاق" not in " " + normalize(title + "\n" + body).replace("\n", " ")
    ]
    assert only_with_waw, "the corpus should have an article writing only والاتفاق"
    found = {hit.article_id for hit in corpus_library.search("الاتفاق", limit=500)}
    assert set(only_with_waw) <= found


def test_harakat_in_the_query_are_ignored(corpus_library: Library) -> None:
    plain = [h.article_id for h in corpus_library.search("عقد", limit=100)]
    vocalised = [h.article_id for h in corpus_library.search("عُقِدَ", limit=100)]
    assert plain == vocalised and plain


def test_exact_title_ranks_its_article_first(corpus_library: Library) -> None:
    articles = corpus_library.list_articles()
    for summary in articles[5:40:7]:
        hits = corpus_library.search(summary.title, limit=5)
        # the corpus has the same story twice, once with a shadda: either may come first
        assert hits and normalize(hits[0].title) == normalize(summary.title), summary.title
        assert summary.id in {hit.article_id for hit in hits}


def test_scores_are_descending_and_snippets_come_from_the_body(corpus_library: Library) -> None:
    hits = corpus_library.search("النفط", limit=20)
    assert len(hits) >= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for hit in hits:
        body = corpus_library.get(hit.article_id).text
        core = hit.snippet.removeprefix("… ").removesuffix(" …")
        assert core in body
        for start, end in hit.highlights:
            assert "نفط" in normalize(hit.snippet[start:end])


def test_all_words_must_match_else_any(corpus_library: Library) -> None:
    both = corpus_library.search("الجبير إيران", limit=50)
    assert both
    for hit in both:
        text = normalize(corpus_library.get(hit.article_id).text + hit.title)
        assert "الجبير" in text and "ايران" in text
    # no article has both words: the search falls back to either
    either = corpus_library.search("رفسنجاني كأس", limit=50)
    assert either


@pytest.mark.parametrize("query", ["", "   ", "،.؟", '"', "AND OR NOT", "NEAR(x", "*", "a:b"])
def test_odd_queries_do_not_fail(corpus_library: Library, query: str) -> None:
    assert isinstance(corpus_library.search(query), list)


def test_limit_is_honoured(corpus_library: Library) -> None:
    assert len(corpus_library.search("المملكة", limit=3)) == 3


def test_hits_stream_one_at_a_time_in_the_same_order(corpus_library: Library) -> None:
    """iter_search gives search's hits, reading each row from SQLite as it is asked for."""
    every = corpus_library.search("المملكة", limit=1000)
    assert len(every) >= 50
    hits = corpus_library.iter_search("المملكة", limit=1000)
    first = next(hits)
    assert first == every[0]
    assert [first, *hits] == every
    # the fallback to any word streams too
    assert list(corpus_library.iter_search("رفسنجاني كأس", limit=50)) == corpus_library.search(
        "رفسنجاني كأس", limit=50)
    assert list(corpus_library.iter_search("", limit=5)) == []


def test_a_long_body_is_folded_paragraph_by_paragraph_to_the_same_snippet(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import search

    queries = ("النفط", "وزير الخارجية", "عُقِدَ", "الاتفاق النووي")
    whole = {q: corpus_library.search(q, limit=30) for q in queries}
    monkeypatch.setattr(search, "_FOLD_WHOLE_CHARS", 0)
    assert {q: corpus_library.search(q, limit=30) for q in queries} == whole


def test_accented_latin_is_found_without_its_accents(tmp_path) -> None:
    """A reader types ``cafe`` for ``Café``: the index holds folded words, read by
    FTS5's plain tokenizer, so the folding must drop Latin accents itself."""
    article = tmp_path / "cafe.txt"
    article.write_text("مقهى في زيورخ\n\nافتتح Café Zürich فرعا جديدا في الرياض.\n",
                       encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        [article_id] = library.import_paths([article]).article_ids
        for query in ("cafe zurich", "Café", "ZURICH"):
            assert [hit.article_id for hit in library.search(query)] == [article_id], query
