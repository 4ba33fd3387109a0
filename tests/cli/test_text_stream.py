"""Streaming text input for ``cat``: pieces at line ends, cut lines, errors with offsets."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.cat import render_pieces, render_text
from reader.cli.text_stream import text_pieces
from reader.errors import InputError
from reader.text.layout import LayoutOptions
from tests.conftest import REPO_ROOT

CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "text" / "mixed_03_aawsat.txt"


def pieces(data: bytes, **kwargs: int) -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    got = list(text_pieces(io.BytesIO(data), "in.txt", warn=warnings.append, **kwargs))
    return got, warnings


def test_pieces_end_at_line_ends_and_join_to_the_text() -> None:
    text = "".join(f"سطر رقم {n}\n" for n in range(500))
    got, warnings = pieces(text.encode(), chunk_bytes=100, max_line_bytes=64)
    assert "".join(got) == text
    assert all(piece.endswith("\n") for piece in got)
    assert len(got) > 10 and not warnings


def test_last_line_without_newline_and_bom() -> None:
    got, _ = pieces("\ufeffأول\nثان".encode(), chunk_bytes=2)
    assert "".join(got) == "أول\nثان"


def test_long_line_cut_at_spaces_with_one_warning() -> None:
    line = " ".join(["كلمة"] * 100)  # 899 bytes
    got, warnings = pieces(f"قبل\n{line}\nبعد\n".encode(), chunk_bytes=50, max_line_bytes=100)
    assert "".join(got) == f"قبل\n{line}\nبعد\n"
    assert all(len(piece.encode()) <= 150 for piece in got)
    assert warnings == ["in.txt: line 2 is longer than 100 bytes; laid out in parts of at most "
                        "that size"]
    cut = [piece for piece in got if "\n" not in piece]
    assert cut and all(piece.endswith(" ") for piece in cut)


def test_long_line_without_spaces_cut_between_characters() -> None:
    line = "ب" * 1000
    got, warnings = pieces(line.encode(), chunk_bytes=64, max_line_bytes=101)
    assert "".join(got) == line and len(warnings) == 1
    assert all(len(piece.encode()) <= 101 for piece in got)


@pytest.mark.parametrize("chunk", [1, 7, 1 << 20])
def test_errors_name_the_offset_in_the_whole_input(chunk: int) -> None:
    data = "سطر\n".encode() * 20
    with pytest.raises(InputError, match=r"in\.txt: invalid UTF-8 at byte offset 142$"):
        pieces(data + b"ab\xff\n", chunk_bytes=chunk)
    with pytest.raises(InputError, match=r"NUL byte at offset 143\), not text$"):
        pieces(data + b"abc\x00", chunk_bytes=chunk)


@pytest.mark.skipif(not CORPUS.is_file(), reason="the shared corpus is absent")
def test_streamed_layout_equals_the_whole_text_layout() -> None:
    pytest.importorskip("reader.text.bidi")
    text = CORPUS.read_text(encoding="utf-8") + "\n\n\x1b[2J\n  \nآخر\r\nسطر"
    options = LayoutOptions(width=37)
    got, _ = pieces(text.encode(), chunk_bytes=300)
    assert list(render_pieces(got, options)) == list(render_text(text, options))


def test_cat_streams_a_file_with_a_cut_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"a\n" + b"b" * (3 << 20) + b"\nc\n")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "cat", "--raw", "--width", "1000", str(path)],
        capture_output=True, cwd=REPO_ROOT, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().count("\n") == 1
    assert "long.txt: line 2 is longer than" in result.stderr.decode()
    assert result.stdout.count(b"b") == 3 << 20
    # one input line, one paragraph: no blank line added between them
    assert result.stdout.startswith(b"a\nb") and result.stdout.endswith(b"b\nc\n")


def test_cat_reads_json_lines_a_record_at_a_time(tmp_path: Path) -> None:
    """Each record is printed as it is read; a bad one stops cat with its line named,
    after the articles before it (the file is never read whole)."""
    path = tmp_path / "news.jsonl"
    good = [json.dumps({"title": f"عنوان {n}", "content": f"نص رقم {n}"}, ensure_ascii=False)
            for n in (1, 2)]
    path.write_text("\n".join([*good, "{broken"]) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "cat", "--bidi", "terminal", str(path)],
        capture_output=True, cwd=REPO_ROOT, env=env, timeout=120,
    )
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "عنوان 1" in out and "نص رقم 2" in out
    assert "news.jsonl: line 3: invalid JSON" in result.stderr.decode()


def test_the_first_piece_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the encoding decodes the first piece already: that text is handed out, not
    decoded again (a megabyte of a filter's time); a NUL in it is still named."""
    from reader.cli import text_stream

    decoded: list[bytes] = []
    real = text_stream._decoded
    monkeypatch.setattr(text_stream, "_decoded",
                        lambda piece, *args: decoded.append(piece) or real(piece, *args))
    text = "".join(f"سطر رقم {n}\n" for n in range(50))
    got, _ = pieces(text.encode(), chunk_bytes=200)
    assert "".join(got) == text and len(got) > 1
    assert len(decoded) == len(got) - 1 and got[0].encode() not in decoded
    with pytest.raises(InputError, match="NUL byte at offset 6"):
        pieces("سطر\x00\n".encode())
