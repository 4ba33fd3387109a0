"""Large inputs for the speed benchmarks, made from the shared corpus (never kept in the repo).

Usage: python benchmarks/inputs.py [--out DIR] [NAME ...]

NAME is one or more of:

- ``short``: ~1.4 MB of ~6,000 short paragraphs (one news sentence or two each,
  some with digits and Latin words), the shape that costs per paragraph;
- ``big``: the 1.75 MB vocalised corpus text 29 times (~48 MB), for bounded memory;
- ``million``: 1,000,000 numbered short Arabic lines (~46 MB);
- ``library``: ~350 MB of JSON Lines, the 300 corpus articles repeated to 100,000,
  each copy with its own URL and a numbered title.

Each file is written once (an existing file of the right name is kept) and its
path printed. The default directory is the system's temporary one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
NEWS = CORPUS / "saudinewsnet-300.jsonl"
VOCALISED = CORPUS / "text" / "tashkeela_fadel2019_test.txt"
NAMES = {
    "short": "rtl-reader-short-paragraphs.txt",
    "big": "rtl-reader-48mb.txt",
    "million": "rtl-reader-million-lines.txt",
    "library": "rtl-reader-100k-articles.jsonl",
}
_LATIN = ["Reuters", "AFP", "CNN", "OPEC", "iPhone", "Twitter", "WhatsApp", "GDP", "NASA",
          "FIFA", "BBC", "Google", "PDF", "SMS", "COVID"]


def news_articles() -> list[dict[str, str]]:
    with NEWS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def news_sentences() -> list[str]:
    """The corpus articles' sentences, each a short line of Arabic."""
    sentences = []
    for article in news_articles():
        for sentence in re.split(r"(?<=[.!؟])\s+|\n+", article.get("content", "")):
            sentence = " ".join(sentence.split())
            if 20 <= len(sentence) <= 200:
                sentences.append(sentence)
    return sentences


def short_paragraphs(target_bytes: int = 1_400_000) -> Iterator[str]:
    """Short paragraphs (deterministic): a sentence or two, every third with a number, every
    fifth with a Latin word, until ``target_bytes`` of UTF-8."""
    rng = random.Random(14)
    sentences = news_sentences()
    total = 0
    number = 0
    while total < target_bytes:
        number += 1
        words = rng.choice(sentences).split()
        if rng.random() < 0.6:
            words += rng.choice(sentences).split()[:6]
        words = words[:26]
        if number % 3 == 0:
            words.insert(rng.randrange(len(words) + 1), str(rng.randrange(1, 100_000)))
        if number % 5 == 0:
            words.insert(rng.randrange(len(words) + 1), rng.choice(_LATIN))
        paragraph = " ".join(words)
        total += len(paragraph.encode()) + 1
        yield paragraph


def write_short(path: Path) -> None:
    path.write_text("\n".join(short_paragraphs()) + "\n", encoding="utf-8")


def write_big(path: Path) -> None:
    data = VOCALISED.read_bytes()
    with path.open("wb") as out:
        for _ in range(29):
            out.write(data)


def write_million(path: Path) -> None:
    words = [w for s in news_sentences() for w in s.split() if w.isalpha()][:5000]
    rng = random.Random(1_000_000)
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, 1_000_001):
            line = " ".join(rng.choice(words) for _ in range(4))
            out.write(f"{number} {line}\n")


def write_library(path: Path, count: int = 100_000) -> None:
    articles = news_articles()
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            article = dict(articles[number % len(articles)])
            copy = number // len(articles)
            article["url"] = f"{article['url']}?copy={copy}"
            article["title"] = f"{article['title']} ({number + 1})"
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


WRITERS = {"short": write_short, "big": write_big, "million": write_million,
           "library": write_library}


def ensure(name: str, directory: Path | None = None) -> Path:
    """The path of input ``name``, written first if absent."""
    path = (directory or Path(tempfile.gettempdir())) / NAMES[name]
    if not path.exists():
        partial = path.with_suffix(path.suffix + ".part")
        WRITERS[name](partial)
        partial.replace(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(NAMES))
    args = parser.parse_args()
    unknown = [name for name in args.names if name not in NAMES]
    if unknown:
        parser.error(f"unknown input {unknown[0]!r}; choose from {', '.join(NAMES)}")
    if not NEWS.is_file() or not VOCALISED.is_file():
        print(f"the corpus is absent: {CORPUS}", file=sys.stderr)
        return 1
    for name in args.names or NAMES:
        print(ensure(name, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
