"""Interface strings pass through the engine; plain ASCII in English is its own layout."""

from __future__ import annotations

import pytest

from reader.i18n import STRINGS, Translator
from reader.text.layout import LayoutOptions, layout_text
from reader.text.output import LRM, RTL_CLOSE, RTL_OPEN
from reader.ui.labels import Labels


@pytest.mark.parametrize("key", sorted(STRINGS))
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_label_is_what_the_engine_makes_of_it(key: str, lang: str) -> None:
    labels = Labels(Translator(lang), "app", "keep", True)
    raw = Translator(lang)(key)
    options = LayoutOptions(width=1000, direction="rtl" if lang == "ar" else "ltr")
    expected = " ".join(line.text for line in layout_text(raw, options) if line.text)
    assert labels.line(raw) == expected


def test_untrusted_values_are_sanitized_and_arabic_is_shaped() -> None:
    labels = Labels(Translator("en"), "app", "keep", True)
    shown = labels("msg.copied_url", url="https://x.example/\x1b]52;c;eHl6\x07a")
    assert "\x1b" not in shown and shown == "Link copied: https://x.example/a"
    arabic = Labels(Translator("ar"), "app", "keep", True)("key.quit")
    assert arabic == "ﺝﻭﺮﺧ"  # خروج shaped and in visual order
    logical = Labels(Translator("ar"), "terminal", "keep", True)("key.quit")
    assert logical == RTL_OPEN + "خروج" + RTL_CLOSE + LRM  # logical, marked for the terminal's bidi


IPAD_TITLE = "تسريب تصميم لجهاز iPad mini 4 بسماكة رفيعة"


def _shaped(word: str) -> str:
    """``word`` as the engine draws it alone (shaped, visual order)."""
    return Labels(Translator("ar"), "app", "keep", True).line(word)


def test_an_arabic_title_keeps_its_own_order_in_an_english_sentence() -> None:
    """Not isolated, the title's Arabic runs took the sentence's left-to-right order
    (لجهاز left of iPad); as an isolate it reads right to left: بسماكة left of iPad,
    لجهاز right of it."""
    shown = Labels(Translator("en"), "app", "keep", True)("library.continue", title=IPAD_TITLE)
    assert shown.startswith("Continue reading: ")
    assert shown.index(_shaped("بسماكة")) < shown.index("iPad mini 4") < shown.index(
        _shaped("لجهاز"))
    assert not any(c in shown for c in "\u2066\u2067\u2068\u2069\u200e\u200f")


def test_a_title_opening_with_latin_stays_right_to_left_when_it_is_arabic() -> None:
    title = "iPhone 6 يصل إلى الأسواق"  # first strong letter Latin: an LTR isolate
    shown = Labels(Translator("en"), "app", "keep", True)("msg.deleted", title=title)
    assert shown.startswith("Deleted: iPhone 6 ")
    assert shown.index(_shaped("يصل")) > shown.index(_shaped("الأسواق"))


def test_a_latin_title_keeps_its_order_in_an_arabic_sentence() -> None:
    shown = Labels(Translator("ar"), "app", "keep", True)("msg.deleted",
                                                            title="Apple iPad mini 4 review")
    assert "Apple iPad mini 4 review" in shown
    assert shown.index("Apple") < shown.index(_shaped("حُذف"))  # the sentence reads RTL


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_numbers_next_to_a_title_stay_with_the_sentence(lang: str) -> None:
    labels = Labels(Translator(lang), "app", "keep", True)
    shown = labels("library.count", count="1,234")
    assert "1,234" in shown
    if lang == "ar":  # عدد المقالات: 1,234 reads right to left: the count at the left
        assert shown.index("1,234") < shown.index(_shaped("المقالات"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_eastern_digits_for_the_interfaces_own_numbers_only(lang: str) -> None:
    eastern = Labels(Translator(lang), "app", "keep", True, "eastern")
    western = Labels(Translator(lang), "app", "keep", True)
    assert "١٬٢٣٤" in eastern("library.count", count="1,234")
    assert "1,234" in western("library.count", count="1,234")  # the default
    # a title holding a number is article text: its digits stay as written
    assert "iPad mini 4" in eastern("msg.deleted", title="iPad mini 4")
    assert eastern.number("2015-08-11 13:54") == "٢٠١٥-٠٨-١١ ١٣:٥٤"
    assert eastern.number("19 B") == "١٩ B"


def test_a_listing_isolates_each_value_sanitized_in_the_chosen_digits() -> None:
    eastern = Labels(Translator("en"), "app", "keep", True, "eastern")
    listed = eastern.listing(["alwatan\x1b[31m", "2015-08-11 18:45", "iPad mini 4"], " · ")
    assert listed == ("\u2068alwatan\u2069 · \u2068٢٠١٥-٠٨-١١ ١٨:٤٥\u2069 · "
                      "\u2068iPad mini 4\u2069")  # a title's number stays as written
    # Laid out right to left, the separators land between the values.
    line = eastern.line(eastern.listing(["iPad", "mini"], "، "), direction="rtl")
    assert line == "mini ،iPad"


def test_arabic_progress_reads_done_of_total_from_the_right() -> None:
    """"660 من 72502": with each number isolated, "660/72502" read total-then-done from
    the right in the Arabic interface."""
    shown = Labels(Translator("ar"), "app", "keep", True)("msg.laying_out", done=660,
                                                            total=72502)
    assert shown.startswith("72502 ") and shown.index("72502") < shown.index("660")
    assert "/" not in shown


def test_the_interface_is_aligned_where_its_terminal_does_not_align_it_itself() -> None:
    """Right in the Arabic interface; left (its start) on mlterm's terminal form, which
    lays a row starting with an Arabic letter out from the right itself (a title
    right-aligned by the UI came out at the left there)."""
    for mode in ("app", "terminal", "shaped", "terminal-konsole", "words"):
        assert Labels(Translator("ar"), mode, "keep", True).align == "right"
        assert Labels(Translator("en"), mode, "keep", True).align == "left"
    assert Labels(Translator("ar"), "terminal-mlterm", "keep", True).align == "left"
    assert Labels(Translator("en"), "terminal-mlterm", "keep", True).align == "left"


def test_a_filled_label_goes_where_its_terminal_shows_it_right() -> None:
    """A one-line label filled to a width: before it in the Arabic interface, after it
    (up to a no-break space) on mlterm's terminal form, which lays a stretch starting
    with an Arabic letter out from the right and keeps spaces ending it at its right end
    (seen: "لا روابط ذات صلة." at the left of the related pane)."""
    from reader.text.output import MLTERM_FILL_END

    arabic, latin = "لا روابط.", "https://example.com/x"
    app_labels = Labels(Translator("ar"), "app", "keep", True)
    assert app_labels.filled(arabic, 12) == "   " + arabic
    assert app_labels.filled(latin, 25) == "    " + latin  # an Arabic entry's direction
    assert app_labels.filled(latin, 25, rtl=False) == latin
    mlterm = Labels(Translator("ar"), "terminal-mlterm", "keep", True)
    assert mlterm.filled(arabic, 12) == arabic + "  " + MLTERM_FILL_END
    assert mlterm.filled(arabic, len(arabic)) == arabic
    assert mlterm.filled(latin, 25) == "    " + latin  # mlterm lays it left to right
    assert Labels(Translator("en"), "terminal-mlterm", "keep", True).filled(arabic, 12) == arabic
