"""Throughput of reader.text.bidi on a large vocalised Arabic document.

Prints, for the whole document split into paragraphs: the time of paragraph_levels for
every paragraph, of reorder_line for every line of a width-80 wrap, and of python-bidi's
get_display per paragraph (the Rust implementation the project depends on) measured in the
same run, plus GNU FriBidi's command (``fribidi --width 80``) when it is installed.

Usage: python benchmarks/bidi.py [FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

# This script's folder comes first on sys.path, and its name would shadow python-bidi's
# ``bidi`` package: put the project root there instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bidi import get_display  # noqa: E402

from reader.text.bidi import paragraph_levels, reorder_line  # noqa: E402

DEFAULT_FILE = (
    Path(__file__).resolve().parent.parent.parent
    / "shared" / "corpus" / "text" / "tashkeela_fadel2019_test.txt"
)
WIDTH = 80


def wrap_ranges(text: str, classes: str, width: int) -> list[tuple[int, int]]:
    """Greedy line ranges at spaces, counting characters other than combining marks (an
    approximation of terminal cells, good enough to get realistic line lengths)."""
    ranges = []
    start = 0
    cells = 0
    last_space = -1
    for i, code in enumerate(classes):
        if code != "m":
            cells += 1
        if text[i] == " ":
            last_space = i
        if cells > width and last_space > start:
            ranges.append((start, last_space + 1))
            start = last_space + 1
            cells = sum(1 for c in classes[start : i + 1] if c != "m")
            last_space = -1
    ranges.append((start, len(text)))
    return ranges


def best_of(repeat: int, action: Callable[[], object]) -> tuple[float, float]:
    """(median, minimum) wall time of *action* over *repeat* runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"{args.file}: no such file (pass the document to measure)", file=sys.stderr)
        return 2
    text = args.file.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p]
    mib = len(text.encode("utf-8")) / 2**20
    print(f"{args.file.name}: {mib:.2f} MiB, {len(text):,} characters, "
          f"{len(paragraphs):,} paragraphs")

    levels_median, levels_min = best_of(
        args.repeat, lambda: [paragraph_levels(p) for p in paragraphs]
    )
    resolved = [paragraph_levels(p) for p in paragraphs]
    lines = [(para, start, end) for para in resolved
             for start, end in wrap_ranges(para.text, para.classes, WIDTH)]
    reorder_median, reorder_min = best_of(
        args.repeat, lambda: [reorder_line(p, s, e) for p, s, e in lines]
    )
    plain_median, _ = best_of(
        args.repeat, lambda: [reorder_line(p, s, e, marks_after_base=False) for p, s, e in lines]
    )
    rust_median, rust_min = best_of(args.repeat, lambda: [get_display(p) for p in paragraphs])
    ours = levels_median + reorder_median
    print(f"paragraph_levels, all paragraphs:      {levels_median:.3f} s "
          f"(min {levels_min:.3f}, {mib / levels_median:.1f} MiB/s)")
    print(f"reorder_line, {len(lines):,} lines at width {WIDTH}: {reorder_median:.3f} s "
          f"(min {reorder_min:.3f}; without L3 {plain_median:.3f} s)")
    print(f"levels + reorder:                      {ours:.3f} s ({mib / ours:.1f} MiB/s)")
    print(f"python-bidi get_display per paragraph: {rust_median:.3f} s "
          f"(min {rust_min:.3f}); ours / python-bidi = {ours / rust_median:.2f}")
    if shutil.which("fribidi"):
        def run_fribidi() -> None:
            with args.file.open("rb") as source:
                subprocess.run(["fribidi", "--width", str(WIDTH)], stdin=source,
                               stdout=subprocess.DEVNULL, check=True)
        fribidi_median, _ = best_of(args.repeat, run_fribidi)
        print(f"fribidi --width {WIDTH} (whole process):   {fribidi_median:.3f} s; "
              f"ours / fribidi = {ours / fribidi_median:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
