"""Differential test against python-bidi on real Arabic paragraphs from ../shared/corpus.

python-bidi (the Rust unicode-bidi crate) passes all of BidiCharacterTest's display orders;
on whole paragraphs (one line each) both implementations must give the same visual order.
python-bidi does not mirror (L4), does not move marks after their base (L3) and keeps
X9-removed characters, so the comparison uses ``marks_after_base=False``, unmirrored
characters, and drops the removed characters from its output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bidi import get_display

from reader.text.bidi import paragraph_levels, reorder_line
from reader.text.bidi.classes import REMOVED_BY_X9, classify
from reader.text.sanitize import sanitize
from tests.conftest import shared_path

TEXT_FILES = [
    "mixed_01_alriyadh.txt", "mixed_02_alweeam.txt", "mixed_03_aawsat.txt",
    "news_harakat_01_alyaum.txt", "news_harakat_02_aljazirah.txt",
    "tashkeela_val_01_lines1-40.txt",
]


def _paragraphs(text: str) -> Iterator[str]:
    for paragraph in sanitize(text).split("\n"):
        if paragraph.strip():
            yield paragraph


def _corpus_paragraphs(name: str) -> list[str]:
    if name == "saudinewsnet-300.jsonl":
        path = shared_path("corpus", name)
        paragraphs: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            for field in ("title", "content"):
                paragraphs.extend(_paragraphs(article.get(field) or ""))
        return paragraphs
    return list(_paragraphs(Path(shared_path("corpus", "text", name)).read_text("utf-8")))


@pytest.mark.parametrize("name", [*TEXT_FILES, "saudinewsnet-300.jsonl"])
def test_visual_order_matches_python_bidi(name: str) -> None:
    paragraphs = _corpus_paragraphs(name)
    assert paragraphs
    mismatches = []
    for paragraph in paragraphs:
        para = paragraph_levels(paragraph)
        ours = "".join(
            paragraph[i] for i in reorder_line(para, 0, len(paragraph), marks_after_base=False)
        )
        theirs = get_display(paragraph, base_dir="R" if para.rtl else "L")
        codes = classify(theirs)
        if any(code in REMOVED_BY_X9 for code in codes):
            pairs = zip(theirs, codes, strict=True)
            theirs = "".join(ch for ch, code in pairs if code not in REMOVED_BY_X9)
        if ours != theirs:
            mismatches.append(paragraph)
    assert not mismatches, f"{len(mismatches)} of {len(paragraphs)} differ: {mismatches[:3]!r}"
