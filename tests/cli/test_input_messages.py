"""What the parsers, the import and the library say about a bad file, in both languages.

Their words come from the catalogue (:class:`reader.i18n.Sentence`): in the Arabic
interface each message is Arabic, its values (a file name, a line, an offset, an
encoding) isolates, in a pipe as logical text and on a terminal laid out by the
engine. The English lines are pinned as they were: scripts match them.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.i18n import Sentence, message
from reader.text.sanitize import BIDI_CONTROLS
from tests.cli.test_say import PRESENTATION_FORMS, _message_lines, _Terminal

FSI, PDI = "\u2068", "\u2069"
#: Files holding one problem each: name -> bytes.
FILES = {
    "binary.txt": b"ab\x00cd",
    "broken.txt": "é€".encode() + b"\xff",
    "empty.txt": b"",
    "controls.txt": b"\x01\x02\x03\n",
    "bad.json": b"{bad",
    "number.json": b"42",
    "list.json": b"[]",
    "items.json": b'[{"title": ["x"]}, 5]',
    "lines.jsonl": b'{"title": "t", "content": "c"}\n{bad\n[1]\n',
    "page.html": b"<html><body></body></html>",
}
_COLUMN = "Expecting property name enclosed in double quotes"

#: (what, file, English line, the Arabic message's key and values)
CASES = [
    ("binary data", "binary.txt",
     "binary.txt: binary data (NUL byte at offset 2), not text",
     Sentence("cli.input.binary", offset=2)),
    ("neither UTF-8 nor a legacy encoding", "broken.txt",
     "broken.txt: invalid UTF-8 at byte offset 5 (and not Windows-1256 or ISO-8859-6 Arabic "
     "text either)",
     Sentence("input.invalid_encoding", offset=5)),
    ("an empty file", "empty.txt", "empty.txt: empty file (no article)",
     Sentence("input.empty")),
    ("only controls", "controls.txt", "controls.txt: no article text (only control characters)",
     Sentence("input.only_controls")),
    ("invalid JSON", "bad.json", f"bad.json: invalid JSON at line 1 column 2: {_COLUMN}",
     Sentence("input.json_invalid", line=1, column=2, detail=_COLUMN)),
    ("JSON but no object", "number.json",
     "number.json: expected a JSON object or list of objects, found a number",
     Sentence("input.json_not_articles", kind=Sentence("input.kind.number"))),
    ("an empty JSON list", "list.json", "list.json: empty JSON list (no article)",
     Sentence("input.json_empty_list")),
    ("a bad field of an item", "items.json",
     'items.json: item 1: field "title" should be a string, found a list',
     Sentence("input.item", item=1, problem=Sentence(
         "input.field_not_string", field="title", kind=Sentence("input.kind.list")))),
    ("an item that is no object", "items.json",
     "items.json: item 2: expected a JSON object, found a number",
     Sentence("input.item", item=2, problem=Sentence(
         "input.json_not_object", kind=Sentence("input.kind.number")))),
    ("a JSON Lines line of bad JSON", "lines.jsonl",
     f"lines.jsonl: line 2: invalid JSON at column 2: {_COLUMN}",
     Sentence("input.line", line=2, problem=Sentence(
         "input.json_invalid_column", column=2, detail=_COLUMN))),
    ("an HTML page without text", "page.html",
     "page.html: no article text found in the HTML page", Sentence("input.html_no_text")),
    ("no such file", "nothing.txt", "nothing.txt: no such file or folder",
     Sentence("import.missing")),
]


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return tmp_path


def _import(file: str, lang: str, stream: io.StringIO, folder: Path,
            monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("LANGUAGE", lang)
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    main(["import", "--library", str(folder / f"{lang}.sqlite"), file])
    return [line for line in _message_lines(stream.getvalue())
            if not line.startswith("rtl-reader: created")]


def _arabic(said: Sentence) -> str:
    """*said* in Arabic as plain logical text (values without their isolates)."""
    values = {name: _arabic(value) if isinstance(value, Sentence) else value
              for name, value in said.values.items()}
    return message("ar", said.key, **values)


@pytest.mark.parametrize(("what", "file", "english", "said"), CASES,
                         ids=[case[0] for case in CASES])
def test_the_english_message_is_the_one_scripts_know(
    inputs: Path, monkeypatch: pytest.MonkeyPatch, what: str, file: str, english: str,
    said: Sentence
) -> None:
    for stream in (io.StringIO(), _Terminal()):
        lines = _import(file, "en", stream, inputs, monkeypatch)
        assert f"rtl-reader: {english}" in lines
        assert english.split(": ", 1)[1] == said  # the sentence's own English


@pytest.mark.parametrize(("what", "file", "english", "said"), CASES,
                         ids=[case[0] for case in CASES])
def test_in_a_pipe_the_arabic_message_is_logical_text_with_its_values_isolated(
    inputs: Path, monkeypatch: pytest.MonkeyPatch, what: str, file: str, english: str,
    said: Sentence
) -> None:
    lines = _import(file, "ar", io.StringIO(), inputs, monkeypatch)
    expected = f"rtl-reader: {file}: {_arabic(said)}"
    shown = [line for line in lines if line.replace(FSI, "").replace(PDI, "") == expected]
    assert shown, lines
    line = shown[0]
    assert f"{FSI}{FSI}{file}{PDI}: " in line  # the message, then its file, isolates
    for value in _numbers(said):
        assert f"{FSI}{value}{PDI}" in line  # every number of the sentence an isolate too


def _numbers(said: Sentence) -> list[int]:
    return [number for value in said.values.values()
            for number in (_numbers(value) if isinstance(value, Sentence)
                           else [value] if isinstance(value, int) else [])]


@pytest.mark.parametrize(("what", "file", "english", "said"), CASES,
                         ids=[case[0] for case in CASES])
def test_on_a_terminal_the_arabic_message_is_laid_out(
    inputs: Path, monkeypatch: pytest.MonkeyPatch, what: str, file: str, english: str,
    said: Sentence
) -> None:
    stream = _Terminal()
    lines = _import(file, "ar", stream, inputs, monkeypatch)
    assert not set(stream.getvalue()) & BIDI_CONTROLS
    naming = [line for line in lines if file in line]
    assert naming and all(PRESENTATION_FORMS.search(line) for line in naming)
    assert english.split(": ", 1)[1] not in "\n".join(lines)


def test_a_folder_walk_says_what_it_skipped_in_arabic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "picture.png").write_bytes(b"\x89PNG")
    (folder / "README").write_bytes(b"x")
    os.symlink(folder / "gone.txt", folder / "dead.txt")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    by_lang = {}
    for lang in ("en", "ar"):
        by_lang[lang] = "\n".join(_import(str(folder), lang, io.StringIO(), tmp_path,
                                          monkeypatch)).replace(FSI, "").replace(PDI, "")
    english, arabic = by_lang["en"], by_lang["ar"]
    assert "not a kind of file the reader reads (.png)" in english
    assert "not a kind of file the reader reads (no extension)" in english
    assert f"a link to {folder / 'gone.txt'}, which does not exist; skipped" in english
    assert "a link that leads back to itself; skipped" in english
    assert message("ar", "import.not_article_kind", kind=".png") in arabic
    assert message("ar", "import.not_article_kind", kind="بلا امتداد") in arabic
    assert message("ar", "import.broken_link", target=str(folder / "gone.txt")) in arabic
    assert message("ar", "import.self_link") in arabic
    assert "skipped" not in arabic and "link" not in arabic


def test_more_problems_than_one_are_counted_in_either_language(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cat`` of a file with two bad items says the first and counts the other."""
    for lang, expected in (("en", 'item 1: field "title" should be a string, found a list '
                                  "(and 1 more problem)"),
                           ("ar", 'العنصر 1: الحقل "title" يجب أن يكون نصاً، والموجود قائمة '
                                  "(ومشكلة أخرى)")):
        monkeypatch.setenv("LANGUAGE", lang)
        stream = io.StringIO()
        monkeypatch.setattr(sys, "stderr", stream)
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert main(["cat", "items.json"]) == 1
        said = stream.getvalue().replace(FSI, "").replace(PDI, "")
        assert said == f"rtl-reader: items.json: {expected}\n"


def test_a_library_that_is_no_database_is_named_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "مكتبة.sqlite"
    library.write_bytes(b"not a database at all" * 100)
    said = {}
    for lang in ("en", "ar"):
        monkeypatch.setenv("LANGUAGE", lang)
        stream = io.StringIO()
        monkeypatch.setattr(sys, "stderr", stream)
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert main(["search", "--library", str(library), "x"]) == 1
        said[lang] = stream.getvalue().replace(FSI, "").replace(PDI, "")
    assert said["en"] == (f"rtl-reader: library {library}: not an SQLite database "
                          "(the file was not replaced)\n")
    assert said["ar"] == (f"rtl-reader: المكتبة {library}: ليست قاعدة بيانات SQLite "
                          "(لم يُستبدل الملف)\n")
