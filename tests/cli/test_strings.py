"""Every word the command line prints comes from the catalogue, in the language asked for.

Read from the code, as the markup rule is (tests/ui/test_plain_text_rule.py): no string
in reader/cli but a docstring reads as words, nothing handed to people (help texts,
printed lines, error messages) is a literal, and every key the command line asks for
is in the catalogue in both languages.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.i18n import LANGUAGES, STRINGS

CLI = Path(__file__).resolve().parents[2] / "reader" / "cli"
#: Two words in a row: prose, which belongs in the catalogue.
PROSE = re.compile(r"[A-Za-z]{2,}[ ,;:'()]+[A-Za-z]{2,}")
LETTERS = re.compile(r"[A-Za-z]{3,}|[\u0600-\u06ff]")
#: Where a string reaches people: argparse's texts, and what is printed or raised.
SHOWN_KEYWORDS = {"help", "description", "epilog"}
SHOWN_CALLS = {"print", "write", "ArgumentTypeError", "ReaderError", "InputError", "UsageError",
               "TextColumn", "add_task", "warn", "prefixed", "say"}
LOOKUPS = {"text", "tell"}


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in CLI.rglob("*.py")]


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literal_words(node: ast.expr) -> list[str]:
    """The literal text in *node* that reads as words (an f-string's fixed parts too,
    and both sides of a ``+``); a call's result (a lookup) is not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if LETTERS.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [part for value in node.values for part in _literal_words(value)]
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    return []


def test_no_prose_is_written_in_the_command_line_code() -> None:
    offenders = []
    for path, tree in _modules():
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and PROSE.search(node.value)):
                offenders.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert offenders == []


def test_nothing_shown_to_people_is_a_literal() -> None:
    offenders = []
    for path, tree in _modules():
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            shown = [kw.value for kw in call.keywords if kw.arg in SHOWN_KEYWORDS]
            if _name(call) in SHOWN_CALLS:
                shown += call.args
            offenders += [f"{path.name}:{call.lineno}: {words!r}"
                          for value in shown for words in _literal_words(value)]
        for node in ast.walk(tree):  # parser.epilog = "..."
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Attribute) and t.attr in SHOWN_KEYWORDS
                    for t in node.targets):
                offenders += [f"{path.name}:{node.lineno}: {w!r}"
                              for w in _literal_words(node.value)]
    assert offenders == []


def test_every_key_the_command_line_asks_for_is_in_both_languages() -> None:
    asked = []
    for _path, tree in _modules():
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            if _name(call) in LOOKUPS and call.args:
                key = call.args[0]
                if isinstance(key, ast.Constant):
                    asked.append((key.value, False))
                elif isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant):
                    asked.append((key.values[0].value, True))  # f"cli.command.{name}"
    assert len(asked) > 50
    for key, is_prefix in asked:
        entries = [k for k in STRINGS if k.startswith(key)] if is_prefix else [key]
        assert entries and all(k in STRINGS for k in entries), key
        for entry in entries:
            assert set(STRINGS[entry]) == set(LANGUAGES), entry


def test_every_command_has_its_help_line() -> None:
    from reader.cli import COMMANDS

    assert {f"cli.command.{name}" for name in COMMANDS} <= set(STRINGS)


def test_the_locale_chooses_the_command_lines_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "lib.sqlite"
    monkeypatch.setenv("LANGUAGE", "ar")
    assert main(["search", "كلمةلاتوجد", "--library", str(library)]) == 1
    err = capsys.readouterr().err
    assert "لا مقال يطابق" in err and "no article matches" not in err
    assert "أُنشئت مكتبة جديدة" in err  # the new library's note too
    monkeypatch.setenv("LANGUAGE", "en")
    assert main(["search", "كلمةلاتوجد", "--library", str(library)]) == 1
    assert capsys.readouterr().err.startswith("no article matches")


def test_lang_chooses_the_language_of_the_app_entrys_help(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    with pytest.raises(SystemExit):
        main(["--lang", "ar", "--help"])
    out = capsys.readouterr().out
    assert "لغة الواجهة" in out and "interface language" not in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "interface language" in capsys.readouterr().out


def test_a_bad_value_is_refused_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ar_EG.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    with pytest.raises(SystemExit):
        main(["cat", "x", "--width", "1"])
    assert "يجب أن يكون بين 2 و 10,000، لا 1" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_arabic_messages_read_right_on_a_terminal_and_stay_logical_elsewhere(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal an Arabic message is shaped and in visual order, as ``cat`` and
    ``list`` print Arabic by default; to a file or a pipe it is the logical text."""
    from reader.cli.say import emit, text
    from reader.text.layout import LayoutOptions, layout_text

    monkeypatch.setenv("LANGUAGE", "ar")
    line = text("cli.drafts.none")  # لا مسودات
    terminal, pipe = _Terminal(), io.StringIO()
    emit(line, terminal)
    emit(line, pipe)
    assert pipe.getvalue() == "لا مسودات\n"
    shown = terminal.getvalue()
    assert shown == layout_text(line, LayoutOptions(width=40, mode="app"))[0].text + "\n"
    assert shown.startswith("ﺕﺍﺩﻮﺴﻣ")  # the last word first, its letters joined
    monkeypatch.setenv("LANGUAGE", "en")
    english = _Terminal()
    emit(text("cli.drafts.none"), english)
    assert english.getvalue() == "no drafts\n"


def test_the_arabic_help_is_laid_out_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    with pytest.raises(SystemExit):
        main(["--lang", "ar", "--help"])
    help_text = terminal.getvalue()
    assert "ﺔﻬﺟﺍﻮﻟﺍ ﺔﻐﻟ" in help_text and "لغة الواجهة" not in help_text
    assert "--lang {en,ar}" in help_text  # the options as typed


def test_lang_lasts_one_run_of_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.say import language

    monkeypatch.setenv("LANGUAGE", "en")
    with pytest.raises(SystemExit):
        main(["--lang", "ar", "--help"])
    assert language() == "en"  # code run after it in the same process speaks the locale's


@pytest.mark.parametrize(("query", "read"), [("'2015-08-11'", "'2015-08-11'"),
                                             ("'iPad (mini 4)'", "'iPad (mini 4)'")])
def test_an_arabic_messages_values_keep_their_own_order(
    monkeypatch: pytest.MonkeyPatch, query: str, read: str
) -> None:
    """Each value is an isolate in an Arabic sentence: a date queried read 11-08-2015,
    its parts in right-to-left order. On a terminal the isolates are resolved and none
    is printed; in a pipe they stay in the logical text. English carries none."""
    from reader.cli.say import emit, text
    from reader.text.sanitize import BIDI_CONTROLS

    monkeypatch.setenv("LANGUAGE", "ar")
    line = text("cli.search.none", query=query + "\u202e")  # its own controls go
    terminal, pipe = _Terminal(), io.StringIO()
    emit(line, terminal)
    emit(line, pipe)
    assert read in terminal.getvalue()
    assert not set(terminal.getvalue()) & BIDI_CONTROLS
    assert pipe.getvalue() == f"لا مقال يطابق \u2068{query}\u2069\n"
    monkeypatch.setenv("LANGUAGE", "en")
    assert text("cli.search.none", query=query) == f"no article matches {query}"
