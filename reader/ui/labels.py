"""Interface text laid out by the engine, exactly like article text.

Arabic labels, titles and messages are shaped and put in visual order by
``reader.text.layout`` before they reach a widget; untrusted strings (titles,
URLs, file names) are sanitized first. The UI itself knows nothing of bidi.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from textual.content import Content

from reader.errors import InputError, error_words
from reader.i18n import Translator, spoken
from reader.text.isolates import InterfaceText, clean_line, embedded, join_isolated
from reader.text.layout import LayoutOptions, Line, layout_text
from reader.text.layout.line import filled_to_its_end
from reader.text.output import aligns_rows_itself, fill_end
from reader.text.sanitize import sanitize_line
from reader.ui.plain import plain

#: One of the interface's own numbers: 1,234 / 3.5 / 2015-08-11 13:54 / 12/40 / 19 B.
_NUMBER = re.compile(r"[0-9][0-9,.:/ -]*(?: ?[A-Za-z%]{1,3})?")
#: Arabic-Indic digits, with the Arabic thousands and decimal separators.
_EASTERN = str.maketrans({**{str(d): chr(0x0660 + d) for d in range(10)},
                          ",": "\u066c", ".": "\u066b"})

#: Wide enough that a one-line label never wraps.
ONE_LINE_WIDTH = 1000


def _laid_out(text: str, options: LayoutOptions) -> tuple[Line, ...]:
    """The engine's lines for *text*, cached. The interface's own text and an equal
    plain string are laid out apart: only the first keeps its isolates for a terminal
    that orders (:class:`InterfaceText`)."""
    return _laid_out_cached(text, isinstance(text, InterfaceText), options)


@lru_cache(maxsize=4096)
def _laid_out_cached(text: str, interface: bool, options: LayoutOptions) -> tuple[Line, ...]:
    return tuple(layout_text(InterfaceText(text) if interface else text, options))


class Labels:
    """Translate and lay out interface strings for the current mode and language."""

    def __init__(self, translator: Translator, mode: str, harakat: str, shape: bool,
                 digits: str = "western") -> None:
        self.translate = translator
        self.mode = mode
        self.harakat = harakat
        self.shape = shape
        self.digits = digits

    @property
    def rtl(self) -> bool:
        return self.translate.rtl

    @property
    def align(self) -> Literal["left", "right"]:
        """Where a widget aligns the interface's lines: right in a right-to-left
        interface, except on a terminal that aligns such rows itself (mlterm's
        ``terminal`` form: :func:`reader.text.output.aligns_rows_itself`)."""
        return "right" if self.rtl and not aligns_rows_itself(self.mode) else "left"

    def options(self, width: int, direction: str | None = None) -> LayoutOptions:
        """Layout options for interface text *width* cells wide."""
        return LayoutOptions(
            width=max(2, width),
            mode=self.mode,
            harakat=self.harakat,
            shape=self.shape,
            direction=direction or ("rtl" if self.rtl else "ltr"),
        )

    def line(self, text: str, *, direction: str | None = None) -> str:
        """*text* (untrusted or not) as one display-ready line."""
        clean = clean_line(text)
        options = self.options(ONE_LINE_WIDTH, direction)
        if clean.isascii() and options.direction == "ltr":
            # Printable ASCII in a left-to-right paragraph lays out as itself (no
            # shaping, every char at level 0): skip the engine on the start-up path.
            return clean
        lines = _laid_out(clean, options)
        return " ".join(line.text for line in lines if line.text)

    def block(self, text: str, width: int, *, direction: str | None = None) -> list[Line]:
        """*text* wrapped to *width* cells: the engine's lines (use ``Line.padded``)."""
        clean = clean_line(text)
        return [line for line in _laid_out(clean, self.options(width, direction)) if line.text]

    def sentence(self, key: str, **values: object) -> InterfaceText:
        """The translated string *key* in logical order, each value sanitized and laid in
        as an isolate (FSI ... PDI, UAX #9 X5a-X5c): an Arabic title keeps its own order
        inside an English sentence ("Continue reading: <title>"), a Latin one inside an
        Arabic sentence, and a number beside either stays where the sentence puts it. The
        engine resolves the isolates and drops the controls, so none reaches the screen.
        A value with nothing right to left needs none in a left-to-right sentence
        (:func:`reader.text.isolates.embedded`).
        A value that is a sentence of the interface already (:class:`InterfaceText`: a
        reason inside "Bidi mode: {mode}. {reason}") is an isolate too, its own isolates
        kept and its numbers left as they are.
        The sentence is :class:`InterfaceText`: its isolates are the interface's, so a
        terminal that orders is given them too."""
        safe = {name: self._embedded(clean_line(value) if isinstance(value, InterfaceText)
                                     else self.number(sanitize_line(str(value))))
                for name, value in values.items()}
        return InterfaceText(self.translate(key, **safe))

    def said(self, error: BaseException) -> str:
        """What *error* says, in the interface language: a catalogue sentence said below
        the interface (:class:`~reader.i18n.Sentence`, a parser's or the library's) is
        translated here, its values laid in as :meth:`sentence` lays them; an
        :class:`~reader.errors.InputError` names its source as a value ("SOURCE:
        PROBLEM", as the command line says it). Other words are returned as they are,
        for :meth:`sentence` to sanitize."""
        if isinstance(error, InputError):
            source = self._embedded(sanitize_line(error.source))
            problem = spoken(error.problem, self.sentence)
            shown = problem if isinstance(problem, InterfaceText) else sanitize_line(problem)
            return InterfaceText(f"{source}: {shown}")
        return spoken(error_words(error), self.sentence)

    def listing(self, values: Sequence[object], separator: str) -> InterfaceText:
        """*values* joined by *separator* in logical order, each an isolate in the chosen
        digits (:func:`reader.text.isolates.join_isolated`)."""
        return join_isolated((str(value) for value in values), separator, each=self.number)

    def number(self, value: str) -> str:
        """``value`` in the chosen digits when it is one of the interface's own numbers
        (a count, a size, a date, a position: digits and separators only); anything else
        (a title that holds a number, article text) is left as it is."""
        if self.digits != "eastern" or not _NUMBER.fullmatch(value):
            return value
        return value.translate(_EASTERN)

    def _embedded(self, value: str) -> str:
        return embedded(value, rtl=self.rtl)

    def __call__(self, key: str, **values: object) -> str:
        """The translated string *key*, laid out as one line (values are sanitized and
        isolated, see :meth:`sentence`)."""
        return self.line(self.sentence(key, **values))

    def content(self, key: str, **values: object) -> Content:
        """:meth:`__call__` as Textual ``Content``: for titles and other places Textual
        would parse a string's markup (see :mod:`reader.ui.plain`)."""
        return plain(self(key, **values))

    def filled(self, line: str, width: int, rtl: bool | None = None) -> str:
        """*line* (one laid-out line of the interface) filled with spaces to *width*
        characters: before it when it reads right to left (*rtl*, else the interface's
        direction), except where the terminal lays it out from the right itself
        (mlterm's ``terminal`` form): after it there, the fill ending in a no-break
        space (:func:`reader.text.output.fill_end`), as the engine's own lines are."""
        if not (self.rtl if rtl is None else rtl):
            return line
        end = fill_end(self.mode, line, True)
        if end and len(line) < width:
            return filled_to_its_end(line, len(line), width, end)
        return line.rjust(width)

    def padded(self, lines: Sequence[Line], width: int) -> str:
        """Engine lines joined into one block, each aligned within *width*."""
        return "\n".join(line.padded(width) for line in lines)
