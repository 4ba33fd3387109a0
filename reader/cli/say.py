"""The command line's words: every one from the catalogue (:mod:`reader.i18n`), by key.

The language is the one the interface would take: ``--lang`` where the command has it
(the app entry), else the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as
:func:`reader.i18n.default_language` reads it, so ``rtl-reader`` and the app it starts
speak the same language. Messages for people go to standard error prefixed with the
program's name (``rtl-reader: warning: ...``), which scripts and tests match on.

On a terminal, an Arabic message is laid out by the engine as ``cat`` and ``list``
print Arabic by default (``--bidi app``: letters joined, in visual order), so it reads
right beside their output; written to a file or a pipe it stays logical text, for
whatever reads it next.
"""

from __future__ import annotations

import sys
from typing import IO

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
    """The catalogue's *key* in the command line's language, *values* filled in.

    In Arabic each value is an isolate (its own bidi controls stripped; a sentence made
    here is laid in as it is), as the app's sentences are: a query ``'2015-08-11'``, a
    file name or an id keeps its own order in the right-to-left sentence (it read
    ``'11-08-2015'``). On a terminal the engine resolves the isolates (:func:`for_stream`);
    elsewhere they stay in the logical text, for whatever reads it next. English
    messages are printed as they are, so they carry none."""
    lang = language()
    if lang != "ar" or not values:
        return message(lang, key, **values)
    from reader.text.isolates import InterfaceText, isolate
    from reader.text.sanitize import strip_bidi_controls

    isolated = {name: value if isinstance(value, InterfaceText)
                else isolate(strip_bidi_controls(str(value)))
                for name, value in values.items()}
    return InterfaceText(message(lang, key, **isolated))


def prefixed(line: str, command: str | None = None) -> str:
    """*line* as the program says it: ``rtl-reader: line`` (``rtl-reader COMMAND: line``)."""
    return f"{PROG} {command}: {line}" if command else f"{PROG}: {line}"


def for_stream(lines: str, stream: object) -> str:
    """*lines* (safe to print) as *stream* should get them: on a terminal, in Arabic,
    each line laid out by the engine (shaped, visual order); else as they are."""
    if language() == "en" or not lines.strip() or not _is_terminal(stream):
        return lines
    from reader.text.layout import LayoutOptions, layout_text

    shown = []
    for line in lines.split("\n"):
        if not line.strip():
            shown.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        width = 2 * len(line) + 2  # shaping never widens text: one screen line
        laid_out = layout_text(line, LayoutOptions(width=width, mode="app"))
        shown.append(indent + " ".join(part.text for part in laid_out if part.text))
    return "\n".join(shown)


def emit(line: str, stream: IO[str] | None = None) -> None:
    """Write *line* (safe to print) and a newline to *stream* (standard error by
    default), laid out for it (:func:`for_stream`), and flush: a filter's output may
    still be coming on the other stream."""
    out = sys.stderr if stream is None else stream
    out.write(for_stream(line, out) + "\n")
    out.flush()


def tell(key: str, **values: object) -> None:
    """One line on standard error: the program's name, then the catalogue's *key*."""
    emit(prefixed(text(key, **values)))


def warn(problem: str) -> None:
    """``rtl-reader: warning: PROBLEM`` on standard error; *problem* is already safe
    to print."""
    emit(prefixed(text("cli.warning", message=problem)))


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)  # a stand-in stream may have none
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
