"""Where the bundled data lives, installed or in a source checkout.

The top-level ``assets/`` folder is shipped inside the wheel as ``reader.assets``
(see setup.py); a checkout keeps them at the top level.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def assets_dir() -> Path:
    """Return the folder holding the bundled articles and data files.

    An installed copy has them in the package (``reader/assets``); a source
    checkout or an editable install has them at the top level of the repository.
    """
    installed = _PACKAGE_DIR / "assets"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "assets"


def bundled_articles_dir() -> Path:
    """The bundled sample library (the seed article first)."""
    return assets_dir() / "articles"


def seed_article_path() -> Path:
    """The project's reference article."""
    return bundled_articles_dir() / "000_ea300a519c8a66f3.txt"


#: The bundled folder's notes on where its articles came from: not an article itself.
BUNDLED_NOTES = "SOURCES.md"


def bundled_article_files() -> list[Path]:
    """The bundled articles' files, in name order (the folder's notes left out)."""
    from reader.articles.parse import is_article_file

    folder = bundled_articles_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name != BUNDLED_NOTES and is_article_file(p))
