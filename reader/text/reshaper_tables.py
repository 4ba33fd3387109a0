"""arabic-reshaper's letter and ligature tables, loaded without the rest of the package.

The engine applies arabic-reshaper's own tables itself (see :mod:`reader.text.shaping`).
Importing them as ``arabic_reshaper.letters`` runs the package's ``__init__`` first, which
also builds the library's reshaper: large regular expressions, a ``ConfigParser`` and a
font-tools check, 5-10 ms that delayed the app's first paint and that the reader never
uses. The two table modules import nothing from the package, so they are executed on
their own from the installed files. If the package is laid out differently (another
version), they are imported the ordinary way.
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from importlib.machinery import PathFinder, SourceFileLoader
from types import ModuleType
from typing import Any

_PACKAGE = "arabic_reshaper"


@cache
def _table_module(name: str) -> ModuleType:
    # (importlib.machinery, not importlib.util and pathlib: those two cost a filter's
    # start-up more than the tables do)
    package = PathFinder.find_spec(_PACKAGE)  # finds it without running __init__
    locations = package.submodule_search_locations if package is not None else None
    if locations:
        path = os.path.join(next(iter(locations)), f"{name}.py")
        if os.path.isfile(path):
            module = ModuleType(f"{__name__}.{name}")
            module.__file__ = path
            try:
                SourceFileLoader(module.__name__, path).exec_module(module)
            except ImportError:
                pass  # a table module that now imports the package: the ordinary way
            else:
                return module
    return importlib.import_module(f"{_PACKAGE}.{name}")


def letters_arabic() -> dict[str, Any]:
    """``arabic_reshaper.letters.LETTERS_ARABIC``: letter -> its four presentation forms."""
    letters: dict[str, Any] = _table_module("letters").LETTERS_ARABIC
    return letters


def ligatures() -> tuple[Any, ...]:
    """``arabic_reshaper.ligatures.LIGATURES``: (name, (match, forms)) pairs."""
    return tuple(_table_module("ligatures").LIGATURES)
