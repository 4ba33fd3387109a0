"""The library's own words in both languages: ``--library`` naming what cannot be a
library file, and a big import whose search index could not be built.

They are catalogue sentences (:class:`reader.i18n.Sentence`): said in the interface's
language where they are shown, each value (a path, the option, Python's reason) laid in
as an isolate in Arabic. The English lines are pinned as they were: scripts match them.
"""

from __future__ import annotations

import io
import multiprocessing
import sqlite3
import sys
from functools import partial
from pathlib import Path

import pytest

from reader.cli import main
from reader.i18n import Sentence, message, spoken
from reader.library import Library, bulk_index
from reader.library.errors import BulkIndexFailed

FSI, PDI = "\u2068", "\u2069"
ARABIC = partial(message, "ar")


def _said(argv: list[str], lang: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """The exit status and what standard error got (a pipe: logical text)."""
    monkeypatch.setenv("LANGUAGE", lang)
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    return main(argv), stream.getvalue()


def _plain(line: str) -> str:
    return line.replace(FSI, "").replace(PDI, "")


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "مكتبتي").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    return {"folder": tmp_path / "مكتبتي", "missing": tmp_path / "ناقص" / "lib.sqlite3",
            "file": tmp_path / "notes.txt" / "lib.sqlite3"}


@pytest.mark.parametrize(("place", "english", "arabic"), [
    ("folder", "--library {p}: is a folder; name the library file in it (e.g. {p}/library.sqlite3)",
     "الخيار --library {p}: هذا مجلد؛ سمِّ ملف المكتبة فيه (مثلاً {p}/library.sqlite3)"),
    ("missing", "--library {p}: the folder {d} does not exist",
     "الخيار --library {p}: المجلد {d} غير موجود"),
    ("file", "--library {p}: the folder {d} is not a folder",
     "الخيار --library {p}: {d} ليس مجلداً"),
])
def test_a_library_path_that_cannot_be_used_is_said_in_either_language(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, place: str, english: str,
    arabic: str
) -> None:
    path = places[place]
    values = {"p": path, "d": path.parent}
    said = {}
    for lang in ("en", "ar"):
        status, said[lang] = _said(["search", "--library", str(path), "x"], lang, monkeypatch)
        assert status == 2  # a usage error
    assert _plain(said["en"]) == f"rtl-reader: {english.format(**values)}\n"
    assert _plain(said["ar"]) == f"rtl-reader: {arabic.format(**values)}\n"
    # in Arabic every value is an isolate, the option too: it reads as typed
    assert f"{FSI}--library{PDI} {FSI}{path}{PDI}" in said["ar"]
    if place == "missing":  # an English line with an Arabic value isolates that value only
        assert said["en"] == (f"rtl-reader: {FSI}--library {FSI}{path}{PDI}: the folder "
                              f"{FSI}{path.parent}{PDI} does not exist{PDI}\n")


def test_a_path_the_system_refuses_gives_its_reason_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name longer than the system allows: the system's reason (English, a value)."""
    path = tmp_path / ("x" * 300)
    said = {}
    for lang in ("en", "ar"):
        status, said[lang] = _said(["search", "--library", str(path), "x"], lang, monkeypatch)
        assert status == 2
    assert said["en"] == f"rtl-reader: --library {path}: File name too long\n"
    assert _plain(said["ar"]) == (
        f"rtl-reader: الخيار --library {path}: لا يصلح (File name too long)\n")


def test_a_path_refused_without_a_reason_says_it_cannot_be_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(self: Path) -> bool:
        raise OSError()

    monkeypatch.setattr(Path, "is_dir", refused)
    path = tmp_path / "lib.sqlite3"
    said = {lang: _said(["search", "--library", str(path), "x"], lang, monkeypatch)[1]
            for lang in ("en", "ar")}
    assert said["en"] == f"rtl-reader: --library {path}: cannot be used\n"
    assert _plain(said["ar"]) == f"rtl-reader: الخيار --library {path}: لا يصلح\n"


def test_a_second_process_that_stops_is_said_in_either_language() -> None:
    """The importer waiting for a reply from a second process that is gone (its end of
    the pipe closed)."""
    index = object.__new__(bulk_index.BulkIndex)  # only its channel is asked
    here, there = multiprocessing.Pipe()
    there.close()
    index._channel = here
    with pytest.raises(BulkIndexFailed) as failed:
        index._reply()
    reason = Sentence("import.not_imported", reason=failed.value.args[0])
    assert reason == "not imported: the process building the search index stopped"
    assert spoken(reason, ARABIC) == "لم يُستورد: توقفت العملية التي تبني فهرس البحث"


