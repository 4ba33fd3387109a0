"""The command line's words: every one from the catalogue (:mod:`reader.i18n`), by key.

The language is the one the interface would take: ``--lang`` where the command has it
(the app entry), else the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as
:func:`reader.i18n.default_language` reads it, so ``rtl-reader`` and the app it starts
speak the same language. Messages for people go to standard error prefixed with the
program's name (``rtl-reader: warning: ...``), which scripts and tests match on.

A message's values (a title, a source, a query, a file name, a count) are laid in as
isolates (UAX #9 X5a-X5c) as the app's sentences lay theirs
(:func:`reader.text.isolates.embedded`): every value of an Arabic sentence, and in an
English one each value holding right-to-left text, so an Arabic file name keeps its own
order in "FILE: no such file". After the program's name, a message holding right-to-left
text is one isolate too: the line stays a left-to-right ``rtl-reader: ...`` and the
message reads in its own direction (an Arabic one from the right).

On a terminal, a line holding right-to-left text is laid out by the engine, in either
language, in the strategy ``cat`` and ``list`` print Arabic in there
(:mod:`reader.cli.strategy`, the app's decision; ``app`` on most terminals: letters
joined, in visual order, each isolate resolved and no control printed), so it reads
right beside their output. Written to a file or a pipe a message stays logical text,
its isolates kept, for whatever reads it next to lay out as it should; a message with
nothing right to left is printed as it is wherever it goes.
"""

from __future__ import annotations

import sys
from typing import IO

from reader.cli.strategy import is_terminal, terminal_columns
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

    Each value's own bidi controls are stripped and it is laid in as the interface's
    sentences lay theirs (:func:`reader.text.isolates.embedded`): in Arabic every value
    is an isolate, so a query ``'2015-08-11'``, a file name or an id keeps its own order
    in the right-to-left sentence (it read ``'11-08-2015'``); in English each value that
    holds right-to-left text is, so an Arabic title keeps its own order in the
    left-to-right one. A value that is a sentence made here (:class:`InterfaceText`) is
    laid in as it is: the result always is one, the interface's own words (in "FILE:
    PROBLEM" the problem's words give an Arabic sentence its direction, where an isolate
    would hide them from rule P2). On a terminal the engine resolves the isolates
    (:func:`for_stream`); elsewhere they stay in the logical text, for whatever reads it
    next."""
    from reader.text.isolates import InterfaceText

    lang = language()
    if not values:
        return InterfaceText(message(lang, key))
    return InterfaceText(message(lang, key, **_laid_in(values)))


def _laid_in(values: dict[str, object]) -> dict[str, str]:
    """*values* as the command line's language lays them in a sentence (see :func:`text`)."""
    from reader.i18n import Sentence, Translator, spoken
    from reader.text.isolates import InterfaceText, embedded
    from reader.text.sanitize import strip_bidi_controls

    rtl = Translator(language()).rtl
    # a catalogue sentence among them (what told the reader which terminal it is in) is
    # said in the same language first, and is then this interface's own words
    said = {name: spoken(value, text) if isinstance(value, Sentence) else value
            for name, value in values.items()}
    return {name: value if isinstance(value, InterfaceText)
            else embedded(strip_bidi_controls(str(value)), rtl=rtl)
            for name, value in said.items()}


def located(source: str, problem: str) -> str:
    """``SOURCE: PROBLEM``, safe to print: *source* (a file name, a title, a page: never
    trusted) a value of the sentence like any other, *problem* the words for it (a
    catalogue sentence keeps its isolates). Punctuation, in either language: no entry
    of the catalogue."""
    from reader.text.isolates import InterfaceText
    from reader.text.sanitize import sanitize_line

    laid_in = _laid_in({"source": sanitize_line(source), "problem": _safe(problem)})
    return InterfaceText(f"{laid_in['source']}: {laid_in['problem']}")


def said(problem: BaseException) -> str:
    """What *problem* (a :class:`~reader.errors.ReaderError`, a warning) says, safe to
    print: an :class:`~reader.errors.InputError` or a legacy encoding's note names its
    source as a value (:func:`located`); words the catalogue built keep their isolates;
    anything else is sanitized to one line."""
    from reader.errors import InputError, error_words
    from reader.text.decode import LegacyEncoding

    if isinstance(problem, InputError | LegacyEncoding):
        return located(problem.source, problem.problem)
    return _safe(error_words(problem))


