"""A library of the 300-article corpus (and the bundled seed), built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.normalize import normalize


@pytest.fixture(scope="session")
def corpus_jsonl(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / "saudinewsnet-300.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def corpus_library_path(tmp_path_factory: pytest.TempPathFactory, corpus_jsonl: Path) -> Path:
    """The bundled articles (the seed first; some come from the corpus) and the 300
    corpus articles."""
    path = tmp_path_factory.mktemp("corpus-library") / "library.sqlite3"
    with Library.open(path) as library:
        report = library.import_paths([corpus_jsonl])
    assert report.ok, report.problems
    assert len(report.imported) + len(report.duplicates) == 300
    return path


@pytest.fixture
def corpus_library(corpus_library_path: Path) -> Iterator[Library]:
    with Library.open(corpus_library_path) as library:
        yield library


@pytest.fixture(scope="session")
def iran_nuclear_urls(corpus_jsonl: Path) -> set[str]:
    """Corpus articles about Iran's nuclear programme, by content: they name إيران
    and نووي (in any spelling: normalised, so الإيرانية and النووية count).

    Read against the corpus, this gives the twelve its notes count: eight are about
    Iran and the deal, four mention the deal in passing (Syria talks, oil prices, an
    op-ed). The articles naming only one of the two are about something else (Yemen,
    Iraq, a Japanese reactor, MRI scans)."""
    import json

    found = set()
    for line in corpus_jsonl.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = normalize(record["title"] + "\n" + record["content"])
        if "ايران" in text and "نووي" in text:
            found.add(record["url"])
    return found
