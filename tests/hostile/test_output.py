"""Random hostile articles through ``cat`` and the app, and random argv through the
command line: nothing from the input reaches the terminal as a control, nothing
raises a traceback, nothing stored is lost.

Default: 200 articles through ``cat`` (two strategies), 30 through the app, 80 argv
lists; ``-m hostile`` runs 2,000, 300 and 1,000.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.library import Library
from tests.hostile.corpus import FRAGMENTS, leaks, random_article

SEED = 20261204


def _write_corpus(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        name, data = random_article(rng, number)
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


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
    assert _cat_all(_write_corpus(tmp_path / "in", 200), capsysbinary) == 400


@pytest.mark.hostile
def test_long_sweep_through_cat(tmp_path: Path, capsysbinary) -> None:
    _cat_all(_write_corpus(tmp_path / "in", 2000, seed=SEED + 1), capsysbinary)


async def _through_the_app(tmp_path: Path, count: int, seed: int) -> None:
    from tests.ui.conftest import make_app

    paths = _write_corpus(tmp_path / "in", count, seed)
    library = Library.open(tmp_path / "lib.sqlite3", import_bundled=False)
    try:
        report = library.import_paths(paths)
        ids = list(dict.fromkeys(report.article_ids))
        # (a file with a NUL byte is refused as binary, as it should be)
        assert len(ids) >= count // 2, report.problems[:5]
        stored = {i: library.get(i) for i in ids}
        app = make_app(library)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            for article_id in ids:
                app.open_article(article_id)
                await pilot.pause()
                await pilot.pause()
                text = "".join(segment.text for strip in app.screen._compositor.render_strips()
                               for segment in strip)
                assert leaks(text) == [], article_id
            assert app.is_running
        for article_id, before in stored.items():  # nothing stored lost or changed
            after = library.get(article_id)
            assert (after.title, after.paragraphs) == (before.title, before.paragraphs)
    finally:
        library.close()


async def test_hostile_articles_through_the_app(tmp_path: Path) -> None:
    await _through_the_app(tmp_path, 30, SEED)


@pytest.mark.hostile
async def test_long_sweep_through_the_app(tmp_path: Path) -> None:
    await _through_the_app(tmp_path, 300, SEED + 2)


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
