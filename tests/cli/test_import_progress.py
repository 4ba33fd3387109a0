"""The import's progress bar: labelled with what is being done."""

from __future__ import annotations

from reader.cli import import_
from reader.cli.say import text


def test_the_bar_reads_writing_once_the_files_are_read() -> None:
    bar = import_._BarProgress()
    bar.add_total(1000)
    try:
        assert bar.label is not None
        assert bar.label.plain == text("cli.import.progress")
        bar.advance(1000)
        bar.writing()
        assert bar.label.plain == text("cli.import.writing")
        bar.advance(0)  # the next file is being read
        assert bar.label.plain == text("cli.import.progress")
    finally:
        bar.stop()


def test_a_bar_never_started_ignores_being_told() -> None:
    bar = import_._BarProgress()
    bar.writing()
    bar.advance(5)
    bar.stop()
    assert bar.label is None
