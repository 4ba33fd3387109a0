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
import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

_PACKAGE = "arabic_reshaper"


@cache
def _table_module(name: str) -> ModuleType:
    package = importlib.util.find_spec(_PACKAGE)  # finds it without running __init__
    locations = package.submodule_search_locations if package is not None else None
    if locations:
        path = Path(next(iter(locations))) / f"{name}.py"
        spec = importlib.util.spec_from_file_location(f"{__name__}.{name}", path)
        if spec is not None and spec.loader is not None and path.is_file():
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
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
