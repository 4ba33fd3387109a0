"""Where the library lives: ``--library``, else ``$RTL_READER_LIBRARY``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

LIBRARY_ENV = "RTL_READER_LIBRARY"
APP_NAME = "rtl-reader"
FILE_NAME = "library.sqlite3"


def default_library_path() -> Path:
    """The library path when none is given: the environment variable, else the platform's
    user data folder (``~/.local/share/rtl-reader/library.sqlite3`` on Linux)."""
    from_env = os.environ.get(LIBRARY_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def resolve_library_path(path: Path | str | None) -> Path:
    """*path* when given (``--library``), else :func:`default_library_path`."""
    if path is not None and str(path) != "":
        return Path(path).expanduser()
    return default_library_path()


def check_given_library_path(path: Path | str) -> bool:
    """Check a library path the user typed; return whether the file is still to be made.

    Raises :class:`reader.errors.UsageError` when it names a folder, or a file in a
    folder that does not exist (the user data folder is created when needed; a typed
    path is not, so a typo is reported instead of becoming an empty library). The words
    are a catalogue :class:`~reader.i18n.Sentence`, said in the interface's language
    where they are shown, each path a value laid in there (an isolate where it holds
    right-to-left text), so a folder named in Arabic keeps its own order in the sentence.
    """
    from reader.errors import UsageError
    from reader.i18n.sentence import Sentence
    from reader.text.decode import describe_source

    resolved = Path(path).expanduser()
    named = {"option": "--library", "path": describe_source(str(path))}
    if "\0" in str(path):  # no file has such a name; SQLite would raise ValueError
        raise UsageError(Sentence("library.path.unusable_bare", **named))
    try:
        if resolved.is_dir():
            raise UsageError(Sentence("library.path.is_folder", **named,
                                      example=describe_source(str(resolved / FILE_NAME))))
        folder = resolved.parent
        if not folder.is_dir():
            key = "library.path.not_a_folder" if folder.exists() else "library.path.no_folder"
            raise UsageError(Sentence(key, **named, folder=describe_source(str(folder))))
        return not resolved.exists()
    except OSError as error:  # a name too long, a folder that refuses to be listed
        if not error.strerror:
            raise UsageError(Sentence("library.path.unusable_bare", **named)) from None
        raise UsageError(Sentence("library.path.unusable", **named,
                                  reason=error.strerror)) from None
