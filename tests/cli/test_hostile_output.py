"""Random hostile articles through ``cat``, and random argv through the command line:
nothing from the input reaches the terminal as a control, nothing raises a traceback.

Default: 200 articles through ``cat`` (two strategies) and 80 argv lists; ``-m hostile``
runs 2,000 and 1,000. The same articles through the app: tests/ui/test_hostile_articles.py.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.library import Library
from tests.hostile_input import FRAGMENTS, leaks, write_corpus

SEED = 20261204


def _cat_all(paths: list[Path], capsysbinary: Any) -> int:
    checked = 0
    for path in paths:
        for bidi in ("app", "terminal"):
            status = main(["cat", str(path), "--width", "60", "--bidi", bidi])
            out, err = capsysbinary.readouterr()
            assert status in (0, 1), (path, status)
            text, message = out.decode("utf-8"), err.decode("utf-8")
            assert "Traceback" not in message
            assert leaks(text, bidi=bidi == "app") == [], (path, bidi)
            assert leaks(message.replace("\n", "")) == [], (path, message)
            checked += 1
    return checked


def test_hostile_articles_through_cat(tmp_path: Path, capsysbinary) -> None:
    assert _cat_all(write_corpus(tmp_path / "in", 200, SEED), capsysbinary) == 400


@pytest.mark.hostile
def test_long_sweep_through_cat(tmp_path: Path, capsysbinary) -> None:
    _cat_all(write_corpus(tmp_path / "in", 2000, SEED + 1), capsysbinary)


WORDS = ["cat", "list", "search", "related", "drafts", "import", "export", "delete", "-",
         "--width", "--limit", "--top", "--bidi", "app", "terminal", "--harakat", "strip",
         "--raw", "--no-shape", "--format", "wp-rest", "-o", "--help", "0", "-1", "2", "80",
         "99999999999999999999", "1e9", "", " ", "٣٠", "a.txt", "x.json", "--library",
         "lib.sqlite3", "nofolder/lib.sqlite3", ".", "--", "-x", "\x00"]
argv_lists = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(FRAGMENTS),
                                st.text(max_size=8)), max_size=7)
COMMANDS = ["cat", "list", "search", "related", "drafts", "import"]


def _run_argv(argv: list[str], capsys: Any) -> None:
    try:
        status = main(argv)
    except SystemExit as exited:  # argparse: --help (0) or a usage error (2)
        assert exited.code in (0, 2), (argv, exited.code)
    else:
        assert status in (0, 1, 2), (argv, status)
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    assert leaks(err.replace("\n", ""), bidi=False) == [], (argv, err)


def _argv_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RTL_READER_LIBRARY", str(tmp_path / "lib.sqlite3"))
    (tmp_path / "a.txt").write_text("عنوان\n\nنص \x1b[2J [/] المقال", encoding="utf-8")
    (tmp_path / "x.json").write_text('{"title": "t\\u009b", "content": "c"}', encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("نص \x1b]0;x\x07".encode())))


@pytest.mark.parametrize("examples", [pytest.param(80, id="default"),
                                      pytest.param(1000, id="long", marks=pytest.mark.hostile)])
def test_random_argv_never_a_traceback(tmp_path: Path, monkeypatch, capsys,
                                       examples: int) -> None:
    _argv_env(tmp_path, monkeypatch)
    Library.open(tmp_path / "lib.sqlite3").close()

    @settings(max_examples=examples, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.sampled_from(COMMANDS), argv_lists)
    def check(command: str, rest: list[str]) -> None:
        sys.stdin.seek(0) if sys.stdin.seekable() else None
        _run_argv([command, *rest], capsys)

    check()


@pytest.mark.parametrize(("argv", "code", "said"), [
    (["cat", "/\0x"], 1, "no such file"),
    (["import", "/\0x"], 1, "no such file or folder"),
    (["list", "--library", "/\0x"], 2, "--library /x: cannot be used"),
    (["--library", "/tmp/\0", "list"], 2, "--library /tmp/: cannot be used"),
])
def test_a_nul_byte_in_a_name_is_no_file(tmp_path: Path, monkeypatch, capsys,
                                         argv: list[str], code: int, said: str) -> None:
    """No file can have a NUL byte in its name, and ``open`` and SQLite raise ValueError
    on one: the command says which name, as for any name that is no file."""
    _argv_env(tmp_path, monkeypatch)
    try:
        status = main(argv)
    except SystemExit as exited:
        status = exited.code
    err = capsys.readouterr().err
    assert status == code and said in err and "Traceback" not in err, err
