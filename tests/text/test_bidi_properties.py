"""Properties that hold for any input: no crash, and lines reorder to permutations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.bidi import paragraph_levels, reorder_line

# Any code point, surrogates included (undecoded bytes can reach the reader as those).
any_characters = st.characters(blacklist_categories=())
any_text = st.text(alphabet=any_characters, max_size=60)


@settings(max_examples=800, deadline=None)
@given(text=any_text, base=st.sampled_from([None, 0, 1]), data=st.data())
def test_any_string_resolves_and_reorders_to_a_permutation(
    text: str, base: int | None, data: st.DataObject
) -> None:
    para = paragraph_levels(text, base)
    assert len(para.levels) == len(text)
    assert para.base_level in (0, 1)
    assert all(para.base_level <= level <= 126 for level in para.levels)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    kept = [i for i in range(start, end) if not para.is_removed(i)]
    for marks_after_base in (True, False):
        order = reorder_line(para, start, end, marks_after_base=marks_after_base)
        assert sorted(order) == kept


@settings(max_examples=300, deadline=None)
@given(depth=st.integers(0, 300), opener=st.sampled_from("\u202a\u202b\u202d\u202e\u2066\u2067"))
def test_deep_nesting_stops_at_the_depth_limit(depth: int, opener: str) -> None:
    text = opener * depth + "a\u05d0"
    para = paragraph_levels(text, 0)
    assert max(para.levels) <= 126
    assert sorted(reorder_line(para, 0, len(text))) == [
        i for i in range(len(text)) if not para.is_removed(i)
    ]
