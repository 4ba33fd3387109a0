"""Hostile inputs: fragments an attacker would put in an article, and articles (in every
stored-file form) built from them, reproducibly from a seed.

Shared by the hostile tests of each area (tests/articles, tests/cli, tests/ui); their
long sweeps carry the ``hostile`` marker and run with ``-m hostile``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import strategies as st

ESC = "\x1b"
#: What the terminal must never get from the input: ESC, C0 (but newline and tab), DEL, C1.
CONTROL_CODES = frozenset(chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F,
                                           *range(0x80, 0xA0)))
#: Bidi controls: the reader's own marks, where a strategy needs them, are the only ones sent;
#: in the app's own layout (``--bidi app``) there are none.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                          "\u2069")

FRAGMENTS = [
    f"{ESC}]52;c;cHduZWQ=\x07",  # clipboard write
    f"{ESC}[2J{ESC}[H",  # clear the screen
    f"{ESC}]0;title\x07", f"{ESC}]8;;https://evil.example{ESC}\\link{ESC}]8;;{ESC}\\",
    f"{ESC}P+q544e{ESC}\\", f"{ESC}c", f"{ESC}[?1049h", "\x9b31m", "\x9d0;t\x9c", "\x85",
    "\x00", "\x07", "\x08", "\r", "\x0b", "\x0c", "\x7f", "\ufeff", "\u2028",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
    "[/]", "[@click=app.quit]", "[link=https://evil.example]", "[b]", "[on red]", "[", "\\[",
    "<script>alert(1)</script>", "&#27;[31m", "&#x9b;", "%1b", "\t",
    "الاتفاق النووي", "إسرائيل وإيران", "لَا إِلَٰهَ", "١٢٣", "ﻻ", "x" * 300,
]

fragment = st.sampled_from(FRAGMENTS)
hostile_text = st.lists(st.one_of(fragment, st.text(max_size=12)), max_size=12).map("".join)


def random_text(rng: random.Random, pieces: int = 8) -> str:
    return "".join(rng.choice(FRAGMENTS) if rng.random() < 0.6 else rng.choice(
        ["كلمة ", "word ", " ", "\n", "، ", ". "]) for _ in range(pieces))


def random_article(rng: random.Random, number: int) -> tuple[str, bytes]:
    """A hostile article in a random stored form: (file name, bytes)."""
    title = f"عنوان {number} " + random_text(rng, 4)
    fields = {"title": title, "author": random_text(rng, 3), "source": random_text(rng, 2),
              "date": random_text(rng, 2), "url": "https://x.example/" + random_text(rng, 2),
              "content": "\n".join(f"فقرة {number}.{k} " + random_text(rng)
                                   for k in range(rng.randint(1, 5))),
              "related": [{"title": random_text(rng, 3), "url": random_text(rng, 2)}]}
    form = rng.choice(["json", "jsonl", "html", "txt"])
    if form == "json":
        return f"a{number}.json", json.dumps(fields, ensure_ascii=rng.random() < 0.5).encode()
    if form == "jsonl":
        return f"a{number}.jsonl", (json.dumps(fields) + "\n").encode()
    if form == "html":
        body = "".join(f"<p>{p}</p>" for p in fields["content"].split("\n"))
        page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"{body}</article></body></html>")
        return f"a{number}.html", page.encode("utf-8", "surrogatepass")
    return f"a{number}.txt", (title + "\n\n" + fields["content"]).encode("utf-8", "surrogatepass")


def write_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    """*count* hostile articles written into *folder*, the same ones for the same seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name, data = random_article(rng, number)
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def leaks(text: str, *, bidi: bool = True) -> list[str]:
    """The characters in *text* a terminal would act on (and bidi controls, when *bidi*)."""
    bad = CONTROL_CODES | (BIDI_CONTROLS if bidi else frozenset())
    return sorted({repr(c) for c in text if c in bad})
