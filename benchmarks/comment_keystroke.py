"""One keystroke in the running comment editor (Textual Pilot), long paragraph against short.

``benchmarks/comment_editor.py`` times the engine's part of a keystroke; this times
the whole of it in the app: the key event, the incremental re-layout, the rows
drawn again and the screen update, in a comment pane whose comment is one
paragraph of 8,000 characters (a letter typed in its middle, then a Backspace),
against the same pane holding a 10-character comment (the reference: what any
keystroke costs in this harness), measured interleaved in one run.

Pilot's ``press`` waits for the app to go idle (about 100 ms of its own timers
whatever the text), so wall time per keystroke says little; the figure is the
process's CPU time per keystroke, compared with a 60 Hz frame (16 ms) and with
the reference. Usage: python benchmarks/comment_keystroke.py [--presses N]
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402

from reader.comments.store import DraftStore, DraftTarget  # noqa: E402
from reader.library import database  # noqa: E402
from reader.ui.widgets.comments import CommentPane  # noqa: E402

TARGET = DraftTarget("ea300a519c8a66f3", "عنوان", "https://example.com/?p=5")
TEXT = ROOT.parent / "shared" / "corpus" / "text" / "mixed_03_aawsat.txt"
FALLBACK = "عُقد اجتماع في الرياض لبحث أسعار النفط عام 2015 مع وفد OPEC. "
FRAME_MS = 1000 / 60


class PaneApp(App[None]):
    def __init__(self, store: DraftStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield CommentPane(self.store, TARGET, bidi="app", language="en")


def paragraph(size: int) -> str:
    text = TEXT.read_text(encoding="utf-8") if TEXT.is_file() else FALLBACK
    text = " ".join(text.split())
    return (text * (size // len(text) + 1))[:size]


async def keystrokes(text: str, presses: int) -> tuple[list[float], list[float]]:
    """CPU and wall seconds of each keystroke (a letter, then a Backspace, in turn)."""
    folder = Path(tempfile.mkdtemp(prefix="rtl-reader-bench-"))
    atexit.register(shutil.rmtree, folder, True)
    connection = database.connect(folder / "library.sqlite3")
    app = PaneApp(DraftStore(connection))
    cpu: list[float] = []
    wall: list[float] = []
    async with app.run_test(size=(120, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        pane.editor("comment").load(text)
        await pilot.pause()
        for key in ("end", "up", "up", "up"):  # the caret inside the paragraph
            await pilot.press(key)
        for number in range(presses):
            started_cpu, started = time.process_time(), time.perf_counter()
            await pilot.press("ب" if number % 2 == 0 else "backspace")
            await pilot.pause()
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
    connection.close()
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cases = {"8,000 characters": paragraph(8000), "10 characters (reference)": paragraph(10)}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    wall: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):  # interleaved, so load falls on both alike
        for name, text in cases.items():
            got_cpu, got_wall = asyncio.run(keystrokes(text, args.presses))
            cpu[name] += got_cpu
            wall[name] += got_wall
    print(f"one keystroke in the comment editor, median of {args.rounds} x {args.presses} "
          f"interleaved; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    reference = statistics.median(cpu["10 characters (reference)"])
    for name in cases:
        median = statistics.median(cpu[name])
        print(f"  {name:28s} CPU {median * 1000:6.1f} ms ({median * 1000 / FRAME_MS:.2f} "
              f"of a 60 Hz frame; {median / reference:.2f}x the reference), wall "
              f"{statistics.median(wall[name]) * 1000:.0f} ms (Pilot's idle wait included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