def test_a_failure_in_the_second_process_crosses_to_the_importer_as_a_sentence(
    tmp_path: Path
) -> None:
    """The second process says what failed as a catalogue sentence, which crosses the
    pipe whole: the importer shows it in the interface's language."""
    here, there = multiprocessing.Pipe()
    unwritable = tmp_path / "no folder" / "scratch"  # sqlite cannot open it
    bulk_index.build(str(unwritable), str(tmp_path / "lib.sqlite3"), there)
    kind, detail = here.recv()
    assert kind == "failed" and isinstance(detail, Sentence)
    assert detail == "OperationalError: unable to open database file"
    assert spoken(detail, ARABIC) == (
        "تعذر بناء فهرس البحث (OperationalError: unable to open database file)")


def test_a_library_without_its_index_tables_is_said_in_either_language(tmp_path: Path) -> None:
    bare = sqlite3.connect(":memory:")
    with pytest.raises(BulkIndexFailed) as failed:
        bulk_index._create_scratch(bare, tmp_path / "scratch")
    [words] = failed.value.args
    assert words == "the library lacks its index tables"
    assert spoken(words, ARABIC) == "جداول الفهرس ناقصة في المكتبة"


def test_a_stored_article_that_cannot_be_listed_is_said_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        article_id = library.list_articles()[0].id
        library.connection.execute("UPDATE articles SET title = x'ff00' WHERE id = ?",
                                   (article_id,))
    argv = ["list", "--library", str(path), "--width", "200", "--bidi", "terminal"]
    said = {lang: _said(argv, lang, monkeypatch)[1] for lang in ("en", "ar")}
    assert said["en"] == (f"rtl-reader: warning: skipped the stored article {article_id!r}: "
                          "its id, title, date or source is not text\n")
    assert _plain(said["ar"]) == (
        f"rtl-reader: تحذير: تُرك المقال المحفوظ {article_id!r}: "
        "معرّفه أو عنوانه أو تاريخه أو مصدره ليس نصاً\n")


def test_a_stored_draft_that_cannot_be_read_is_said_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.comments.form import CommentDraft
    from reader.comments.store import DraftStore, DraftTarget
    from tests.comments.dbutil import open_database

    path = tmp_path / "lib.sqlite3"
    connection = open_database(path)
    DraftStore(connection).save(DraftTarget("a1", "خبر"), CommentDraft("تعليق"),
                                base_revision=0)
    connection.execute("UPDATE drafts SET revision = 'many' WHERE article_id = 'a1'")
    connection.commit()
    connection.close()
    said = {lang: _said(["drafts", "--library", str(path)], lang, monkeypatch)[1]
            for lang in ("en", "ar")}
    reason = "invalid literal for int() with base 10: 'many'"
    assert said["en"] == ("rtl-reader: warning: skipped the stored draft for 'a1': not a "
                          f"readable draft ({reason})\n")
    assert _plain(said["ar"]) == (
        f"rtl-reader: تحذير: تُركت المسودة المحفوظة للمقال 'a1': مسودة لا تُقرأ ({reason})\n")


def test_a_draft_store_says_its_problems_as_catalogue_sentences() -> None:
    """Their English is as it was; the app and the command line can say them in Arabic."""
    from reader.comments.form import CommentDraft
    from reader.comments.store import DraftConflict, DraftRecord, DraftSaveError, DraftTarget

    theirs = DraftRecord(DraftTarget("a1", "خبر"), CommentDraft("x"), 4, "now", False)
    conflict = DraftConflict(CommentDraft("y"), theirs)
    assert str(conflict) == "the draft for a1 was changed elsewhere (now at revision 4)"
    assert spoken(conflict.args[0], ARABIC) == "تغيّرت مسودة المقال a1 في مكان آخر (المراجعة الآن 4)"
    failed = DraftSaveError("full", "database or disk is full")
    assert str(failed) == "cannot save the draft: database or disk is full"
    assert spoken(failed.args[0], ARABIC) == "تعذر حفظ المسودة: database or disk is full"
