"""The message catalogue: every string in both languages, one lookup, the locale's language."""

from __future__ import annotations

import string

import pytest

from reader.i18n import LANGUAGES, STRINGS, Translator, default_language, message


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


def test_messages_exist_in_both_languages_for_every_error():
    keys = {"error.comment.required", "error.author.required", "error.email.required",
            "error.email.invalid", "error.url.invalid", "error.comment.too_long",
            "error.author.too_long", "error.email.too_long", "error.url.too_long"}
    for key in keys:
        en, ar = message("en", f"comment.{key}"), message("ar", f"comment.{key}")
        assert en.startswith("Error:")
        assert ar.startswith("خطأ:")
    assert message("en", "comment.bytes", used="1,234", limit="65,525") == \
        "1,234 / 65,525 bytes"
    assert message("ar", "comment.bytes", used="12", limit="245").endswith("بايت")


def test_default_language_reads_lc_all_before_lang():
    assert default_language({"LANG": "ar_SA.UTF-8"}) == "ar"
    assert default_language({"LC_ALL": "en_US.UTF-8", "LANG": "ar_EG.UTF-8"}) == "en"
    assert default_language({}) == "en"
