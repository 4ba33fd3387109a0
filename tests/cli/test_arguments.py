"""Bad arguments and identifiers: a usage error (exit 2, one line), never a traceback,
a runaway allocation, or an action on an article the user did not name."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.comments.form import CommentDraft
from reader.comments.store import DraftStore, DraftTarget
from reader.library import Library

REPO = Path(__file__).resolve().parents[2]


def run_cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv], capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=120, cwd=REPO,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    return path


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("argv", [
    ("cat", "x.txt", "--width", "10000000000"),
    ("cat", "x.txt", "--width", "1"),
    ("cat", "x.txt", "--width", "-3"),
    ("cat", "x.txt", "--width", "1_000"),
    ("cat", "x.txt", "--width", "9" * 5000),
    ("list", "--width", "100000"),
    ("search", "x", "--limit", "99999999999999999999"),
    ("search", "x", "--limit", "0"),
    ("search", "x", "--limit", "abc"),
    ("related", "x", "--top", "-5"),
    ("related", "x", "--top", "0"),
    ("--measure", "5"),
    ("--measure", "100000"),
    ("drafts", "delete", ""),
    ("drafts", "delete", "   "),
    ("related", ""),
    ("cat", ""),
])
def test_out_of_range_values_are_usage_errors(capsys, argv: tuple[str, ...]) -> None:
    err = _usage_error(capsys, *argv)
    assert "usage:" in err and "error: argument" in err


def test_a_million_results_are_allowed(library: Path, capsys) -> None:
    status = main(["search", "الفلسطينية", "--limit", "1000000", "--library", str(library)])
    assert status in (0, 1)
    with Library.open(library) as opened:
        article_id = opened.list_articles()[0].id
    assert main(["related", article_id, "--top", "1000000", "--library", str(library)]) == 0
    assert main(["list", "--width", "10000", "--library", str(library)]) == 0


def test_the_width_option_is_one_parser() -> None:
    """cat and the column printers parse --width with the same type (one home)."""
    import argparse

    from reader.cli import cat, list_

    widths = []
    for module in (cat, list_):
        parser = argparse.ArgumentParser()
        module.add_arguments(parser)
        (action,) = [a for a in parser._actions if "--width" in a.option_strings]
        widths.append(action.type.__qualname__)
    assert widths[0] == widths[1]


def _two_articles_sharing_a_prefix(library: Path) -> tuple[str, list[str]]:
    with Library.open(library) as opened:
        ids = sorted(a.id for a in opened.list_articles())
    for first, second in itertools.pairwise(ids):
        if first[0] == second[0]:
            return first[0], [i for i in ids if i.startswith(first[0])]
    pytest.skip("the bundled articles share no first character")


def test_an_ambiguous_prefix_is_refused_naming_the_candidates(library: Path, capsys) -> None:
    prefix, candidates = _two_articles_sharing_a_prefix(library)
    for command in (["related", prefix], ["cat", prefix]):
        assert main([*command, "--library", str(library)]) == 1
        err = capsys.readouterr().err
        assert "more than one id" in err and err.count("\n") == 1
        for candidate in candidates[:10]:
            assert candidate in err


def test_a_unique_prefix_works_in_every_command(library: Path, capsys) -> None:
    with Library.open(library) as opened:
        ids = sorted(a.id for a in opened.list_articles())
        store = DraftStore.for_library(opened)
        store.save(DraftTarget(ids[0]), CommentDraft("تعليق"), base_revision=0)
    shortest = {}
    for article_id in ids:
        for n in range(1, len(article_id) + 1):
            if sum(i.startswith(article_id[:n]) for i in ids) == 1:
                shortest[article_id] = article_id[:n]
                break
    prefix = shortest[ids[0]]
    assert main(["cat", prefix, "--library", str(library), "--width", "80"]) == 0
    assert main(["related", prefix, "--library", str(library)]) == 0
    capsys.readouterr()
    assert main(["drafts", "delete", prefix, "--library", str(library)]) == 0
    assert capsys.readouterr().out == f"deleted the draft for {ids[0]}\n"


def test_drafts_delete_refuses_empty_and_ambiguous_prefixes(tmp_path: Path, capsys) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path, import_bundled=False) as opened:
        store = DraftStore.for_library(opened)
        for article_id in ("abc1", "abc2", "0f", "0e"):
            store.save(DraftTarget(article_id), CommentDraft(f"نص {article_id}"), base_revision=0)
    _usage_error(capsys, "drafts", "delete", "", "--library", str(path))
    for prefix in ("abc", "0", "a"):
        assert main(["drafts", "delete", prefix, "--library", str(path)]) == 1
        err = capsys.readouterr().err
        assert "more than one id" in err
    assert main(["drafts", "delete", "%", "--library", str(path)]) == 1  # not a LIKE pattern
    assert main(["drafts", "delete", "abc2", "--library", str(path)]) == 0
    with Library.open(path, import_bundled=False) as opened:
        left = sorted(r.article_id for r in DraftStore.for_library(opened).list())
    assert left == ["0e", "0f", "abc1"]


def test_library_naming_a_folder_or_a_missing_folder_exits_2(tmp_path: Path) -> None:
    for argv in (["list", "--library", str(tmp_path)],
                 ["list", "--library", str(tmp_path / "no-such-folder" / "lib.sqlite3")],
                 ["drafts", "export", "--library", str(tmp_path / "nope" / "x.sqlite3")],
                 ["search", "x", "--library", str(tmp_path)],
                 ["list", "--library", "x" * 300]):  # a name too long for the system
        result = run_cli(*argv)
        assert result.returncode == 2, result
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("rtl-reader: --library ")
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_a_new_library_file_is_announced(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    result = run_cli("list", "--library", str(path))
    assert result.returncode == 0
    assert result.stderr == f"rtl-reader: created a new library at {path}\n"
    again = run_cli("list", "--library", str(path))
    assert again.stderr == ""


def test_output_to_a_non_utf8_stdout_degrades(library: Path) -> None:
    with Library.open(library) as opened:
        DraftStore.for_library(opened).save(DraftTarget("a1", "عنوان"),
                                           CommentDraft("تعليق عربي"), base_revision=0)
    env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"}
    export = run_cli("drafts", "export", "--library", str(library), env=env)
    assert export.returncode == 0 and "Traceback" not in export.stderr
    assert json.loads(export.stdout)[0]["comment"] == "تعليق عربي"  # escaped, not lost
    for argv in (["drafts", "--library", str(library)],
                 ["search", "لاشيءهنا", "--library", str(library)],
                 ["list", "--library", str(library)],
                 ["drafts", "delete", "a1", "--library", str(library)]):
        result = run_cli(*argv, env=env)
        assert result.returncode in (0, 1), result
        assert "Traceback" not in result.stderr


def test_every_field_of_drafts_output_is_sanitized(library: Path, capsys) -> None:
    hostile = "\x9b31m\u202e\x1b]0;pwn\x07\u2066"
    with Library.open(library) as opened:
        DraftStore.for_library(opened).save(
            DraftTarget("a1", "t" + hostile, "https://x/" + hostile),
            CommentDraft("c" + hostile, "n" + hostile), base_revision=0)
        opened.connection.execute(
            "UPDATE drafts SET updated_at = ?, article_id = ?", ("2024" + hostile, "a1" + hostile))
    for argv in (["drafts"], ["drafts", "export"], ["drafts", "export", "--format", "wp-rest"]):
        assert main([*argv, "--library", str(library)]) == 0
        out = capsys.readouterr().out
        bad = [c for c in out if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0
               or c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
        assert bad == [], (argv, out)


def test_a_bad_draft_row_is_skipped_with_a_warning_naming_it(library: Path, capsys) -> None:
    with Library.open(library) as opened:
        store = DraftStore.for_library(opened)
        store.save(DraftTarget("good"), CommentDraft("سليم"), base_revision=0)
        store.save(DraftTarget("bad"), CommentDraft("تالف"), base_revision=0)
        opened.connection.execute("UPDATE drafts SET revision = 'x' WHERE article_id = 'bad'")
    assert main(["drafts", "export", "--library", str(library)]) == 0
    captured = capsys.readouterr()
    assert [item["article_id"] for item in json.loads(captured.out)] == ["good"]
    assert captured.err.count("\n") == 1 and "'bad'" in captured.err


@pytest.mark.parametrize("before", [["--library", "{lib}"], ["--library={lib}"]])
def test_library_written_before_the_command_is_the_commands(
        library: Path, tmp_path: Path, capsys, before: list[str]) -> None:
    """``rtl-reader --library PATH import FILE``: the option every command takes, typed
    before the command, reaches the command (the app's parser refused FILE)."""
    article = tmp_path / "خبر.txt"
    article.write_text("عنوان جديد تماما\n\nنص الخبر الجديد.", encoding="utf-8")
    ahead = [part.format(lib=library) for part in before]
    assert main([*ahead, "import", str(article)]) == 0
    assert capsys.readouterr().out.startswith("1 imported")
    assert main([*ahead, "list", "--width", "100"]) == 0
    with Library.open(library) as opened:
        count = len(opened.list_articles())
    assert len([line for line in capsys.readouterr().out.splitlines()
                if line[:1].strip()]) == count


def test_command_first_leaves_everything_else_as_it_is() -> None:
    from reader.cli import command_first

    for args in ([], ["list"], ["a.txt"], ["--library", "x"], ["--library"],
                 ["--library", "x", "a.txt"], ["--bidi", "app", "list"],
                 ["--library", "list"], ["list", "--library", "x"]):
        assert command_first(list(args)) == args
    assert command_first(["--library", "x", "--library=y", "cat", "-"]) == [
        "cat", "--library", "x", "--library=y", "-"]
