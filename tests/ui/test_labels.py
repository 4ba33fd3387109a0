"""Interface strings pass through the engine; plain ASCII in English is its own layout."""

from __future__ import annotations

import pytest

from reader.i18n import STRINGS, Translator
from reader.text.layout import LayoutOptions, layout_text
from reader.text.output import LRM, RLM
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
    assert logical == RLM + "خروج" + RLM + LRM  # logical, marked for the terminal's bidi