def _safe(words: object) -> str:
    """*words* as one safe line: a catalogue sentence said below the interface
    (:class:`~reader.i18n.Sentence`: a parser's, the import's) in the command line's
    language, its values laid in as :func:`text` lays them; a sentence made here
    (:class:`InterfaceText`) keeps its isolates; anything else loses every control."""
    from reader.i18n import Sentence, spoken
    from reader.text.isolates import InterfaceText, clean_line
    from reader.text.sanitize import sanitize_line

    if isinstance(words, Sentence):
        words = spoken(words, text)
    if isinstance(words, InterfaceText):
        return clean_line(words)
    return sanitize_line(str(words))


def prefixed(line: str, command: str | None = None) -> str:
    """*line* as the program says it: ``rtl-reader: line`` (``rtl-reader COMMAND: line``).

    A *line* holding right-to-left text is laid in as an isolate: the program's name
    opens a left-to-right line wherever it goes (scripts match on it), and the message
    after it is one unit in its own direction. Without it rule P2 took the line's
    direction from the name's first letter, and an Arabic message's runs came out in
    left-to-right order: "لا مقال يطابق 'QUERY'" showed the query to the right of
    the words, read first."""
    from reader.text.isolates import InterfaceText, embedded

    name = f"{PROG} {command}" if command else PROG
    said = f"{name}: {embedded(line, rtl=False)}"
    # the interface's own sentence stays one: a terminal that orders gets its isolates
    return InterfaceText(said) if isinstance(line, InterfaceText) else said


#: The zero-width controls a message row may start with (an embedding, an isolate, a mark).
ROW_OPENING_MARKS = frozenset("\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069")


def for_stream(lines: str, stream: object) -> str:
    """*lines* (safe to print) as *stream* should get them: on a terminal, each line
    holding right-to-left text laid out by the engine in the strategy the command's
    output takes there (:mod:`reader.cli.strategy`: ``app`` lays it shaped, in visual
    order, its paragraph direction its own by rules P2/P3, isolates resolved and no bidi
    control left; kitty's ``words`` then sends each Arabic word backwards), in either
    language; anything else as it is."""
    if not lines.strip() or not is_terminal(stream):
        return lines
    from reader.text.isolates import holds_right_to_left

    if not holds_right_to_left(lines):
        return lines
    from reader.cli.strategy import (
        FIRST_STRONG,
        in_its_direction,
        layout_mode,
        line_form,
        marks_room,
    )
    from reader.text.isolates import InterfaceText
    from reader.text.layout import LayoutOptions, layout_text
    from reader.text.output import isolates_as_embeddings

    mode = layout_mode(stream)
    # the interface's own sentences keep their isolates: a terminal that orders (Konsole,
    # VTE) is sent them, and an Arabic file name reads from the right in an English line;
    # mlterm, which draws isolate controls as boxes, as embeddings, directly and behind
    # tmux alike, each row with room for its marks (each takes a slot of mlterm's row: a
    # row filled to the last cell pushed its end onto the next one, and behind tmux lost
    # the next line) and in its own direction (mlterm takes a row's from its first strong
    # letter: a message's second row starting in an Arabic file name read backwards)
    own = isinstance(lines, InterfaceText)
    embeddings = own and line_form(stream, mode) == FIRST_STRONG
    if embeddings:
        mode = "shaped"

    columns = terminal_columns(stream)
    shown = []
    for line in lines.split("\n"):
        if not holds_right_to_left(line):
            shown.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        # The engine wraps a message wider than the terminal, so its rows come in
        # reading order: the terminal's own wrapping of one long visual line put the
        # sentence's end on the first row. One row where the width is unknown
        # (shaping never widens text).
        room = marks_room(line) if embeddings else 0
        width = max(2, columns - len(indent) - 1 - room) if columns else 2 * len(line) + 2
        laid_out = [part for part in layout_text(InterfaceText(line) if own else line,
                                                 LayoutOptions(width=width, mode=mode))
                    if part.text]
        for part in laid_out:
            # A wrapped right-to-left sentence is right-aligned as a block.
            row = part.padded(width) if len(laid_out) > 1 and part.align_right else part.text
            said = indent + row
            if embeddings:  # mlterm aligns the row itself
                said = indent + in_its_direction(isolates_as_embeddings(part.text), part.rtl)
            if said[:1] in ROW_OPENING_MARKS:  # Konsole, tmux drop a mark in a row's first
                said = " " + said  # cell (behind tmux mlterm then read the row backwards)
            shown.append(said)
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
    to print (a catalogue sentence said below the interface, a stored row skipped, is
    said in the command line's language)."""
    from reader.i18n import Sentence

    said = _safe(problem) if isinstance(problem, Sentence) else problem
    emit(prefixed(text("cli.warning", message=said)))

