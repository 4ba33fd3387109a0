"""The search and related-article index rows of one article, and writing them.

Computed in Python (normalising and stemming), stored in the FTS5 tables of
migrations 0014 and 0016: the search index holds each article's folded words one space
apart, the terms index its related-article terms, both read by FTS5's plain ``ascii``
tokenizer, and neither keeps a copy of its text. Bump
:data:`INDEX_VERSION` whenever :mod:`normalize`, :mod:`stemming` or :mod:`stopwords`
change what they produce: libraries indexed by an older version are re-indexed on
their next open.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

from reader.library.database import transaction
from reader.library.normalize import normalize
from reader.library.stemming import search_forms, term
from reader.library.stopwords import STOP_WORDS

INDEX_VERSION = 5
_WORD = re.compile(r"[^\W_]+")
_MIN_TERM_LENGTH = 3
# Title words count this many times in an article's terms: titles name the subject.
TITLE_TERM_REPEAT = 2


class IndexRow(NamedTuple):
    """What the index stores for one article: words as the search index's tokenizer
    reads them (folded, one space between words: the ``ascii`` tokenizer of migration
    0014 splits at the spaces and nothing else, so the index holds exactly the words
    :func:`reader.library.normalize.normalized_words` gives)."""

    title: str  # the title's words
    body: str  # the body's words
    forms: str  # the other readings of every word (without prefixes, stemmed)
    terms: str  # related-article terms, title terms repeated, one space between
    term_count: int


def article_terms(words: list[str]) -> list[str]:
    """Related-article terms of normalised *words*: stemmed, stop words and numbers dropped."""
    return list(filter(None, map(_TERM_OF.__getitem__, words)))


class _WordCache(dict[str, str]):
    """A fact the index stores of each distinct normalised word, computed once per word
    (text is Zipfian: an article's 500 words are mostly words seen before) and looked
    up by ``map(cache.__getitem__, words)``, with no Python call for a word seen
    before. Emptied when it holds ``size`` words."""

    def __init__(self, fact: Callable[[str], str], size: int = 200_000) -> None:
        super().__init__()
        self.fact = fact
        self.size = size

    def __missing__(self, word: str) -> str:
        if len(self) >= self.size:
            self.clear()
        found = self[word] = self.fact(word)
        return found


def _other_forms(word: str) -> str:
    """The readings of *word* besides itself, space separated ("" for none)."""
    return " ".join(search_forms(word)[1:])


def _term_or_nothing(word: str) -> str:
    """The related-article term of *word*, or "" for a stop word, a number, a short stem."""
    if word in STOP_WORDS or word.isdigit():
        return ""
    stem = term(word)
    return stem if len(stem) >= _MIN_TERM_LENGTH and stem not in STOP_WORDS else ""


_FORMS_OF = _WordCache(_other_forms)
_TERM_OF = _WordCache(_term_or_nothing)


class _Token(NamedTuple):
    """What the index makes of one whitespace-separated piece of ORIGINAL text: its
    folded words (a piece such as «الاتفاق», or ﷺ, holds 0 or several), their other
    readings and their terms, each one followed by a space. An article's are then
    run together by ``"".join`` (no filtering out of empty pieces, no separators to
    add), and its terms are counted by their spaces."""

    words: str
    forms: str
    terms: str


def _spaced(items: list[str]) -> str:
    """*items* each followed by a space ("" for none)."""
    return "".join(item + " " for item in items)


def _token(piece: str) -> _Token:
    # Folding a piece alone gives what folding the whole text gives there: whitespace
    # neither composes with a neighbour (NFKC) nor is dropped or folded.
    words = _WORD.findall(normalize(piece))
    return _Token(_spaced(words), _spaced(list(filter(None, map(_FORMS_OF.__getitem__, words)))),
                  _spaced(article_terms(words)))


class _TokenCache(dict[str, _Token]):
    """:func:`_token` of each distinct piece, computed once (as :class:`_WordCache`):
    an article becomes a dictionary look-up per piece and three joins, no Python
    call per word."""

    size = 200_000

    def __missing__(self, piece: str) -> _Token:
        if len(self) >= self.size:
            self.clear()
        found = self[piece] = _token(piece)
        return found


_TOKENS = _TokenCache()
_NO_TOKEN = _Token("", "", "")


def _index_text(text: str) -> _Token:
    """The words, forms and terms of ORIGINAL *text*, each followed by a space."""
    pieces = text.split()
    if not pieces:
        return _NO_TOKEN
    words, forms, terms = zip(*map(_TOKENS.__getitem__, pieces), strict=True)
    return _Token("".join(words), "".join(forms), "".join(terms))


def index_terms(title: str, body: str) -> str:
    """The related-article terms the index holds for an article's title and body, one
    space apart (:attr:`IndexRow.terms` of :func:`build_index_row`, without its words
    and forms): the terms index keeps no copy of them (migration 0016), so they are
    made again from the stored text where they are read."""
    terms = "".join(_terms_of(piece) for piece in _pieces(body))
    return (_terms_of(title) * TITLE_TERM_REPEAT + terms)[:-1]


def _terms_of(text: str) -> str:
    """The terms of ORIGINAL *text*, each followed by a space."""
    return "".join(token.terms for token in map(_TOKENS.__getitem__, text.split()))


def build_index_row(title: str, body: str) -> IndexRow:
    """The index row of an article's title and body (original text in, index text out)."""
    head = _index_text(title)
    # A long body a piece at a time: its words as strings at once would be ten times
    # its size (a 50 MB article's import peaked over a gigabyte).
    if len(body) > _PIECE_CHARS:
        parts = [_index_text(piece) for piece in _pieces(body)]
        words, forms, terms = ("".join(column) for column in zip(*parts, strict=True))
    else:
        words, forms, terms = _index_text(body)
    terms = head.terms * TITLE_TERM_REPEAT + terms
    # Each string ends with a space when not empty: [:-1] takes it off.
    return IndexRow(head.words[:-1], words[:-1], (head.forms + forms)[:-1], terms[:-1],
                    terms.count(" "))


_PIECE_CHARS = 1 << 18


def _pieces(text: str) -> Iterator[str]:
    """*text* in pieces of about :data:`_PIECE_CHARS`, cut at whitespace (no word spans
    two pieces)."""
    start = 0
    while len(text) - start > _PIECE_CHARS:
        cut = max(text.rfind(" ", start, start + _PIECE_CHARS),
                  text.rfind("\n", start, start + _PIECE_CHARS))
        if cut <= start:  # no whitespace: the next space, or the end
            cut = text.find(" ", start + _PIECE_CHARS)
            if cut < 0:
                break
        yield text[start:cut]
        start = cut + 1
    yield text[start:]


def write_index_row(connection: sqlite3.Connection, key: int, row: IndexRow) -> None:
    """Store *row* for article *key* (inside the caller's transaction)."""
    write_index_rows(connection, [(key, row)])


def write_index_rows(connection: sqlite3.Connection, rows: list[tuple[int, IndexRow]], *,
                     counted: bool = False) -> None:
    """Store the index rows of many articles, keyed by article, with one statement per
    table (inside the caller's transaction): the full-text index is built in bulk.
    *counted*: their terms are counted in the document frequencies by the caller
    (a whole index built at once: :func:`count_all_terms`)."""
    connection.executemany(
        "INSERT INTO article_search (rowid, title, body, forms) VALUES (?, ?, ?, ?)",
        [(key, row.title, row.body, row.forms) for key, row in rows],
    )
    connection.executemany(
        "INSERT INTO article_terms (rowid, terms) VALUES (?, ?)",
        [(key, row.terms) for key, row in rows],
    )
    connection.executemany(
        "INSERT INTO search_index (article_key, version, term_count, counted) VALUES (?, ?, ?, ?)",
        [(key, INDEX_VERSION, row.term_count, counted) for key, row in rows],
    )


def delete_index_row(connection: sqlite3.Connection, key: int, title: str, body: str) -> IndexRow:
    """Remove article *key* (stored with *title* and *body*) from the search index
    (inside the caller's transaction), and return the row it was indexed with. The
    index keeps no copy of its text (migrations 0014 and 0016), so FTS5 is told the
    words and terms to take out: that row, made again (the index version is current:
    :func:`ensure_index` saw to it)."""
    row = build_index_row(title, body)
    connection.execute(
        "INSERT INTO article_search (article_search, rowid, title, body, forms) "
        "VALUES ('delete', ?, ?, ?, ?)",
        (key, row.title, row.body, row.forms),
    )
    connection.execute(
        "INSERT INTO article_terms (article_terms, rowid, terms) VALUES ('delete', ?, ?)",
        (key, row.terms),
    )
    connection.execute("DELETE FROM search_index WHERE article_key = ?", (key,))
    return row


def count_new_terms(connection: sqlite3.Connection) -> int:
    """Add the terms of articles indexed since the last call to the document
    frequencies, in one transaction. Returns how many articles were counted.

    When the new articles are as many as those counted before (a first import, a
    re-index), the frequencies are counted again from the terms index itself
    (``article_terms_vocab``, in C: a twentieth of the time of counting in Python)."""
    pending = connection.execute("SELECT 1 FROM search_index WHERE counted = 0 LIMIT 1")
    if pending.fetchone() is None:
        return 0
    with transaction(connection):
        uncounted, counted = connection.execute(
            "SELECT count(*) FILTER (WHERE counted = 0), count(*) FILTER (WHERE counted = 1) "
            "FROM search_index"
        ).fetchone()
        if uncounted >= counted:
            count_all_terms(connection)
        else:
            # The terms index keeps no text (migration 0016): the few new articles'
            # terms are made again from their text, a batch at a time.
            keys = [key for (key,) in connection.execute(
                "SELECT article_key FROM search_index WHERE counted = 0")]
            frequencies: Counter[str] = Counter()
            for rows in _stored_in_batches(connection, keys):
                for _key, title, body in rows:
                    frequencies.update(set(index_terms(title, body).split()))
            connection.executemany(
                "INSERT INTO term_df (term, df) VALUES (?, ?) "
                "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                frequencies.items(),
            )
        connection.execute("UPDATE search_index SET counted = 1 WHERE counted = 0")
    return int(uncounted)


def count_all_terms(connection: sqlite3.Connection) -> None:
    """The document frequencies of every term, counted again from the terms index
    itself (inside the caller's transaction)."""
    connection.execute("DELETE FROM term_df")
    connection.execute("INSERT INTO term_df (term, df) SELECT term, doc FROM article_terms_vocab")


def clear_index(connection: sqlite3.Connection) -> None:
    """Empty every index table (inside the caller's transaction), before a rebuild."""
    connection.execute("INSERT INTO article_search (article_search) VALUES ('delete-all')")
    connection.execute("INSERT INTO article_terms (article_terms) VALUES ('delete-all')")
    connection.execute("DELETE FROM term_df")
    connection.execute("DELETE FROM search_index")


def fill_title_keys(connection: sqlite3.Connection, *, refresh: bool = False) -> int:
    """Store the title keys of articles that have none (all of them when *refresh*:
    the folding changed), in one transaction. Returns how many were filled."""
    condition = "" if refresh else " WHERE title_key IS NULL OR title_order IS NULL"
    rows = connection.execute(f"SELECT key, title FROM articles{condition}").fetchall()
    if not rows:
        return 0
    # The folding loads only when there is something to fold (after an upgrade or a
    # normaliser change), not on every open.
    from reader.library.titles import stored_title_keys

    with transaction(connection):
        connection.executemany(
            "UPDATE articles SET title_key = ?, title_base_key = ?, title_order = ? "
            "WHERE key = ?",
            ((*stored_title_keys(title), key) for key, title in rows),
        )
    return len(rows)


#: Articles read back and indexed together when an upgraded library is re-indexed.
_REINDEX_BATCH = 500


def _stored_in_batches(connection: sqlite3.Connection,
                       keys: list[int]) -> Iterator[list[tuple[int, str, str]]]:
    """The stored ``(key, title, body)`` of the articles *keys*, in key order, a batch of
    bodies at a time: a library indexed again, or its new articles' terms counted, is
    never read whole."""
    for start in range(0, len(keys), _REINDEX_BATCH):
        batch = keys[start : start + _REINDEX_BATCH]
        yield connection.execute(
            f"SELECT key, title, body FROM articles WHERE key IN ({','.join('?' * len(batch))})"
            " ORDER BY key",
            batch,
        ).fetchall()


def ensure_index(connection: sqlite3.Connection) -> int:
    """Index the articles that are not yet (after an upgrade from schema 1, or a
    normaliser change, which re-indexes all), and store missing title keys (after
    an upgrade from schema 3; all of them again on a normaliser change). Returns
    how many articles were indexed."""
    stale = connection.execute(
        "SELECT count(*) FROM search_index WHERE version != ?", (INDEX_VERSION,)
    ).fetchone()[0]
    fill_title_keys(connection, refresh=bool(stale))
    # Two counts, each read from an index, say whether any article lacks its index row;
    # finding which walks every row (0.16 s at 100,000 articles, on every open).
    articles, indexed = connection.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM search_index)"
    ).fetchone()
    if not stale and articles == indexed:
        count_new_terms(connection)
        return 0
    with transaction(connection):
        if stale:
            clear_index(connection)
        keys = [key for (key,) in connection.execute(
            "SELECT key FROM articles "
            "WHERE key NOT IN (SELECT article_key FROM search_index) ORDER BY key"
        )]
        for rows in _stored_in_batches(connection, keys):
            write_index_rows(
                connection, [(key, build_index_row(title, body)) for key, title, body in rows]
            )
    count_new_terms(connection)
    return len(keys)
