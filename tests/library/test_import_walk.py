"""Import that cannot be trapped: links, loops, nesting, odd files, one bad file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.importer import MAX_FOLDER_DEPTH, article_files
from reader.library.models import ImportReport
from reader.resources import seed_article_path

REPO = Path(__file__).resolve().parents[2]
ARABIC = "نص المقال بالعربية عن الاقتصاد والسياسة في المنطقة.\n"


@pytest.fixture
def trap(tmp_path: Path) -> Path:
    """A folder holding a good article and every trap the walk must not fall into."""
    folder = tmp_path / "articles"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / "good.txt").write_text("عنوان جيد\n\n" + ARABIC, encoding="utf-8")
    (folder / "sub" / "notes.md").write_text("# ملاحظات\n\n" + ARABIC * 2, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")  # a loop back to the top
    (folder / "sub" / "deeper" / "top").symlink_to(folder)  # an absolute loop
    (folder / "loop").symlink_to("loop")  # a link to itself
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "deep-object.txt").write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "README").write_text("no extension")
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    (folder / "z-after-the-bad-ones.txt").write_text("عنوان أخير\n\n" + ARABIC * 3,
                                                     encoding="utf-8")
    return folder


def test_the_walk_follows_links_but_walks_each_folder_once(trap: Path) -> None:
    report = ImportReport()
    files = [p.relative_to(trap).as_posix() for p in article_files(trap, report)]
    assert files == ["deep-object.txt", "deep.json", "good.txt", "sub/notes.md",
                     "z-after-the-bad-ones.txt"]
    warnings = {Path(w.source).name: w.reason for w in report.warnings}
    assert set(warnings) == {"up", "top", "loop", "dangling.txt"}
    assert "loop" in warnings["up"] and "loop" in warnings["top"]
    assert "does not exist" in warnings["dangling.txt"]
    assert "itself" in warnings["loop"]
    skipped = {Path(s.source).name: s.reason for s in report.skipped}
    assert set(skipped) == {"photo.png", "README", "pipe.txt"}
    assert "(.png)" in skipped["photo.png"] and "not a regular file" in skipped["pipe.txt"]


def test_import_of_the_trap_folder(tmp_path: Path, trap: Path) -> None:
    """Exit 1 (two files could not be read), no traceback, the good articles in, well
    within a minute and 1 GB."""
    library = tmp_path / "lib.sqlite3"
    Library.open(library, import_bundled=False).close()
    result = subprocess.run(
        [sys.executable, "-c",
         "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
         "from reader.cli import main; sys.exit(main(sys.argv[1:]))",
         "import", str(trap), "--library", str(library)],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert re.fullmatch(r"\d+ imported, \d+ already in the library, 2 problems, 3 skipped\n",
                        result.stdout)
    lines = result.stderr.splitlines()
    assert sum("warning:" in line for line in lines) == 4
    assert sum("JSON nested too deeply" in line for line in lines) == 2
    assert sum(line.startswith("rtl-reader: skipped ") for line in lines) == 3
    with Library.open(library) as opened:
        titles = {a.title for a in opened.list_articles()}
    assert {"عنوان جيد", "# ملاحظات", "عنوان أخير"} <= titles  # Markdown as plain text


def test_markdown_is_read_as_plain_text(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# عنوان المذكرة\n\n" + ARABIC, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        report = library.import_paths([tmp_path])
        assert len(report.imported) == 1, report
        assert "الاقتصاد" in library.get(report.imported[0]).paragraphs[-1]


def test_folders_nested_too_deep_are_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "top"
    deep = folder
    for _ in range(MAX_FOLDER_DEPTH + 3):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "lost.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "found.txt").write_text(ARABIC * 2, encoding="utf-8")
    report = ImportReport()
    assert [p.name for p in article_files(folder, report)] == ["found.txt"]
    assert len(report.warnings) == 1 and "deep" in report.warnings[0].reason


def test_one_failing_parser_never_stops_the_rest(tmp_path: Path, monkeypatch) -> None:
    from reader.library import importer

    real = importer.read_path

    def flaky(path: Path):  # a parser bug on one file
        if path.name == "a.txt":
            raise ValueError("unforeseen")
        return real(path)

    monkeypatch.setattr(importer, "read_path", flaky)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("عنوان\n\n" + ARABIC, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        report = library.import_paths([tmp_path / "in"])
    assert len(report.imported) == 1
    assert [(Path(p.source).name, p.reason) for p in report.problems] == [
        ("a.txt", "could not be read (ValueError: unforeseen)")]


def test_walking_a_wide_tree_holds_no_list_of_it(tmp_path: Path, monkeypatch) -> None:
    """The walk yields as it goes (memory bounded by the folders on the way down, not the
    tree): the first file comes before any other folder has been read."""
    for n in range(50):
        sub = tmp_path / f"d{n:02}"
        sub.mkdir()
        (sub / "a.txt").write_text(ARABIC, encoding="utf-8")
    from reader.library import importer

    scanned: list[str] = []
    real = os.scandir
    monkeypatch.setattr(importer.os, "scandir", lambda p: scanned.append(str(p)) or real(p))
    walk = article_files(tmp_path)
    assert next(walk).parent.name == "d00"
    assert scanned == [str(tmp_path), str(tmp_path / "d00")]
    assert len(list(walk)) == 49


def test_the_bundled_folder_imports_its_articles_not_its_notes(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        origins = [library.get(a.id).origin or "" for a in library.list_articles()]
    assert not any(o.endswith("SOURCES.md") for o in origins)
    assert any(o.endswith(seed_article_path().name) for o in origins)
