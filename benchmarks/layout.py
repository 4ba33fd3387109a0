"""Layout speed and memory, against GNU FriBidi measured in the same run.

Usage: python benchmarks/layout.py [--file PATH] [--runs N]

Prints (child processes run with a bytecode cache, as an installed rtl-reader has):
- whole-process ``python -m reader cat --raw FILE --width 80`` wall time against
  ``fribidi --width 80 FILE`` (C; Debian's ``fribidi`` command), as a ratio
  (target: within 10x); ``--raw`` lays the file out as it is, the same job as
  fribidi's; the same file read as an article (title, body) is timed too;
- in-process CPU time of the full pipeline (sanitize, split, direction,
  levels, shaping, wrapping, reordering);
- a re-layout of the same Document at a new width (only wrapping and
  reordering are redone);
- a 4 KB article laid out from scratch (target: < 5 ms);
- peak memory (the cat process's max RSS, and Python allocations in-process).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text import bidi  # noqa: E402
from reader.text.layout import Document, LayoutOptions, split_paragraphs  # noqa: E402
from reader.text.layout.paragraph import forget_shaped_words  # noqa: E402
from reader.text.shaping import Shaper  # noqa: E402

DEFAULT_FILE = ROOT.parent / "shared" / "corpus" / "text" / "tashkeela_fadel2019_test.txt"
ARTICLE = ROOT / "assets" / "articles" / "000_ea300a519c8a66f3.txt"


# The child processes get a bytecode cache, as an installed rtl-reader has (pip compiles
# it): without one (PYTHONDONTWRITEBYTECODE, a read-only checkout) every run would also
# compile the reader's modules from source, ~0.06 s CPU that fribidi has no counterpart for.
# One unmeasured run fills the cache.
_PYCACHE = tempfile.mkdtemp(prefix="rtl-reader-bench-pycache-")
atexit.register(shutil.rmtree, _PYCACHE, True)
_CHILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _PYCACHE,
}


def median_wall(command: list[str], runs: int) -> tuple[float, float, int]:
    """Median wall and CPU (user + system) time of ``command`` (output discarded), and
    the children's max RSS (KiB). CPU time is the steadier figure on a busy machine."""
    times = []
    cpu_times = []
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=ROOT, env=_CHILD_ENV)
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=ROOT, env=_CHILD_ENV)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    LEAST_CPU[tuple(command)] = min(cpu_times)
    return statistics.median(times), statistics.median(cpu_times), rss


#: least CPU time of each command: on a loaded machine the median swings, the least less so
LEAST_CPU: dict[tuple[str, ...], float] = {}


