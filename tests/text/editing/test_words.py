"""Word starts for moving and deleting by words: harakat belong to their word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.editing.buffer import EditBuffer
from reader.text.editing.words import next_word_start, previous_word_start

VOWELLED = "كَتَبَ الوَلَدُ الدَّرْسَ"


def test_a_vowelled_word_is_one_word() -> None:
    second = VOWELLED.index("ال")
    third = VOWELLED.index("الد")
    assert next_word_start(VOWELLED, 0) == second  # not after each vowelled letter
    assert next_word_start(VOWELLED, second) == third
    assert next_word_start(VOWELLED, third) == len(VOWELLED)
    assert previous_word_start(VOWELLED, len(VOWELLED)) == third
    assert previous_word_start(VOWELLED, third) == second
    assert previous_word_start(VOWELLED, second + 3) == second  # inside: its own start
    assert previous_word_start(VOWELLED, 0) == 0


def test_latin_digits_and_punctuation() -> None:
    text = "نووي: abc-12 ok"
    assert next_word_start(text, 0) == text.index("abc")
    assert next_word_start(text, text.index("abc")) == text.index("12")
    assert previous_word_start(text, len(text)) == text.index("ok")


@given(st.text(alphabet="اب ت،\u064e\u0651a1-", max_size=30), st.data())
def test_word_starts_move_strictly_and_stay_in_the_text(text: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(text)))
    after = next_word_start(text, position)
    before = previous_word_start(text, position)
    assert position < after <= len(text) or after == position == len(text)
    assert 0 <= before < position or before == position == 0


def test_deleting_a_range_takes_whole_clusters() -> None:
    buffer = EditBuffer(VOWELLED, multiline=False)
    dal = VOWELLED.index("دُ")
    assert buffer.delete_range(dal + 1, len(VOWELLED))  # from between the dal and its damma
    assert buffer.text == VOWELLED[:dal]  # the dal went with its damma
    assert buffer.caret == len(buffer.text)
    assert not buffer.delete_range(3, 3)
