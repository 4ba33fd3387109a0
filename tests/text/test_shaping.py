"""Shaping: identical to arabic-reshaper, with a correct map back to the logical text."""

from __future__ import annotations

import unicodedata

import pytest
from arabic_reshaper import ArabicReshaper
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.shaping import HARAKAT, ShapedText, Shaper, reshaper_configuration

_SHAPERS = {h: Shaper(h) for h in ("keep", "strip")}
_REFERENCES = {
    h: ArabicReshaper(configuration=reshaper_configuration(h)).reshape for h in ("keep", "strip")
}
FATHA, SHADDA, DAMMA, TATWEEL = "\u064e", "\u0651", "\u064f", "\u0640"


def assert_map_is_sound(text: str, shaped: ShapedText) -> None:
    """Every shaped char draws its source char (a presentation form of it, the
    ligature it starts, or the char itself), and every source index is valid."""
    assert len(shaped.source) == len(shaped.text)
    assert all(0 <= index < len(text) for index in shaped.source)
    if shaped.inverse is None:
        assert list(shaped.source) == list(range(len(text)))
    else:
        assert len(shaped.inverse) == len(text)
        assert sorted(k for k in shaped.inverse if k >= 0) == list(range(len(shaped.text)))
        assert all(shaped.inverse[i] == k for k, i in enumerate(shaped.source))
    for ch, src in set(zip(shaped.text, map(text.__getitem__, shaped.source), strict=True)):
        if ch == src:
            continue
        assert unicodedata.normalize("NFKC", ch).startswith(unicodedata.normalize("NFKC", src)), (
            f"{ch!r} does not draw {src!r} in {text!r}"
        )


def test_lam_alef_ligature_and_its_map() -> None:
    shaped = Shaper().shape("سلام")
    # seen: seen-initial, lam-alef final (lam joins the seen), meem isolated
    assert shaped.text == "\ufeb3\ufefc\ufee1"
    assert list(shaped.source) == [0, 1, 3]


def test_lam_alef_with_haraka_between_keeps_the_haraka_after_the_ligature() -> None:
    text = "لَا"
    shaped = Shaper().shape(text)
    assert shaped.text == "\ufefb" + FATHA
    assert list(shaped.source) == [0, 1]


def test_harakat_kept_by_default_and_stripped_on_request() -> None:
    text = "عُقد"
    kept = Shaper().shape(text)
    assert DAMMA in kept.text
    assert kept.source[kept.text.index(DAMMA)] == 1
    stripped = Shaper("strip").shape(text)
    assert not HARAKAT.intersection(stripped.text)
    assert len(stripped.text) == 3
    assert list(stripped.source) == [0, 2, 3]


def test_tatweel_is_kept() -> None:
    assert TATWEEL in Shaper().shape("كـتاب").text


def test_word_ligatures_are_off() -> None:
    # The ALLAH ligature would otherwise hit the inside of "the dialect".
    for word in ("الله", "اللهجة"):
        shaped = Shaper().shape(word)
        assert "\ufdf2" not in shaped.text
        assert len(shaped.text) == len(word)


def test_text_without_arabic_is_untouched_and_identity_mapped() -> None:
    shaped = Shaper().shape("iPad mini 4, 6.1 (2015)")
    assert shaped.text == "iPad mini 4, 6.1 (2015)"
    assert list(shaped.source) == list(range(len(shaped.text)))


def test_zwj_is_removed() -> None:
    text = "ب\u200dا ي\u200d"
    shaped = Shaper().shape(text)
    assert "\u200d" not in shaped.text
    assert_map_is_sound(text, shaped)


def test_identical_to_arabic_reshaper_on_the_whole_corpus(corpus_paragraphs: list[str]) -> None:
    """Word-by-word cached shaping gives exactly arabic-reshaper's whole-paragraph output."""
    shaper = Shaper("keep")
    assert len(corpus_paragraphs) > 3000
    differing = [p for p in corpus_paragraphs if shaper.shape(p).text != _REFERENCES["keep"](p)]
    assert differing == []


def test_identical_to_arabic_reshaper_with_harakat_stripped(
    corpus_texts: dict[str, str],
) -> None:
    """The same with harakat deleted, on the corpus without its 1.75 MB file (time)."""
    shaper = Shaper("strip")
    paragraphs = [
        p for name, text in corpus_texts.items() if name != "tashkeela_fadel2019_test.txt"
        for p in text.split("\n")
    ]
    differing = [p for p in paragraphs if shaper.shape(p).text != _REFERENCES["strip"](p)]
    assert differing == []


def test_maps_are_sound_on_the_whole_corpus(corpus_paragraphs: list[str]) -> None:
    shaper = Shaper()
    for paragraph in corpus_paragraphs:
        assert_map_is_sound(paragraph, shaper.shape(paragraph))


