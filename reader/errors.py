"""Errors that reach the user as one clear line, never as a traceback.

The layers that raise them do not know the interface's language, so their words are a
:class:`reader.i18n.Sentence` (the catalogue's key and values; as a ``str``, the English
text) wherever they are the reader's own: the command line and the app say it in their
language (:func:`reader.i18n.spoken`). :func:`error_words` gives an error's words with the
Sentence kept.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can act on: bad input file, unusable library, bad option.

    The command line prints ``rtl-reader: <message>`` and exits with status 1.
    Messages name the file (sanitized) and the problem.
    """


class InputError(ReaderError):
    """An input file or stream that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


def error_words(error: BaseException) -> str:
    """What *error* says: its one argument when that is text (a catalogue
    :class:`~reader.i18n.Sentence` stays one), else ``str(error)``."""
    if len(error.args) == 1 and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


class UsageError(ReaderError):
    """A command line that names something impossible (a folder as the library file,
    a folder that does not exist): exit status 2, like argparse's own usage errors."""
