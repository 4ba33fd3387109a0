"""Cost of one keystroke in the comment editor, against the engine laying out the same text.

A keystroke re-lays out only the paragraph being typed (the others come from
the cache) and rebuilds the caret map. Printed: median milliseconds per
keystroke for comments of several sizes, and the ratio to one uncached
engine layout of the whole comment (the reference, measured in the same run).

    python benchmarks/comment_editor.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.comments.buffer import EditBuffer
from reader.comments.caret import VisualLayout
from reader.text.layout import LayoutOptions, layout_text

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
WIDTH = 70


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


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    print(f"{'chars':>7} {'paragraphs':>10} {'keystroke ms':>13} {'full layout ms':>15} "
          f"{'ratio':>6}")
    for size in (500, 5_000, 30_000):
        text = sample_text(size)
        buf = EditBuffer(text)
        buf.move_to(len(text) // 2)
        state = {"layout": VisualLayout(buf.text, WIDTH)}  # as the editor holds it

        def keystroke(buf: EditBuffer = buf, state: dict = state) -> None:
            buf.insert("ب")
            state["layout"] = VisualLayout(buf.text, WIDTH, previous=state["layout"])

        def reference(text: str = text) -> None:
            layout_text(text, LayoutOptions(width=WIDTH - 1))

        key_ms = median_ms(keystroke, 15)
        ref_ms = median_ms(reference, 5)
        print(f"{size:>7} {text.count(chr(10)) + 1:>10} {key_ms:>13.1f} {ref_ms:>15.1f} "
              f"{key_ms / ref_ms:>6.2f}")


if __name__ == "__main__":
    main()
