"""The library commands: import, list, search, related, and how they find the library."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import LIBRARY_ENV, Library
from reader.resources import seed_article_path
from reader.text.layout import LayoutOptions, layout_text
from reader.text.wrap import text_cells

REPO = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _no_controls(text: str) -> bool:
    return not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in text)


def test_import_twice_then_list(tmp_path: Path, corpus_jsonl: Path, capsys) -> None:
    library = str(tmp_path / "lib.sqlite3")
    with Library.open(library) as opened:
        bundled = opened.count()  # the bundled articles, some of them from the corpus
    status, out, err = _run(capsys, "import", str(corpus_jsonl), "--library", library)
    assert status == 0, err
    counts = re.fullmatch(r"(\d+) imported, (\d+) already in the library, 0 problems", out.strip())
    assert counts
    imported, already = int(counts[1]), int(counts[2])
    assert imported + already == 300 and already < bundled
    status, out, _ = _run(capsys, "import", str(corpus_jsonl), "--library", library)
    assert status == 0
    assert out.strip() == "0 imported, 300 already in the library, 0 problems"
    status, out, _ = _run(capsys, "list", "--library", library, "--width", "100")
    assert status == 0
    rows = [line for line in out.splitlines() if not line.startswith(" ")]  # not wrapped parts
    with Library.open(library) as opened:
        assert len(rows) == opened.count() == bundled + imported
        summaries = opened.list_articles()
    assert [r.split()[0] for r in rows] == [s.id for s in summaries]
    assert _no_controls(out)
    assert max(text_cells(line) for line in out.splitlines()) <= 100


def test_list_lays_titles_out_for_the_terminal(tmp_path: Path, capsys) -> None:
    """App mode prints each title as the engine lays it out (shaped, visual order,
    against the right edge of its column); terminal mode prints it logically."""
    library = str(tmp_path / "lib.sqlite3")
    with Library.open(library) as opened:
        first = opened.list_articles()[0]
    prefix_cells = 16 + 2 + 10 + 2 + 14 + 2
    width = 200
    _, app, _ = _run(capsys, "list", "--library", library, "--width", str(width))
    expected = layout_text(first.title, LayoutOptions(width=width - prefix_cells, mode="app"))
    assert app.splitlines()[0][prefix_cells:] == expected[0].padded(width - prefix_cells)
    _, logical, _ = _run(
        capsys, "list", "--library", library, "--width", str(width), "--bidi", "terminal"
    )
    assert logical.splitlines()[0][prefix_cells:].strip() == first.title


def test_import_reports_bad_files_and_exits_1(tmp_path: Path, capsys) -> None:
    good = tmp_path / "seed.txt"
    shutil.copy(seed_article_path(), good)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "عنوان", "content": "نص المقال."}\n{not json\n', encoding="utf-8")
    library = str(tmp_path / "lib.sqlite3")
    status, out, err = _run(capsys, "import", str(good), str(bad), "--library", library)
    assert status == 1
    # the seed came with the new library; the good JSONL line is new
    assert out.strip() == "1 imported, 1 already in the library, 1 problem"
    assert f"rtl-reader: {bad}: line 2" in err


def test_search_prints_hits_and_exits_1_without(tmp_path: Path, capsys) -> None:
    library = str(tmp_path / "lib.sqlite3")
    status, out, _ = _run(
        capsys, "search", "اسرائيل", "--library", library, "--bidi", "terminal", "--width", "300"
    )
    assert status == 0
    seed = Library.open(library).resolve(str(seed_article_path()))
    assert out.splitlines()[0].startswith(seed.id)
    assert "إسرائيل" in out  # the snippet shows the original spelling
    status, out, err = _run(capsys, "search", "كلمةغيرموجودة", "--library", library)
    assert status == 1 and out == "" and "no article matches" in err


def test_related_accepts_a_path_or_an_id(tmp_path: Path, corpus_jsonl: Path, capsys) -> None:
    library = str(tmp_path / "lib.sqlite3")
    _run(capsys, "import", str(corpus_jsonl), "--library", library)
    copy = tmp_path / "article.txt"
    shutil.copy(seed_article_path(), copy)
    status, out, err = _run(
        capsys, "related", str(copy), "--top", "3", "--library", library, "--width", "300"
    )
    assert status == 0, err
    lines = out.splitlines()
    seed_id = lines[0].split()[2]
    assert lines[0].startswith("related to ")
    # three related articles, each with its bar, share and id, then the terms it shares
    assert len(lines) == 7
    for entry, reason in zip(lines[1::2], lines[2::2], strict=True):
        assert re.match(r"[●○]{5} +\d+%  [0-9a-f]{16}  ", entry), entry
        assert reason.split()[:2] == ["shared", "terms:"], reason
    status, again, _ = _run(
        capsys, "related", seed_id, "--top", "3", "--library", library, "--width", "300"
    )
    assert again == out
    status, _, err = _run(capsys, "related", "no-such-thing", "--library", library)
    assert status == 1 and "no-such-thing" in err


def test_environment_variable_and_option(tmp_path: Path, monkeypatch, capsys) -> None:
    from_env = tmp_path / "env.sqlite3"
    from_option = tmp_path / "option.sqlite3"
    monkeypatch.setenv(LIBRARY_ENV, str(from_env))
    _run(capsys, "list")
    assert from_env.exists()
    _run(capsys, "list", "--library", str(from_option))
    assert from_option.exists()


def test_python_dash_m_reports_a_corrupt_library(tmp_path: Path) -> None:
    garbage = tmp_path / "library.sqlite3"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, LIBRARY_ENV: str(garbage)},
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"rtl-reader: library {garbage}: not an SQLite database (the file was not replaced)\n"
    )
    assert garbage.read_bytes().startswith(b"\x89PNG")


def test_import_reads_a_windows_1256_file_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("خبر قديم\n\nنص الخبر بترميز قديم.\n".encode("cp1256"))
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(path),
         "--library", str(tmp_path / "lib.sqlite3")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result
    assert "1 imported" in result.stdout
    notes = [line for line in result.stderr.splitlines() if "old.txt" in line]
    assert len(notes) == 1 and "Windows-1256" in notes[0]
    library = Library.open(tmp_path / "lib.sqlite3")
    assert any("قديم" in item.title for item in library.list_articles())
