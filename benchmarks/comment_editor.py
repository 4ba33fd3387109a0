"""Cost of one keystroke in the comment editor: incremental layout against a full one.

People paste long paragraphs into a comment. A keystroke lays the comment out
again; the editor now does it incrementally (reader.text.relayout: only the
words the edit touched are shaped, wrapping restarts at the line before the
edit and stops where the breaks fall back in step, the levels are resolved
again, and only the rows on screen are built). The reference, measured in the
same run, is the full re-layout the editor did before: every line of the text
laid out and every row's cells built.

Printed: median milliseconds per keystroke (a letter typed in the middle, a
Backspace, and a 60-character paste) for one paragraph of 5,000 and 20,000
characters without line breaks (and, for comparison, the same text in
paragraphs), the full re-layout's, and the ratio full / incremental. Then
the cost of one autosave of a draft that size (one SQLite transaction in a
WAL library; it runs from a timer at most once a second while typing, never
per keystroke), against the keystroke.

    python benchmarks/comment_editor.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.comments.form import CommentDraft
from reader.comments.session import DraftSession
from reader.comments.store import DraftStore, DraftTarget
from reader.library import Library
from reader.text.editing.buffer import EditBuffer
from reader.text.editing.caret import VisualLayout

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
WIDTH = 70
VISIBLE_ROWS = 14  # the comment field's maximum height


def sample_text(chars: int) -> str:
    """Real Arabic news text (the shared corpus when present, else the bundled seed)."""
    source = SHARED / "corpus" / "text" / "mixed_02_alweeam.txt"
    if not source.exists():
        source = Path(__file__).resolve().parent.parent / "assets" / "articles" / (
            "000_ea300a519c8a66f3.txt")
    text = source.read_text(encoding="utf-8")
    while len(text) < chars:
        text += "\n" + text
    return text[:chars]


def median_ms(fn: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def draw(layout: VisualLayout, caret: int, rows: range) -> None:
    """What the widget does after an edit: find the caret, build the rows it paints."""
    layout.caret_cell(caret)
    for row in rows:
        layout.spans(row, caret)


def keystroke_ms(text: str, edit: Callable[[EditBuffer], object], incremental: bool,
                 repeat: int) -> float:
    buf = EditBuffer(text)
    buf.move_to(len(text) // 2)
    state = {"layout": VisualLayout(buf.text, WIDTH)}

    def keystroke() -> None:
        edit(buf)
        if incremental:  # as the editor does now
            layout = VisualLayout(buf.text, WIDTH, previous=state["layout"])
            row = layout.row_of(buf.caret)
            top = max(0, row - VISIBLE_ROWS // 2)
            draw(layout, buf.caret, range(top, min(len(layout.rows), top + VISIBLE_ROWS)))
        else:  # as it did before: every line laid out, every row's cells built
            layout = VisualLayout(buf.text, WIDTH)
            for row in layout.rows:
                row.cells  # noqa: B018
            draw(layout, buf.caret, range(0))
        state["layout"] = layout

    return median_ms(keystroke, repeat)


EDITS: dict[str, Callable[[EditBuffer], object]] = {
    "type": lambda buf: buf.insert("ب"),
    "backspace": lambda buf: buf.backspace(),
    "paste": lambda buf: buf.insert("ومن المتوقع أن يعلن عن الجهاز الجديد في مؤتمر صحفي اليوم "),
}


def autosave_ms(text: str, repeat: int) -> float:
    """One save of a draft of *text*, as the pane's timer does it."""
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.sqlite3", import_bundled=False)
        try:
            session = DraftSession(DraftStore.for_library(library), DraftTarget("a1", "title"))
            edits = iter(range(10_000))

            def save() -> None:
                session.change(CommentDraft(comment=f"{text}{next(edits)}"))
                session.save()

            return median_ms(save, repeat)
        finally:
            library.close()


def main() -> None:
    print(f"{'text':>26} {'edit':>10} {'incremental ms':>15} {'full ms':>9} {'ratio':>7}")
    typed: dict[int, float] = {}
    for size in (5_000, 20_000):
        for shape in ("one paragraph", "paragraphs"):
            text = sample_text(size)
            if shape == "one paragraph":
                text = text.replace("\n", " ")
            label = f"{size:,} chars, {shape}"
            for name, edit in EDITS.items():
                incremental = keystroke_ms(text, edit, True, 41)
                full = keystroke_ms(text, edit, False, 9)
                if shape == "one paragraph" and name == "type":
                    typed[size] = incremental
                print(f"{label:>26} {name:>10} {incremental:>15.2f} {full:>9.1f} "
                      f"{full / incremental:>6.0f}x")
    print(f"\n{'draft':>26} {'autosave ms':>15} {'/ keystroke':>12}")
    for size, keystroke in typed.items():
        save = autosave_ms(sample_text(size).replace("\n", " "), 15)
        print(f"{f'{size:,} chars':>26} {save:>15.2f} {save / keystroke:>11.1f}x")


if __name__ == "__main__":
    main()
