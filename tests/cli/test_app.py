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
