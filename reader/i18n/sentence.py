"""A catalogue sentence said by a layer that does not know the reader's language.

The engine, the parsers and the library raise errors and write import reports long
before anything decides which language they are shown in (``--lang``, the locale, the
app's setting), and they import nothing of the command line or the screens. So they say
a problem as a :class:`Sentence`: the catalogue's key and its values, kept apart until
it is shown. Where it is shown, :func:`spoken` gives it in the interface's language, each
value laid in there (an isolate, the chosen digits): by ``reader.cli.say`` on the
command line, by ``reader.ui.labels.Labels`` in the app.

A Sentence is a ``str`` too, its English text, so that everything that passes a problem
on (an :class:`~reader.errors.InputError`, an import report, a log) keeps working, and
the English a script matches is exactly what it was. Like
:class:`reader.text.isolates.InterfaceText`, any change to it (``+``, an f-string) gives a
plain ``str``: what was said in English stays English, never a half-translated line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reader.i18n.lookup import message


class Sentence(str):
    """The catalogue's *key* with its *values*; as a ``str``, its English text. A value
    may be a Sentence itself (the reason inside "line 3: REASON"), said in the same
    language as the sentence around it."""

    __slots__ = ("key", "values")
    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Sentence:
        self = super().__new__(cls, message("en", key, **values))
        self.key = key
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (a worker process's report) as the key and values it was made from."""
        return (_made, (self.key, self.values))


def _made(key: str, values: dict[str, object]) -> Sentence:
    return Sentence(key, **values)


def spoken(words: str, say: Callable[..., str]) -> str:
    """*words* as the place that shows them says a catalogue sentence: a
    :class:`Sentence` is given to *say* ``(key, **values)`` (``reader.cli.say.text``,
    ``Labels.sentence``, or ``functools.partial(message, lang)``), which fills the
    template in its language and lays each value in as it wants (an isolate, the chosen
    digits); a Sentence among the values is said first, the same way. Any other string
    is returned as it is."""
    if not isinstance(words, Sentence):
        return words
    values = {name: spoken(value, say) if isinstance(value, Sentence) else value
              for name, value in words.values.items()}
    return say(words.key, **values)
