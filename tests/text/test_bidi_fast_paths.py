"""The fast paths give exactly what the general implementation gives.

Hypothesis draws strings over an alphabet with one or more characters of every Bidi_Class
(brackets, marks, numbers, separators, explicit formatting characters, BN), so every branch
of the fast code is compared with the general code on many arrangements.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.bidi import classes as bidi_classes
from reader.text.bidi import reorder
from reader.text.bidi.levels import paragraph_levels, paragraph_levels_general

# Two of many classes so that runs form; brackets include the canonical-equivalent pair.
ALPHABET = (
    "ab"  # L
    "\u05d0\u05d1"  # R
    "\u0628\u062a"  # AL
    "09"  # EN
    "\u0661\u0662"  # AN
    "+-"  # ES
    "$%\u066a"  # ET
    ",.:\u066c"  # CS
    "\u064e\u0651\u0300"  # NSM (fatha, shadda, grave)
    "\u00ad\u200d"  # BN
    " \u2029\t"  # WS, B, S
    "!\"'"  # ON
    "()[]{}«»\u2329\u232a\u3008\u3009"  # brackets and ON mirrored
)
EXPLICIT = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

implicit_text = st.text(alphabet=ALPHABET, max_size=40)
any_text = st.text(alphabet=ALPHABET + EXPLICIT, max_size=40)
base_levels = st.sampled_from([None, 0, 1])


@settings(max_examples=1500, deadline=None)
@given(text=implicit_text, base=base_levels, default=st.sampled_from([0, 1]))
def test_fast_levels_equal_general(text: str, base: int | None, default: int) -> None:
    fast = paragraph_levels(text, base, default)
    general = paragraph_levels_general(text, base, default)
    assert (fast.base_level, fast.levels) == (general.base_level, general.levels)


@settings(max_examples=1000, deadline=None)
@given(text=any_text, base=base_levels, data=st.data())
def test_fast_reorder_equals_general(text: str, base: int | None, data: st.DataObject) -> None:
    para = paragraph_levels(text, base)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for marks_after_base in (True, False):
        assert reorder.reorder_line(
            para, start, end, marks_after_base=marks_after_base
        ) == reorder.reorder_line_reference(para, start, end, marks_after_base=marks_after_base)


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet="ab\u064e\u064f\u0651\u0652\u200d \u202b", max_size=60))
def test_cluster_masks_equal_cluster_split(text: str) -> None:
    """The big-integer cluster reversal equals the one-cluster-at-a-time version (runs of up
    to five marks in this alphabet, past the four the masks handle)."""
    para = paragraph_levels(text)
    assert reorder._build_backward_clusters(para) == reorder._split_backward_clusters(para)


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=40))
def test_fast_classification_equals_table_lookup(text: str) -> None:
    assert bidi_classes.classify(text) == bidi_classes._classify_by_dict(text)


def test_fast_classification_of_every_bmp_block() -> None:
    """All 65,536 BMP code points in one string (every high byte at once), and astral ones."""
    bmp = "".join(map(chr, range(0x10000)))
    assert bidi_classes.classify(bmp) == bidi_classes._classify_by_dict(bmp)
    astral = "".join(map(chr, range(0x10000, 0x110000, 7)))
    assert bidi_classes.classify(astral) == bidi_classes._classify_by_dict(astral)


def test_short_texts_and_single_characters_classify_through_the_block_tables() -> None:
    """Texts under the fast path's threshold and bidi_class() read the per-block tables
    built from the ranges; every code point agrees with the dict of the ranges."""
    reference = bidi_classes._build_table()
    for cp in [*range(0xD800), *range(0xE000, 0x110000)]:
        expected = reference.get(cp, "L")
        assert bidi_classes.classify(chr(cp)) == expected, hex(cp)
    assert bidi_classes.bidi_class("\u0627") == "AL" and bidi_classes.bidi_class("a") == "L"
    assert bidi_classes.bidi_class("\U00010800") == "R"  # Cypriot, beyond the BMP


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="ab\u064e\u064f\u0651\u0652 \U0001f600", max_size=60))
def test_text_reversed_by_clusters_equals_the_cluster_order(text: str) -> None:
    """The cluster reversal applied to UTF-32 text equals the text read in the cluster
    order of the indices (both branches: up to and past four marks in a row)."""
    classes = bidi_classes.classify(text)
    order = reorder.cluster_reversed_order(classes)
    reversed_text = reorder.reverse_keeping_clusters(
        text[::-1].encode("utf-32-le"), text.encode("utf-32-le"), classes, 4
    ).decode("utf-32-le")
    assert reversed_text == "".join(text[i] for i in order)
    assert sorted(order) == list(range(len(text)))


def test_index_units_are_the_indices_in_order() -> None:
    from array import array

    assert array("H", range(0x10000)).tobytes() == reorder._ASCENDING
    assert array("H", reversed(range(0x10000))).tobytes() == reorder._DESCENDING


CLASS_PIECES = ["A", "AAAA", "W", "O", "m", "s", "t", "c", "L", "LLL", "E", "EE", "n", "R",
                "S", "B"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(CLASS_PIECES), max_size=30).map("".join))
def test_arabic_stretches_resolve_as_the_whole_paragraph(classes: str) -> None:
    """A right-to-left paragraph without brackets resolved on its reduced classes (each
    stretch from AL to AL through neutrals, marks and separators one AL) gives the levels
    of the whole paragraph's rules, from its reduced levels cached or not."""
    from reader.text.bidi import fast

    expected = fast._resolve(classes, classes, 1)
    assert fast._by_arabic_stretches(classes) == expected
    assert fast._by_arabic_stretches(classes) == expected  # (the reduced levels known)


def test_a_right_to_left_paragraph_resolves_only_what_lies_between_its_arabic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.text.bidi import fast

    text = "قال المتحدث باسم الوزارة لوكالة Reuters إن 25 شخصا، وصلوا أمس. " * 3
    classes = bidi_classes.classify(text)
    expected = fast._resolve(text, classes, 1)
    resolved: list[str] = []
    real = fast._resolve
    monkeypatch.setattr(fast, "_resolve",
                        lambda text, classes, base: resolved.append(classes) or real(
                            text, classes, base))
    fast._REDUCED_LEVELS.clear()
    assert fast.resolve_implicit(text, classes, 1) == expected
    # the Arabic between "Reuters", "25" and the next sentence's "Reuters" is one AL each
    assert resolved == ["AWLLLLLLLWAWEEWA" + "WLLLLLLLWAWEEWA" * 2 + "cW"]
    assert fast.resolve_implicit(text, classes, 1) == expected and len(resolved) == 1
