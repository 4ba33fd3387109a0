"""Related articles: the links the page listed, then the most similar stored articles.

Similarity is BM25 with a weighted query: the seed article's terms (normalised,
lightly stemmed, stop words out) weighted by TF-IDF with idf raised to 1.5 (rare
terms, names among them, count more), and extra weight for terms that look like
names of people and places. Arabic has no capital letters; a name shows itself
by never taking the article ال in the seed (``إيران``, ``أوباما``, ``فيينا``)
while common nouns usually do (``الاتفاق``, ``النووي``).

The strongest query terms pick candidates through the FTS5 index (cheap at any
library size), which are then scored in Python on all the query terms.

Then one round of relevance feedback re-weights the seed's own terms: a news story
names many things besides its subject (who met whom, where, which spokesman
said it), and the seed's nearest neighbours tell them apart, since they share the
subject's terms and seldom the rest. The seed's terms found in several of its best
neighbours gain weight, the others lose some, and candidates are fetched and
scored again with the new weights. Only the seed's terms are re-weighted, none
added: the neighbours of a story are often several reports of one other story,
whose own terms would pull the query towards it.

Last, a floor: an article is listed only when it has at least
:data:`RELEVANCE_FLOOR` of the query's weight among its terms, so that a seed
with few neighbours lists few rather than padding the list with the least
unrelated articles. Each one listed says why: the strongest key terms it shares
with the seed, written as the seed writes them.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass

from reader.library.indexing import (
    TITLE_TERM_REPEAT,
    article_terms,
    count_new_terms,
    index_terms,
)
from reader.library.links import stored_links
from reader.library.models import RelatedItem
from reader.library.normalize import WORD_RE, normalize, normalize_word
from reader.library.stemming import term
from reader.text.sanitize import sanitize_line

# Measured on the seed against the 300-article corpus (benchmarks/library.py prints
# the figures): a short query of strong terms beats a long one, which lets the
# many generic words of a news story (meeting, United States, said) outvote its
# subject; idf**1.5 favours rare terms, names among them; boosting every title
# word hurt (titles carry generic words too); doubling names helped (average
# precision for the seed's Iran-nuclear neighbours: 0.85 without, 0.91 at x2,
# 0.85 at x2.5, 0.81 at x3).
# Candidates come from the seed's few strongest terms (fetching by more of them
# let in articles sharing only generic words, and cost more).
QUERY_TERMS = 20  # terms of the seed kept in the weighted query
CANDIDATE_TERMS = 6  # the strongest ones, used to fetch candidates
CANDIDATES = 50  # at least; three times the number asked for
IDF_POWER = 1.5
NAME_BOOST = 2.0
K1 = 1.2
B = 0.75
# Relevance feedback, measured the same way (average precision, rank of the last
# of the twelve): none 0.907 / 22; the best 5 neighbours re-weighting the seed's
# terms at half weight 1.000 / 12. Not a narrow optimum: 2 to 10 neighbours at a
# weight of 0.3 to 1.0 all give 0.975-1.000 / 12-15, and with feedback neither the
# length normalisation (B 0.3-0.9) nor the name boost (1-3) changes the ranking's
# precision. Expanding the query with the neighbours' own terms instead gave
# 0.97-0.99 / 13-20 (it drifts towards the story several neighbours report).
FEEDBACK_ARTICLES = 5  # the seed's best neighbours that re-weight its terms
FEEDBACK_SHARED = 2  # a term counts when at least this many of them have it
FEEDBACK_WEIGHT = 0.5  # share of the new weights that comes from the neighbours
# The floor, measured on the 300-article corpus with the seed and its twelve
# Iran-nuclear neighbours as thirteen seeds whose related articles are known
# (benchmarks/library.py prints the figures). Relevance is the share of the seed's
# key-term weight (the query's, plus that of key terms no other article has) that an
# article's terms cover: a bounded figure that means the same for every seed, unlike
# BM25's, which grows with the seed's length. For the seed, its twelve neighbours
# have 0.19-0.38 and the best of the rest 0.145, so 0.17 lists exactly the twelve.
# Over the 13 seeds' 156 known related pairs: recall 0.65, precision 0.79 at 0.17
# (0.71 / 0.70 at 0.14, 0.58 / 0.84 at 0.20, 0.38 / 0.86 at 0.25). Recall is bounded
# by the four articles that mention the deal only in passing (an oil report is not
# related to a Syria statement), and most "wrong" pairs above the floor are related
# by another subject (two oil-market reports, two of al-Jubeir's statements on
# Syria). With the 302 articles as seeds, the median one lists 7 (17 at 0.10), and
# none lists nothing; without the unmatchable weight in the share, a short article
# on a subject of its own was "related" to others by generic words alone.
RELEVANCE_FLOOR = 0.17
SHARED_TERMS_SHOWN = 3  # key terms shown as the reason an article is listed
_WORD = re.compile(r"[^\W_]+")
_ARTICLE_PREFIX = re.compile("[وف]?(?:[بلك]?ال|لل)")
_SQL_VARIABLES = 500
#: The seed's text read word by word for its names and their spellings: its beginning
#: speaks for a huge article (a pass over all of a 48 MB one took a minute, with the
#: library locked and the reading screen waiting); an article is far shorter.
_SEED_TEXT_CHARS = 200_000


def _name_like_terms(title: str, body: str) -> set[str]:
    """Terms that look like names of people, places and organisations in this article.

    A name is written bare (``إيران``) and never takes the article ال, while
    common nouns usually do somewhere (``الاتفاق``, ``النووي``). An adjective made
    from a name (``الإيرانية``) takes ال but does not count against the name: only
    ال followed by exactly the term does. The term must also occur bare twice, or
    bare in the title.
    """
    bare: Counter[str] = Counter()
    with_article: set[str] = set()
    title_words = _WORD.findall(normalize(title))
    title_bare: set[str] = set()
    for index, word in enumerate((*title_words, *_WORD.findall(normalize(body)))):
        stem = term(word)
        match = _ARTICLE_PREFIX.match(word)
        if match and word[match.end() :] == stem:
            with_article.add(stem)
        elif word == stem:
            bare[stem] += 1
            if index < len(title_words):
                title_bare.add(stem)
    return {
        t
        for t, n in bare.items()
        if t not in with_article and len(t) >= 3 and (n >= 2 or t in title_bare)
    }


def _terms(title: str, body: str) -> str:
    """An article's terms as the terms index holds them (it keeps no copy: migration
    0016), made again from its text; a huge article's from its first
    :data:`_SEED_TEXT_CHARS` (its beginning speaks for it, as for its names)."""
    if len(body) > _SEED_TEXT_CHARS:
        cut = body.rfind(" ", 0, _SEED_TEXT_CHARS)
        body = body[: cut if cut > 0 else _SEED_TEXT_CHARS]
    return index_terms(title, body)


def _document_frequencies(connection: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    terms = list(terms)
    found: dict[str, int] = {}
    for i in range(0, len(terms), _SQL_VARIABLES):
        chunk = terms[i : i + _SQL_VARIABLES]
        marks = ",".join("?" * len(chunk))
        found.update(
            connection.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk)
        )
    return found


@dataclass(frozen=True, slots=True)
class SeedTerm:
    """One term of the seed article, with what its weight is made of."""

    tf: int  # occurrences in the seed, title counted once
    idf: float
    name: bool  # looks like the name of a person, place or organisation
    elsewhere: bool = True  # in at least one other article (else it matches nothing)


def seed_terms(
    connection: sqlite3.Connection, key: int, *, unique: bool = False
) -> dict[str, SeedTerm]:
    """The terms of article *key* that occur in at least one other article (and, when
    *unique*, those in no other too, marked ``elsewhere=False``)."""
    row = connection.execute(
        "SELECT a.title, a.body FROM articles AS a JOIN search_index AS s "
        "ON s.article_key = a.key WHERE a.key = ?", (key,)).fetchone()
    if row is None:  # not stored, or not indexed
        return {}
    title, body = row
    counts = Counter(_terms(title, body).split())
    title_terms = set(article_terms(_WORD.findall(normalize(title))))
    for title_term in title_terms:  # titles were repeated in the index; count them once here
        counts[title_term] -= TITLE_TERM_REPEAT - 1
    names = _name_like_terms(title, body[:_SEED_TEXT_CHARS])
    documents = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
    frequencies = _document_frequencies(connection, counts)
    found = {}
    for name, tf in counts.items():
        df = frequencies.get(name, 1)
        if tf <= 0 or (df <= 1 and not unique):  # in no other article: matches nothing
            continue
        idf = math.log(1 + (documents - df + 0.5) / (df + 0.5))
        found[name] = SeedTerm(tf, idf, name in names, elsewhere=df > 1)
    return found


def _strongest(weights: dict[str, float], count: int) -> dict[str, float]:
    return dict(sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:count])


def query_weights(seed: dict[str, SeedTerm]) -> dict[str, float]:
    """The seed's weighted terms, strongest :data:`QUERY_TERMS` first.

    Weight: (1 + log tf) x idf**1.5, times :data:`NAME_BOOST` for name-like terms.
    """
    weights = {}
    for name, found in seed.items():
        weight = (1 + math.log(found.tf)) * found.idf**IDF_POWER
        if found.name:
            weight *= NAME_BOOST
        weights[name] = weight
    return _strongest(weights, QUERY_TERMS)


def feedback_weights(
    seed: dict[str, SeedTerm], weights: dict[str, float], neighbours: list[str]
) -> dict[str, float]:
    """*weights* re-weighted by the term lists of the seed's best *neighbours*.

    Each of the seed's terms that at least :data:`FEEDBACK_SHARED` neighbours have
    gets (mean over the neighbours of 1 + log tf) x idf**1.5; the strongest
    :data:`QUERY_TERMS` of these, scaled to the same total as *weights*, make
    :data:`FEEDBACK_WEIGHT` of the new weights.
    """
    if len(neighbours) < FEEDBACK_SHARED:
        return weights
    evidence: defaultdict[str, float] = defaultdict(float)
    shared: Counter[str] = Counter()
    for terms in neighbours:
        for name, tf in Counter(terms.split()).items():
            if name in seed:
                evidence[name] += 1 + math.log(tf)
                shared[name] += 1
    found = {
        name: evidence[name] / len(neighbours) * seed[name].idf ** IDF_POWER
        for name in evidence
        if shared[name] >= FEEDBACK_SHARED
    }
    found = _strongest(found, QUERY_TERMS)
    if not found:
        return weights
    scale = sum(weights.values()) / sum(found.values())
    mixed = {name: (1 - FEEDBACK_WEIGHT) * weight for name, weight in weights.items()}
    for name, weight in found.items():
        mixed[name] = mixed.get(name, 0.0) + FEEDBACK_WEIGHT * weight * scale
    return dict(sorted(mixed.items(), key=lambda item: (-item[1], item[0])))


_average_lengths: dict[int, tuple[int, float]] = {}


def _average_length(connection: sqlite3.Connection) -> float:
    """Mean number of terms an article has; recomputed when the article count changes
    (an approximate mean only shifts the length normalisation slightly)."""
    documents = connection.execute("SELECT max(article_key) FROM search_index").fetchone()[0] or 0
    cached = _average_lengths.get(id(connection))
    if cached is None or cached[0] != documents:
        total, count = connection.execute(
            "SELECT sum(term_count), count(*) FROM search_index"
        ).fetchone()
        cached = (documents, (total or 1) / max(count, 1))
        _average_lengths[id(connection)] = cached
    return cached[1]


_Row = tuple[int, str, int, str, str, str]  # key, terms, term count, id, title, url


def _candidates(
    connection: sqlite3.Connection,
    key: int,
    weights: dict[str, float],
    limit: int,
    fetched: dict[int, _Row],
) -> list[_Row]:
    """Articles having one of the strongest query terms (rows kept in *fetched*)."""
    strongest = list(weights)[:CANDIDATE_TERMS]
    expression = " OR ".join('"' + t.replace('"', '""') + '"' for t in strongest)
    keys = [
        k
        for (k,) in connection.execute(
            "SELECT rowid FROM article_terms WHERE article_terms MATCH ? AND rowid != ? "
            "ORDER BY rank LIMIT ?",
            (expression, key, limit),
        )
    ]
    missing = [k for k in keys if k not in fetched]
    if missing:
        marks = ",".join("?" * len(missing))
        for found, body, length, article_id, title, url in connection.execute(
            f"SELECT a.key, a.body, s.term_count, a.id, a.title, a.url "
            f"FROM articles AS a JOIN search_index AS s ON s.article_key = a.key "
            f"WHERE a.key IN ({marks})",
            missing,
        ):
            fetched[found] = (found, _terms(title, body), length, article_id, title, url)
    return [fetched[k] for k in keys if k in fetched]


def _ranked(
    rows: list[_Row], weights: dict[str, float], average_length: float, exclude: Set[str]
) -> list[tuple[float, _Row]]:
    """BM25 of each row for the weighted query, best first, excluded ids left out."""
    scored = []
    for row in rows:
        _key, terms, length, article_id, _title, _url = row
        if article_id in exclude:
            continue
        padded = f" {terms} "
        norm = K1 * (1 - B + B * length / average_length)
        score = 0.0
        for name, weight in weights.items():
            tf = padded.count(f" {name} ")  # terms are space separated: a count in C
            if tf:
                score += weight * tf * (K1 + 1) / (tf + norm)
        if score > 0:
            scored.append((score, row))
    scored.sort(key=lambda item: (-item[0], item[1][3]))
    return scored


def relevance(weights: dict[str, float], terms: Set[str], unmatchable: float = 0.0) -> float:
    """The share (0-1) of the seed's key-term weight carried by the terms an article has:
    the query's *weights*, plus the *unmatchable* weight of the seed's key terms that no
    other article has (a short article on a subject of its own would otherwise be
    "related" by the few generic words it shares with others)."""
    total = sum(weights.values()) + unmatchable
    if not total:
        return 0.0
    return sum(weight for name, weight in weights.items() if name in terms) / total


def _seed_spellings(connection: sqlite3.Connection, key: int, wanted: Set[str]) -> dict[str, str]:
    """For each term in *wanted*, the word the seed most often writes it as (a term
    is a folded stem, ``ايران``; a reader wants ``إيران``), marks and tatweel kept."""
    row = connection.execute("SELECT title, body FROM articles WHERE key = ?", (key,)).fetchone()
    if row is None:
        return {}
    spellings: dict[str, Counter[str]] = {name: Counter() for name in wanted}
    for text in row:
        for match in WORD_RE.finditer((text or "")[:_SEED_TEXT_CHARS]):
            word = match.group()
            found = spellings.get(term(normalize_word(word)))
            if found is not None:
                found[word] += 1

    def plain_first(item: tuple[str, int]) -> tuple[bool, int]:
        # بالاتفاق and والنووي name the term less plainly than الاتفاق or النووي
        prefix = _ARTICLE_PREFIX.match(normalize_word(item[0]))
        return (prefix is None or prefix.group() == "ال", item[1])

    return {
        name: sanitize_line(max(counts.items(), key=plain_first)[0])
        for name, counts in spellings.items()
        if counts
    }


def similar_articles(
    connection: sqlite3.Connection, key: int, top: int, exclude: Set[str] = frozenset()
) -> list[RelatedItem]:
    """Up to *top* stored articles similar to article *key* above :data:`RELEVANCE_FLOOR`,
    best first, each with the key terms it shares with the seed."""
    every = seed_terms(connection, key, unique=True)
    seed = {name: found for name, found in every.items() if found.elsewhere}
    weights = query_weights(seed)
    if not weights or top <= 0:
        return []
    unmatchable = sum(w for n, w in query_weights(every).items() if not every[n].elsewhere)
    limit = max(CANDIDATES, 3 * top)
    average_length = _average_length(connection)
    fetched: dict[int, _Row] = {}
    first = _ranked(
        _candidates(connection, key, weights, limit, fetched), weights, average_length, exclude
    )
    neighbours = [row[1] for _score, row in first[:FEEDBACK_ARTICLES]]
    weights = feedback_weights(seed, weights, neighbours)
    scored = _ranked(
        _candidates(connection, key, weights, limit, fetched), weights, average_length, exclude
    )
    kept: list[tuple[float, float, list[str], _Row]] = []
    for score, row in scored:
        present = set(row[1].split())
        share = relevance(weights, present, unmatchable)
        if share >= RELEVANCE_FLOOR:
            shared = [name for name in weights if name in present][:SHARED_TERMS_SHOWN]
            kept.append((score, share, shared, row))
            if len(kept) == top:
                break
    spellings = _seed_spellings(connection, key, {n for *_, shared, _r in kept for n in shared})
    return [
        RelatedItem(
            title=sanitize_line(title, keep_bidi_controls=True),
            url=url,
            article_id=article_id,
            score=round(score, 4),
            kind="similar",
            relevance=round(share, 3),
            shared_terms=tuple(spellings.get(name, name) for name in shared),
        )
        for score, share, shared, (_key, _terms, _length, article_id, title, url) in kept
    ]


def related(connection: sqlite3.Connection, article_id: str, top: int = 20) -> list[RelatedItem]:
    """The page's related links first, then up to *top* similar stored articles."""
    row = connection.execute("SELECT key FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return []
    count_new_terms(connection)  # articles stored one by one, outside an import
    stored = stored_links(connection, article_id)
    linked = {item.article_id for item in stored if item.article_id}
    return stored + similar_articles(connection, row[0], top, exclude=linked | {article_id})
