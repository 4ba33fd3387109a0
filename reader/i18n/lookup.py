"""One lookup for every user-visible string: a key, a language, plain parameters.

The command line, the screens and the comment form all ask here; a string missing in
one language falls back to English. Templates are plain ``str.format`` templates with
named parameters, so a caller that needs markup-safe text (Textual ``Content``) or
directional isolates around the parameters wraps this lookup rather than the strings.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from reader.i18n.catalogue import STRINGS

#: The interface languages, English first (the fallback).
LANGUAGES: tuple[str, ...] = ("en", "ar")


def template(language: str, key: str) -> str:
    """The plain template of *key* in *language* (English when it has none there)."""
    entry = STRINGS[key]
    return entry.get(language) or entry["en"]


def message(language: str, key: str, **values: object) -> str:
    """The string *key* in *language*, its named parameters filled with *values*."""
    text = template(language, key)
    return text.format(**values) if values else text


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the locale asks for: ``ar`` for an Arabic locale, else ``en``.

    Follows POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG (LANGUAGE first when set).
    """
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            first = value.split(":")[0].lower()
            return "ar" if first.startswith("ar") else "en"
    return "en"


class Translator:
    """The lookup bound to one language, for code that speaks one language at a time."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown interface language {lang!r}; choose from {LANGUAGES}")
        self.lang = lang

    @property
    def rtl(self) -> bool:
        """Whether the interface reads right to left."""
        return self.lang == "ar"

    def __call__(self, key: str, **values: object) -> str:
        return message(self.lang, key, **values)
