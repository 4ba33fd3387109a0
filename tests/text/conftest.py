"""Real text for the engine's tests: the seed article and the shared corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, shared_path

SEED = REPO_ROOT / "assets" / "articles" / "000_ea300a519c8a66f3.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    """Every text of ../shared/corpus/text and the 300 SaudiNewsNet articles, by name."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(
        shared_path("corpus", "text").glob("*.txt"))}
    jsonl = shared_path("corpus", "saudinewsnet-300.jsonl")
    with jsonl.open(encoding="utf-8") as handle:
        for number, row in enumerate(handle):
            article = json.loads(row)
            texts[f"saudinewsnet-{number:03d}"] = article["title"] + "\n\n" + article["content"]
    assert len(texts) >= 307
    return texts


@pytest.fixture(scope="session")
def corpus_paragraphs(corpus_texts: dict[str, str]) -> list[str]:
    from reader.text.layout import split_paragraphs

    return [p for text in corpus_texts.values() for p in split_paragraphs(text)]


def read_shared(*parts: str) -> str:
    path: Path = shared_path(*parts)
    return path.read_text(encoding="utf-8")