def best_of(function, runs: int) -> float:
    """Least CPU time of ``runs`` calls (wall time swings with the machine's load)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def article_of_about(text: str, size: int) -> str:
    """The first paragraphs of ``text`` up to ``size`` bytes of UTF-8."""
    out: list[str] = []
    total = 0
    for paragraph in text.split("\n"):
        encoded = len(paragraph.encode()) + 1
        if total + encoded > size:
            break
        out.append(paragraph)
        total += encoded
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"{args.file} is absent; pass --file")
        return 1
    data = args.file.read_bytes()
    text = data.decode("utf-8")
    size_mb = len(data) / 1e6
    print(f"file: {args.file.name}, {size_mb:.2f} MB, {len(text):,} chars, "
          f"{text.count(chr(10)) + 1:,} lines; best or median of {args.runs} runs")

    # 1. Whole process against fribidi.
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    ours, ours_cpu, rss_kib = median_wall(
        [sys.executable, "-m", "reader", "cat", "--raw", str(args.file), "--width", "80"],
        args.runs,
    )
    print(f"rtl-reader cat --raw --width 80 (whole process): {ours:.3f} s wall, "
          f"{ours_cpu:.3f} s CPU, max RSS {rss_kib / 1024:.0f} MiB")
    as_article, as_article_cpu, _ = median_wall(
        [sys.executable, "-m", "reader", "cat", str(args.file), "--width", "80"], args.runs
    )
    print(f"rtl-reader cat --width 80, read as an article: {as_article:.3f} s wall, "
          f"{as_article_cpu:.3f} s CPU")
    fribidi = shutil.which("fribidi")
    if fribidi is None:
        print("fribidi: command not found (Debian package 'fribidi'); comparison skipped")
    else:
        theirs, theirs_cpu, _ = median_wall([fribidi, "--width", "80", str(args.file)], args.runs)
        print(f"fribidi --width 80: {theirs:.3f} s wall, {theirs_cpu:.3f} s CPU; ratio "
              f"rtl-reader/fribidi: {ours / theirs:.1f}x wall, {ours_cpu / theirs_cpu:.1f}x CPU "
              f"(target <= 10x)")
        ours_least = LEAST_CPU[(sys.executable, "-m", "reader", "cat", "--raw", str(args.file),
                                "--width", "80")]
        theirs_least = LEAST_CPU[(fribidi, "--width", "80", str(args.file))]
        print(f"  least CPU of the runs: {ours_least:.3f} s against {theirs_least:.3f} s: "
              f"{ours_least / theirs_least:.1f}x")
    terminal, _, _ = median_wall(
        [sys.executable, "-m", "reader", "cat", "--raw", str(args.file), "--width", "80",
         "--bidi", "terminal"], args.runs,
    )
    startup, _, _ = median_wall([sys.executable, "-m", "reader", "cat", "--help"], args.runs)
    print(f"rtl-reader cat --bidi terminal: {terminal:.3f} s; start-up (cat --help): "
          f"{startup:.3f} s")

    # 2. In-process pipeline throughput.
    options80 = LayoutOptions(80)
    holder: dict[str, Document] = {}

    def full() -> None:
        document = Document(split_paragraphs(text))
        document.lines(options80)
        holder["doc"] = document

    full_time = best_of(full, args.runs)
    print(f"in-process full pipeline (app mode, width 80): {full_time:.3f} s CPU = "
          f"{size_mb / full_time:.2f} MB/s")

    paragraphs = split_paragraphs(text)
    levels = best_of(lambda: [bidi.paragraph_levels(p) for p in paragraphs], 1)
    def shape_all() -> None:
        shaper = Shaper()  # an empty word cache
        for paragraph in paragraphs:
            shaper.shape(paragraph)

    shaping = best_of(shape_all, 1)
    print(f"  of which bidi levels (paragraph_levels): {levels:.3f} s; shaping (cold word "
          f"cache): {shaping:.3f} s")

    # 3. Re-layout at a new width, using the Document's cache.
    widths = iter(range(61, 61 + 7 * args.runs, 7))  # never 80, which is cached
    relayout = best_of(lambda: holder["doc"].lines(LayoutOptions(next(widths))), args.runs)
    print(f"re-layout at a new width (cached shaping and levels): {relayout:.3f} s CPU "
          f"({relayout / full_time:.0%} of a full layout)")

    # 4. A 4 KB article from scratch.
    article = article_of_about(ARTICLE.read_text(encoding="utf-8") * 3, 4096)
    def cold() -> None:
        forget_shaped_words()  # also the words shaped for earlier documents
        Document(split_paragraphs(article)).lines(options80)

    small_cold = best_of(cold, 30)
    small = best_of(lambda: Document(split_paragraphs(article)).lines(options80), 30)
    print(f"4 KB article ({len(article.encode()):,} bytes) from scratch: "
          f"{small_cold * 1000:.2f} ms CPU with an empty word cache, {small * 1000:.2f} ms with "
          f"the process's word cache warm (target < 5 ms)")

    # 5. Peak Python allocations for the full pipeline.
    holder.clear()
    gc.collect()
    tracemalloc.start()
    full()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python allocations, full pipeline in-process: {peak / 2**20:.0f} MiB "
          f"({peak / len(data):.0f} bytes per input byte)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
