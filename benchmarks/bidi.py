"""Throughput of reader.text.bidi on a large vocalised Arabic document.

Prints, for the whole document split into paragraphs: the time of paragraph_levels for
every paragraph, of reorder_line for every line of a width-80 wrap, and of python-bidi's
get_display per paragraph (the Rust implementation the project depends on) measured in the
same run, plus GNU FriBidi's command (``fribidi --width 80``) when it is installed.

Usage: python benchmarks/bidi.py [FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
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


class Timer:
    """Wall and CPU time of actions measured in interleaved rounds.

    Every round times every action once, so a change in machine load affects all of them
    alike; the ratios are medians of per-round ratios. CPU time (this process, plus its
    children for commands) is reported too: it is less disturbed by other work on the
    machine than wall time.
    """

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def measure(self, name: str, action: Callable[[], object]) -> None:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time()
        started = time.perf_counter()
        action()
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time() - cpu + (after.ru_utime + after.ru_stime) - (
            children.ru_utime + children.ru_stime
        )
        self.wall.setdefault(name, []).append(wall)
        self.cpu.setdefault(name, []).append(cpu)

    def median(self, name: str) -> tuple[float, float]:
        return statistics.median(self.wall[name]), statistics.median(self.cpu[name])

    def ratio(self, names: list[str], reference: str) -> tuple[float, float]:
        """Median over rounds of sum(names) / reference, for wall and CPU time."""
        ratios = []
        for times in (self.wall, self.cpu):
            per_round = [
                sum(times[name][k] for name in names) / times[reference][k]
                for k in range(len(times[reference]))
            ]
            ratios.append(statistics.median(per_round))
        return ratios[0], ratios[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"{args.file}: no such file (pass the document to measure)", file=sys.stderr)
        return 2
    text = args.file.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p]
    mib = len(text.encode("utf-8")) / 2**20
    print(f"{args.file.name}: {mib:.2f} MiB, {len(text):,} characters, "
          f"{len(paragraphs):,} paragraphs")

    resolved = [paragraph_levels(p) for p in paragraphs]
    lines = [(para, start, end) for para in resolved
             for start, end in wrap_ranges(para.text, para.classes, WIDTH)]

    def reorder_all(marks_after_base: bool) -> None:
        for para in resolved:  # start cold: per-paragraph arrays are built once per layout
            para._cache.clear()
        for para, start, end in lines:
            reorder_line(para, start, end, marks_after_base=marks_after_base)

    def run_fribidi() -> None:
        with args.file.open("rb") as source:
            subprocess.run(["fribidi", "--width", str(WIDTH)], stdin=source,
                           stdout=subprocess.DEVNULL, check=True)

    have_fribidi = shutil.which("fribidi") is not None
    timer = Timer()
    for _ in range(args.repeat):
        timer.measure("levels", lambda: [paragraph_levels(p) for p in paragraphs])
        timer.measure("reorder", lambda: reorder_all(True))
        timer.measure("reorder_plain", lambda: reorder_all(False))
        timer.measure("python-bidi", lambda: [get_display(p) for p in paragraphs])
        if have_fribidi:
            timer.measure("fribidi", run_fribidi)

    def show(label: str, name: str) -> None:
        wall, cpu = timer.median(name)
        print(f"{label:<44} {wall:6.3f} s wall, {cpu:6.3f} s CPU ({mib / wall:5.1f} MiB/s)")

    print(f"medians of {args.repeat} interleaved rounds")
    show("paragraph_levels, every paragraph", "levels")
    show(f"reorder_line, {len(lines):,} lines at width {WIDTH} (L3)", "reorder")
    show("reorder_line without L3", "reorder_plain")
    show("python-bidi get_display per paragraph", "python-bidi")
    ours = ["levels", "reorder"]
    wall_ratio, cpu_ratio = timer.ratio(ours, "python-bidi")
    print(f"levels + reorder / python-bidi: {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU")
    if have_fribidi:
        show(f"fribidi --width {WIDTH} (whole process)", "fribidi")
        wall_ratio, cpu_ratio = timer.ratio(ours, "fribidi")
        print(f"levels + reorder / fribidi:     {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
