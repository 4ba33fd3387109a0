"""How long parsing takes per stored form, against a reference measured in the same run.

- HTML: the whole parser (trafilatura + related links + comment form) against
  trafilatura's extraction alone, per page of ../shared/corpus/html;
- JSON Lines: the 300-article corpus against bare ``json.loads`` of its lines;
- plain text: the 1.75 MB vocalised text against decoding and splitting it.

Run from the checkout: ``python benchmarks/articles_parse.py [repeats]``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.articles.parse import parse_bytes  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def timed(work: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(first run, median of the following runs) in milliseconds."""
    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:])


def html(repeats: int) -> None:
    import trafilatura

    print("HTML page                         KB   first ms  median ms  trafilatura ms  ratio")
    medians = []
    for page in sorted((SHARED / "html").glob("*.html")):
        data = page.read_bytes()
        text = data.decode("utf-8")
        first, ours = timed(lambda d=data, n=page.name: parse_bytes(d, n), repeats)
        _, reference = timed(
            lambda t=text: trafilatura.bare_extraction(
                t, with_metadata=True, include_comments=False, output_format="python"
            ),
            repeats,
        )
        medians.append(ours)
        print(
            f"{page.name[:32]:32} {len(data) / 1024:5.0f} {first:10.0f} {ours:10.1f}"
            f" {reference:15.1f} {ours / reference:6.2f}"
        )
    print(f"median over pages: {statistics.median(medians):.1f} ms a page")


def json_lines(repeats: int) -> None:
    data = (SHARED / "saudinewsnet-300.jsonl").read_bytes()
    _, ours = timed(lambda: parse_bytes(data, "saudinewsnet-300.jsonl"), repeats)
    lines = data.decode("utf-8").splitlines()
    _, reference = timed(lambda: [json.loads(line) for line in lines], repeats)
    print(
        f"JSON Lines, 300 articles ({len(data) / 1024:.0f} KB): {ours:.1f} ms"
        f" ({ours / 300 * 1000:.0f} us an article); json.loads alone {reference:.1f} ms,"
        f" ratio {ours / reference:.1f}"
    )


def plain_text(repeats: int) -> None:
    data = (SHARED / "text" / "tashkeela_fadel2019_test.txt").read_bytes()
    _, ours = timed(lambda: parse_bytes(data, "tashkeela_fadel2019_test.txt"), repeats)
    _, reference = timed(lambda: data.decode("utf-8").split("\n"), repeats)
    print(
        f"plain text, {len(data) / 1e6:.2f} MB: {ours:.1f} ms;"
        f" decode and split alone {reference:.1f} ms, ratio {ours / reference:.1f}"
    )


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to measure")
        return 0
    html(repeats)
    json_lines(repeats)
    plain_text(repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
