"""Interface strings in both languages, and preferences."""

from __future__ import annotations

import string

import pytest

from reader.i18n import LANGUAGES, STRINGS, Translator, default_language
from reader.ui.settings import Settings, merge_command_line


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = STRINGS[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert _fields(entry["en"]) == _fields(entry["ar"])
    assert any("\u0600" <= ch <= "\u06ff" for ch in entry["ar"]) or key.startswith("msg.setting")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "ar_EG.UTF-8"}, "ar"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "ar_SA.UTF-8", "LANG": "en_US.UTF-8"}, "ar"),
        ({"LANGUAGE": "en:ar", "LANG": "ar_EG.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_default_language_follows_the_locale(env: dict[str, str], lang: str) -> None:
    assert default_language(env) == lang


def test_translator_formats_and_refuses_unknown_languages() -> None:
    assert Translator("en")("library.count", count=3) == "3 articles"
    assert Translator("ar").rtl and not Translator("en").rtl
    with pytest.raises(ValueError, match="language"):
        Translator("fr")


def test_saved_preferences_ignore_junk_and_the_command_line_wins() -> None:
    saved = Settings.from_state(
        {"bidi": "terminal", "measure": 9999, "harakat": "strip", "colour": "red", "lang": "ar"}
    )
    assert (saved.bidi, saved.harakat, saved.lang) == ("terminal", "strip", "ar")
    assert saved.measure == Settings().measure  # out of range: ignored
    merged = merge_command_line(saved, bidi="app", harakat=None, shape=False, measure=60,
                                lang=None)
    assert (merged.bidi, merged.harakat, merged.shape, merged.measure, merged.lang) == (
        "app", "strip", False, 60, "ar")
    assert Settings.from_state(merged.to_state()) == merged
    assert Settings.from_state("not a dict").bidi == "auto"
