"""Related articles: the seed's neighbours in the corpus are the Iran-nuclear articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles.model import Article, RelatedLink
from reader.library import Library
from reader.library.storage import insert_article
from reader.resources import seed_article_path


def _ranked_flags(library: Library, wanted: set[str]) -> list[bool]:
    seed = library.resolve(str(seed_article_path()))
    urls = dict(library.connection.execute("SELECT id, url FROM articles"))
    items = library.related(seed.id, top=400)
    assert all(item.kind == "similar" for item in items)
    assert seed.id not in {item.article_id for item in items}
    return [urls[item.article_id] in wanted for item in items]


def test_corpus_has_the_iran_nuclear_articles(iran_nuclear_urls: set[str]) -> None:
    assert len(iran_nuclear_urls) == 12  # as the corpus's notes say


def test_seed_neighbours_are_iran_nuclear_articles(
    corpus_library: Library, iran_nuclear_urls: set[str]
) -> None:
    wanted = iran_nuclear_urls
    flags = _ranked_flags(corpus_library, wanted)
    assert all(flags[:4]), flags[:12]
    assert sum(flags[: len(wanted)]) >= 9, flags[: len(wanted)]
    found, precision_sum = 0, 0.0
    for rank, hit in enumerate(flags, 1):
        if hit:
            found += 1
            precision_sum += found / rank
    assert found == len(wanted)  # every one is related at all
    # measured: 12 of 12 in the top 12, average precision 1.000 (0.907 before relevance
    # feedback); the looser bounds here hold without it
    assert precision_sum / len(wanted) >= 0.85


def test_every_iran_nuclear_article_ranks_above_the_rest(
    corpus_library: Library, iran_nuclear_urls: set[str]
) -> None:
    """Including the two that mention Iran and the nuclear deal only in passing (an
    oil-market report, a summer op-ed): the deal is the seed's subject, and the
    articles sharing its other names (the United States, Israel) are not about it."""
    wanted = iran_nuclear_urls
    flags = _ranked_flags(corpus_library, wanted)
    assert all(flags[: len(wanted)]), flags[:20]


def test_page_links_come_first_and_resolve_to_stored_articles(
    corpus_library_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "copy.sqlite3"
    with Library.open(corpus_library_path) as source:
        source.connection.execute(f"VACUUM INTO '{path}'")
    with Library.open(path) as library:
        target = library.list_articles()[3]
        target_url = library.connection.execute(
            "SELECT url FROM articles WHERE id = ?", (target.id,)
        ).fetchone()[0]
        article = Article(
            title="مقال له روابط",
            paragraphs=["فقرة عن النفط والأسعار في السوق."],
            related=[
                RelatedLink("رابط خارجي", "https://example.com/x"),
                RelatedLink("رابط إلى مقال مخزن", target_url),
            ],
        )
        article_id, new = insert_article(library.connection, article)
        assert new
        items = library.related(article_id, top=5)
        assert [i.kind for i in items[:2]] == ["stored", "stored"]
        assert items[0].article_id is None and items[0].url == "https://example.com/x"
        assert items[1].article_id == target.id
        similar = items[2:]
        assert similar and all(i.kind == "similar" for i in similar)
        assert target.id not in {i.article_id for i in similar}  # listed once
        assert [i.score for i in similar] == sorted((i.score for i in similar), reverse=True)


def test_unknown_article_has_no_related(corpus_library: Library) -> None:
    assert corpus_library.related("0000000000000000") == []


def test_names_in_the_seed_are_told_from_common_nouns() -> None:
    from reader.articles.parse import parse_path
    from reader.library.related import _name_like_terms

    seed = parse_path(seed_article_path())[0]
    names = _name_like_terms(seed.title, seed.text)
    assert {"ايران", "اسرائيل", "نتانياهو", "اكسيوس"} <= names  # إيران despite الإيرانية
    assert not {"نووي", "اتفاق", "ولاي", "حكوم"} & names  # النووي, الاتفاق, الولايات...


def test_feedback_reweights_the_seed_terms_its_neighbours_share() -> None:
    from reader.library.related import SeedTerm, feedback_weights

    seed = {t: SeedTerm(tf=2, idf=2.0, name=False) for t in ("ايران", "نووي", "اسرائيل")}
    weights = {"اسرائيل": 30.0, "ايران": 20.0, "نووي": 10.0}
    neighbours = ["ايران نووي طهران", "ايران نووي نووي", "اسرائيل فلسطين", "ايران طهران"]
    mixed = feedback_weights(seed, weights, neighbours)
    assert set(mixed) == set(weights)  # طهران is not the seed's: nothing is added
    assert mixed["ايران"] > weights["ايران"] and mixed["نووي"] > weights["نووي"]
    assert mixed["اسرائيل"] < weights["اسرائيل"]  # one neighbour only: not shared
    assert next(iter(mixed)) == "ايران"
    assert sum(mixed.values()) == pytest.approx(sum(weights.values()))
    assert feedback_weights(seed, weights, neighbours[:1]) == weights  # too few to tell


def test_the_seed_lists_its_iran_nuclear_neighbours_and_nothing_below_the_floor(
    corpus_library: Library, iran_nuclear_urls: set[str]
) -> None:
    """The floor (measured: the twelve have 0.19-0.38, the best of the rest 0.145) keeps
    the twelve and lets nothing else pad the list, however many are asked for."""
    from reader.library.related import RELEVANCE_FLOOR

    seed = corpus_library.resolve(str(seed_article_path()))
    urls = dict(corpus_library.connection.execute("SELECT id, url FROM articles"))
    items = corpus_library.related(seed.id, top=50)
    assert {urls[item.article_id] for item in items} == iran_nuclear_urls
    for item in items:
        assert item.relevance is not None and RELEVANCE_FLOOR <= item.relevance <= 1
        assert 1 <= len(item.shared_terms) <= 3
    assert "إيران" in items[0].shared_terms  # as the seed writes it, not the folded ايران
    assert len(corpus_library.related(seed.id, top=5)) == 5


def test_an_article_on_its_own_subject_lists_nothing_similar(corpus_library_path: Path,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "copy.sqlite3"
    with Library.open(corpus_library_path) as source:
        source.connection.execute(f"VACUUM INTO '{path}'")
    with Library.open(path) as library:
        article = Article(
            title="زراعة الزعفران في الحدائق المنزلية",
            paragraphs=[
                "يحتاج الزعفران إلى تربة جيدة التصريف وشمس كافية في الخريف.",
                "تزرع أبصال الزعفران على عمق عشرة سنتيمترات وتسقى قليلا.",
                "يقطف الزعفران يدويا في الصباح الباكر قبل أن تتفتح الأزهار.",
            ],
        )
        article_id, _new = insert_article(library.connection, article)
        assert library.related(article_id) == []


def test_shared_terms_are_written_as_the_seed_writes_them(corpus_library: Library) -> None:
    """The plain spelling is preferred to one with a preposition attached (الاتفاق, not
    بالاتفاق), and a spelling from the text is kept with its hamza (إيران)."""
    from reader.library.related import _seed_spellings

    seed = corpus_library.resolve(str(seed_article_path()))
    key = corpus_library.connection.execute(
        "SELECT key FROM articles WHERE id = ?", (seed.id,)
    ).fetchone()[0]
    spellings = _seed_spellings(corpus_library.connection, key, {"ايران", "اتفاق", "نووي"})
    assert spellings == {"ايران": "إيران", "اتفاق": "الاتفاق", "نووي": "النووي"}


def test_relevance_is_the_share_of_the_query_weight() -> None:
    from reader.library.related import relevance

    weights = {"ايران": 3.0, "نووي": 1.0}
    assert relevance(weights, {"ايران", "طهران"}) == pytest.approx(0.75)
    assert relevance(weights, {"طهران"}) == 0.0
    assert relevance({}, {"ايران"}) == 0.0


def test_stop_words_are_spelt_as_the_terms_they_are_compared_with() -> None:
    """A stop word spelt otherwise than folding leaves it (على, folded to علي) is
    never dropped."""
    from reader.library.indexing import article_terms
    from reader.library.normalize import normalize
    from reader.library.stopwords import STOP_WORDS

    assert all(normalize(word) == word for word in STOP_WORDS)
    assert article_terms(normalize("على وعلى المملكة").split()) == ["مملك"]


def test_a_huge_article_s_terms_are_made_from_its_beginning(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terms index keeps no text, so related articles make each article's terms
    again from its text: from a huge one's beginning only (a pass over a 48 MB article
    would take a minute), cut at a space, as its names are read."""
    from reader.library import related as related_module

    bodies: list[str] = []
    real = related_module.index_terms
    monkeypatch.setattr(related_module, "index_terms",
                        lambda title, body: bodies.append(body) or real(title, body))
    monkeypatch.setattr(related_module, "_SEED_TEXT_CHARS", 900)
    seed = corpus_library.resolve(str(seed_article_path()))
    items = corpus_library.related(seed.id)
    assert items and bodies
    assert max(map(len, bodies)) <= 900
    assert any(len(body) > 800 for body in bodies)  # cut near the limit, at a space
    assert all(not body.endswith(" ") for body in bodies)
