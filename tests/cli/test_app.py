"""The app entry on the command line: option checking and clear errors, without a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def test_an_unknown_article_is_one_clear_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.library import Library

    Library.open(tmp_path / "lib.sqlite").close()  # (a new one would be announced first)
    status = main(["no-such-article\x1b]0;x\x07", "--library", str(tmp_path / "lib.sqlite")])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("rtl-reader: ") and err.count("\n") == 1
    assert "\x1b" not in err and "no-such-article" in err


@pytest.mark.parametrize(
    "argv",
    [["--measure", "5"], ["--measure", "wide"], ["--bidi", "sideways"], ["--lang", "fr"],
     ["--harakat", "maybe"]],
)
def test_bad_options_are_refused_before_anything_opens(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--library", str(tmp_path / "lib.sqlite")])
    assert exit_info.value.code == 2
    assert "rtl-reader: error:" in capsys.readouterr().err
    assert not (tmp_path / "lib.sqlite").exists()


def test_help_lists_the_app_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for option in ("--library", "--bidi", "--harakat", "--no-shape", "--measure", "--lang"):
        assert option in out


def test_the_app_without_a_terminal_says_so_instead_of_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Standard input and output here are pytest's, not a terminal: the app used to
    write its escape sequences into them and wait for keys that never came."""
    import reader.ui.app

    started: list[object] = []
    monkeypatch.setattr(reader.ui.app, "run_app", lambda *a, **k: started.append(a) or 0)
    status = main(["--library", str(tmp_path / "lib.sqlite")])
    err = capsys.readouterr().err
    assert status == 2 and not started
    assert err.endswith("standard input or output is none; to print an article: "
                        "rtl-reader cat ARTICLE\n")
    monkeypatch.setattr("reader.cli.strategy.is_terminal", lambda stream: True)
    assert main(["--library", str(tmp_path / "lib.sqlite")]) == 0 and len(started) == 1
