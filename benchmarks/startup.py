"""Start-up and scrolling cost of the reader, against references measured in the same run.

1. Launch to first paint, in tmux, polling ``capture-pane`` until the text shows:
   - a bare Textual app showing one line (the reference);
   - ``rtl-reader SEED`` until the seed's title shows (target: within 1.3x of the bare app);
   - ``rtl-reader LARGE`` (the 1.75 MB vocalised corpus text by default; ``--large``
     again for more, such as the 48 MB text of ``benchmarks/inputs.py big``) until its
     title shows (target: within 2x of the seed).
2. Engine time per scrolled page: laying out the paragraphs that fill one page
   (cold, a fresh Document) for the seed and the large texts.

Usage: python benchmarks/startup.py [--runs N] [--large PATH ...]
Needs tmux and an installed ``rtl-reader`` next to this Python (a virtual environment
with ``pip install -e .``). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.resources import seed_article_path  # noqa: E402
from reader.text.layout import Document, LayoutOptions  # noqa: E402

LARGE = ROOT.parent / "shared" / "corpus" / "text" / "tashkeela_fadel2019_test.txt"
WIDTH, HEIGHT = 100, 30
BARE_MARKER = "bare-textual-ready"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static({BARE_MARKER!r})

Bare().run()
"""


# Both apps run with a bytecode cache, as an installed rtl-reader has (pip compiles it).
# Without one (PYTHONDONTWRITEBYTECODE set, or a read-only checkout) every launch of an
# editable install compiles the reader's modules from source, while Textual's own come
# precompiled from site-packages: an unfair ~0.1 s. The unmeasured warm-up run fills it.
_PYCACHE = tempfile.mkdtemp(prefix="rtl-reader-bench-pycache-")
atexit.register(shutil.rmtree, _PYCACHE, True)
_CHILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _PYCACHE,
}


def time_to_screen(command: str, marker: str, timeout: float = 60.0) -> float:
    """Seconds from starting *command* in a fresh tmux server until *marker* is on screen."""
    socket = f"rtl-reader-bench-{uuid.uuid4().hex[:10]}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    started = time.perf_counter()
    subprocess.run([*tmux, "-u", "new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT),
                    command], check=True, env=_CHILD_ENV)
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True,
                                    text=True, check=False).stdout
            if marker in screen:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise SystemExit(f"timed out waiting for {marker!r} from {command}")
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)


def title_marker(title: str) -> str:
    """The display text of the title's first words (stable whatever the pane width)."""
    words = " ".join(title.split()[:3])
    return Document([words]).paragraph_lines(0, LayoutOptions(width=200))[0].text


def page_cost(paragraphs: list[str], width: int = 72, rows: int = 28) -> tuple[float, int]:
    """Mean seconds of engine work per page of *rows* lines (cold Document), and pages."""
    document = Document(paragraphs)
    options = LayoutOptions(width=width)
    started = time.perf_counter()
    lines = 0
    for index in range(len(paragraphs)):
        lines += len(document.paragraph_lines(index, options)) + 1
    elapsed = time.perf_counter() - started
    pages = max(1, lines // rows)
    return elapsed / pages, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", type=Path, action="append",
                        help=f"a large text to open (repeatable; default {LARGE.name})")
    parser.add_argument("--no-page-cost", dest="page_cost", action="store_false",
                        help="skip the engine's time per page (minutes for 48 MB)")
    args = parser.parse_args()
    larges = [path for path in (args.large or [LARGE]) if path.exists()]
    command = Path(sys.executable).parent / "rtl-reader"
    if shutil.which("tmux") is None or not command.exists():
        print(f"needs tmux and {command} (pip install -e . into this environment)")
        return 1

    from reader.library import Library

    workdir = Path(tempfile.mkdtemp(prefix="rtl-reader-bench-"))
    atexit.register(shutil.rmtree, workdir, True)
    library_path = workdir / "library.sqlite"
    library = Library.open(library_path)
    seed = library.resolve(str(seed_article_path()))
    started = time.perf_counter()
    large = [library.resolve(str(path)) for path in larges]
    import_seconds = time.perf_counter() - started
    library.close()

    env = f"env LANG=C.UTF-8 RTL_READER_LIBRARY={shlex.quote(str(library_path))}"
    bare_cmd = f"{env} {shlex.quote(sys.executable)} -c {shlex.quote(BARE_APP)}"

    def reader_cmd(article_id: str) -> str:
        return f"{env} {shlex.quote(str(command))} {article_id} --bidi app --lang en"

    cases = [("bare Textual app, one line", bare_cmd, BARE_MARKER),
             ("rtl-reader, the seed", reader_cmd(seed.id), title_marker(seed.title))]
    for path, article in zip(larges, large, strict=True):
        cases.append((f"rtl-reader, {path.name}", reader_cmd(article.id),
                      title_marker(article.title)))
    # Rounds interleave the cases (bare, seed, large, bare, ...) so that a change in the
    # machine's load falls on all of them alike; each ratio is also taken within a round.
    for _name, cmd, marker in cases:
        time_to_screen(cmd, marker)  # warm the file cache
    times: list[list[float]] = [[] for _ in cases]
    for _ in range(args.runs):
        for index, (_name, cmd, marker) in enumerate(cases):
            times[index].append(time_to_screen(cmd, marker))
    medians = [statistics.median(case_times) for case_times in times]
    print(f"launch to first paint in tmux {WIDTH}x{HEIGHT}, median of {args.runs} "
          "interleaved runs:")
    for (name, _cmd, _marker), case_times, median in zip(cases, times, medians, strict=True):
        print(f"  {name:45s} {median * 1000:7.0f} ms  (min {min(case_times) * 1000:.0f}, "
              f"max {max(case_times) * 1000:.0f})")

    def ratio(numerator: int, denominator: int) -> str:
        per_round = [a / b for a, b in zip(times[numerator], times[denominator], strict=True)]
        return (f"{medians[numerator] / medians[denominator]:.2f}x "
                f"(median of per-round ratios {statistics.median(per_round):.2f}x)")

    print(f"  seed / bare app: {ratio(1, 0)}; target <= 1.3x")
    for index, path in enumerate(larges, start=2):
        print(f"  {path.name} / seed: {ratio(index, 1)}; target <= 2x")
    if larges:
        print(f"  (importing the large texts took {import_seconds:.1f} s, not counted)")

    if not args.page_cost:
        return 0
    print("engine time per scrolled page (72 columns, 28 rows, cold Document):")
    named = [("seed", seed), *zip([path.name for path in larges], large, strict=True)]
    for name, article in named:
        per_page, pages = page_cost([article.title, *article.paragraphs])
        print(f"  {name:45s} {per_page * 1000:7.2f} ms/page over {pages} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
