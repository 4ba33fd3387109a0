"""Where the bundled data lives, installed or in a source checkout.

The top-level ``assets/`` folder is shipped inside the wheel as ``reader.assets``
(see pyproject.toml), so one lookup serves both an installed and an editable copy.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def assets_dir() -> Path:
    """Return the folder holding the bundled articles and data files."""
    try:
        found = resources.files("reader.assets")
        path = Path(str(found))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "assets"


def bundled_articles_dir() -> Path:
    """The bundled sample library (the seed article first)."""
    return assets_dir() / "articles"


def seed_article_path() -> Path:
    """The project's reference article."""
    return bundled_articles_dir() / "000_ea300a519c8a66f3.txt"
