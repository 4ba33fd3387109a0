"""The command line's words: every one from the catalogue (:mod:`reader.i18n`), by key.

The language is the one the interface would take: ``--lang`` where the command has it
(the app entry), else the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as
:func:`reader.i18n.default_language` reads it, so ``rtl-reader`` and the app it starts
speak the same language. Messages for people go to standard error prefixed with the
program's name (``rtl-reader: warning: ...``), which scripts and tests match on.
"""

from __future__ import annotations

import sys

from reader.i18n import LANGUAGES, default_language, message

PROG = "rtl-reader"

#: The language ``--lang`` asked for in this process, if any (else the locale decides).
_chosen: str | None = None


def choose_language(lang: str | None) -> None:
    """Speak *lang* from now on (``None``: the locale's language again)."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None


def language() -> str:
    """The language the command line speaks now."""
    return _chosen or default_language()


def text(key: str, **values: object) -> str:
    """The catalogue's *key* in the command line's language, *values* filled in."""
    return message(language(), key, **values)


def prefixed(line: str, command: str | None = None) -> str:
    """*line* as the program says it: ``rtl-reader: line`` (``rtl-reader COMMAND: line``)."""
    return f"{PROG} {command}: {line}" if command else f"{PROG}: {line}"


def tell(key: str, **values: object) -> None:
    """One line on standard error: the program's name, then the catalogue's *key*."""
    print(prefixed(text(key, **values)), file=sys.stderr)


def warn(problem: str) -> None:
    """``rtl-reader: warning: PROBLEM`` on standard error, flushed (a filter's output may
    still be coming); *problem* is already safe to print."""
    sys.stderr.write(prefixed(text("cli.warning", message=problem)) + "\n")
    sys.stderr.flush()
