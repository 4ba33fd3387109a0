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
    path is not, so a typo is reported instead of becoming an empty library). Each path
    in the message is an isolate where it holds right-to-left text, so a folder named in
    Arabic keeps its own order in the sentence.
    """
    from reader.errors import UsageError
    from reader.text.isolates import InterfaceText

    resolved = Path(path).expanduser()
    shown = _named(str(path))
    try:
        if resolved.is_dir():
            raise UsageError(InterfaceText(
                f"--library {shown}: is a folder; name the library file in it "
                f"(e.g. {_named(str(resolved / FILE_NAME))})"))
        folder = resolved.parent
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "does not exist"
            raise UsageError(InterfaceText(
                f"--library {shown}: the folder {_named(str(folder))} {what}"))
        return not resolved.exists()
    except OSError as error:  # a name too long, a folder that refuses to be listed
        raise UsageError(InterfaceText(
            f"--library {shown}: {_named(error.strerror or 'cannot be used')}")) from None


def _named(path: str) -> str:
    """*path* safe to print, laid in as the interface's English sentences lay a value
    (:func:`reader.text.isolates.embedded`)."""
    from reader.text.decode import describe_source
    from reader.text.isolates import embedded

    return embedded(describe_source(path), rtl=False)
