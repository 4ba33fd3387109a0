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