@settings(max_examples=300, deadline=None)
@given(st.lists(
    st.sampled_from(
        [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآ", "لا", "لأ", "لإ", "لآ",
         FATHA, SHADDA, DAMMA, "\u0650", "\u064b", "\u0652", "\u0670", TATWEEL,
         " ", "  ", "،", ".", "(", ")", "2015", "iPad", "\u200f", "\u00a0", "\u0661", "\u06cc"]
    ),
    max_size=40,
).map("".join), st.sampled_from(["keep", "strip"]))
def test_identical_to_arabic_reshaper_on_arabic_heavy_text(text: str, harakat: str) -> None:
    shaped = _SHAPERS[harakat].shape(text)
    reference = _REFERENCES[harakat](text)
    assert shaped.text == reference
    assert_map_is_sound(text, shaped)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60).map(lambda s: s.replace("\n", " ")))
def test_arbitrary_text_has_a_sound_map(text: str) -> None:
    for harakat in ("keep", "strip"):
        shaped = _SHAPERS[harakat].shape(text)
        assert "\u200d" not in shaped.text
        assert_map_is_sound(text, shaped)


def _same_shaping(a: ShapedText, b: ShapedText) -> bool:
    return a.text == b.text and list(a.source) == list(b.source) and a.inverse == b.inverse


def test_whole_paragraph_shaping_equals_word_by_word_on_the_corpus(
    corpus_paragraphs: list[str],
) -> None:
    for harakat in ("keep", "strip"):
        fast, general = Shaper(harakat), Shaper(harakat)
        differing = [
            p for p in corpus_paragraphs
            if not _same_shaping(fast.shape(p), general.shape_by_words(p))
        ]
        assert not differing, (harakat, differing[:1])


@settings(max_examples=400, deadline=None)
@given(st.lists(
    st.sampled_from(
        [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآٱڈ", "لا", "لأ", "لإ", "لآ", "ل\u064eا",
         "ل\u0651\u064eآ", FATHA, SHADDA, DAMMA, "\u0650", "\u064b", "\u0652", "\u0670",
         "\u08f0", TATWEEL, " ", "  ", "،", ".", "2015", "iPad", "\u200f", "\u200c", "\u0661",
         "\u06cc", "\ufedf", "\ufe8e", "\u200d", "\U0001f600", "\x01", "\x04"]
    ),
    max_size=40,
).map("".join), st.sampled_from(["keep", "strip"]))
def test_whole_paragraph_shaping_equals_word_by_word(text: str, harakat: str) -> None:
    assert _same_shaping(_SHAPERS[harakat].shape(text), Shaper(harakat).shape_by_words(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(
    st.sampled_from(
        [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآ", "لا", "لأ", "ل\u064eا", FATHA, SHADDA,
         TATWEEL, " ", "  ", "\n", " \n ", "\n\n", "،", "2015", "iPad", "\u200d", "\ufedf",
         "\U0001f600"]
    ),
    max_size=40,
).map("".join), st.sampled_from(["keep", "strip"]), st.integers(1, 30))
def test_shape_text_is_the_text_of_shape_per_paragraph(
    text: str, harakat: str, cache_size: int
) -> None:
    """Many paragraphs shaped at once, word by word with a small cache that fills and
    empties, are each paragraph shaped alone."""
    shaper = Shaper(harakat, cache_size=cache_size)
    expected = "\n".join(_SHAPERS[harakat].shape(p).text for p in text.split("\n"))
    assert shaper.shape_text(text) == expected
    assert shaper.shape_text(text) == expected  # from the cache
    # words seen before and new ones together, the cache full: it empties, nothing lost
    more = text + " كتب لا " + text[::-1]
    expected = "\n".join(_SHAPERS[harakat].shape(p).text for p in more.split("\n"))
    assert shaper.shape_text(more) == expected


def test_shape_text_with_a_full_cache_shapes_known_and_new_words() -> None:
    shaper = Shaper("keep", cache_size=3)
    shaper.shape_text("بعد قبل")
    assert shaper.shape_text("بعد كتب مع من في") == Shaper().shape("بعد كتب مع من في").text


@settings(max_examples=300, deadline=None)
@given(st.lists(
    st.sampled_from(
        [*"ابتجدرسعفقكلمنهوي", "لا", "لأ", "لإ", "لآ", "ل\u064eا", "ل\u0651\u064eآ", FATHA,
         SHADDA, TATWEEL, " ", "،", "2015", "iPad", "\u200d", "\ufedf", "\U0001f600"]
    ),
    max_size=40,
).map("".join), st.sampled_from(["keep", "strip"]))
def test_shape_text_works_out_no_map(text: str, harakat: str) -> None:
    """A filter prints the shaped text and never maps it back: its words are shaped
    without the map, which costs as much as the shaping when the text has ligatures,
    and they are the words shape() gives."""
    import reader.text.shaping as shaping

    expected = "\n".join(_SHAPERS[harakat].shape(p).text for p in text.split("\n"))

    def no_map(*_args: object) -> None:
        raise AssertionError("the map was worked out")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shaping, "_shape_paragraph", no_map)
        assert Shaper(harakat).shape_text(text) == expected
