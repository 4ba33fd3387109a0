"""An article's index row, against the row made word by word from the definitions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library import indexing
from reader.library.indexing import (
    TITLE_TERM_REPEAT,
    IndexRow,
    article_terms,
    build_index_row,
    index_terms,
)
from reader.library.normalize import normalized_words
from reader.library.stemming import search_forms


def _words(text: str) -> list[str]:
    """The folded words of each whitespace-separated piece, in order."""
    return [word for piece in text.split() for word in normalized_words(piece)]


def _row_word_by_word(title: str, body: str) -> IndexRow:
    """The index row as its fields are defined: the words one space apart, every other
    reading of each word, the title's terms repeated before the body's, and their count."""
    title_words, body_words = _words(title), _words(body)
    forms = [form for word in title_words + body_words for form in search_forms(word)[1:]]
    terms = article_terms(title_words) * TITLE_TERM_REPEAT + article_terms(body_words)
    return IndexRow(" ".join(title_words), " ".join(body_words), " ".join(forms),
                    " ".join(terms), len(terms))


_ARABIC_NEWS = (
    "والاتفاق النووي الإيرانية للحكومة وزير الخارجية مُحَمَّدٌ جـــميل إسرائيل "
    "مسؤول ٢٠١٥ 2015 «داعش»، (1217) ﷺ café iPad في من على و ب ل ال - … ؟ !"
)
_PIECES = st.sampled_from(_ARABIC_NEWS.split())
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \n "])
_TEXT = st.one_of(
    st.lists(st.tuples(_PIECES, _SPACES)).map(lambda items: "".join(p + s for p, s in items)),
    st.text(),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_an_index_row_is_its_words_forms_and_terms(title: str, body: str) -> None:
    assert build_index_row(title, body) == _row_word_by_word(title, body)


def test_corpus_articles_index_as_their_words(corpus_jsonl: Path) -> None:
    for line in corpus_jsonl.read_text("utf-8").splitlines()[:60]:
        record = json.loads(line)
        row = build_index_row(record["title"], record["content"])
        assert row == _row_word_by_word(record["title"], record["content"])
        assert row.term_count > 0


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_the_terms_made_again_are_the_terms_indexed(title: str, body: str) -> None:
    """The terms index keeps no text (migration 0016): the terms read back are made
    again, and must be those the index holds, or a delete would corrupt it."""
    assert index_terms(title, body) == build_index_row(title, body).terms


def test_a_long_body_s_terms_are_made_a_piece_at_a_time_as_indexed(
    corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [json.loads(line) for line in corpus_jsonl.read_text("utf-8").splitlines()[:20]]
    monkeypatch.setattr(indexing, "_PIECE_CHARS", 37)
    for record in records:
        assert index_terms(record["title"], record["content"]) == build_index_row(
            record["title"], record["content"]).terms
