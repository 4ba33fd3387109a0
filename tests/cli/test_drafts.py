"""``rtl-reader drafts``: list, export (json, wp-rest) and delete, on a real library file."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.comments.form import CommentDraft
from reader.comments.store import DraftStore, DraftTarget
from tests.comments.dbutil import open_database

if not hasattr(pytest.importorskip("reader.library"), "Library"):
    pytest.skip("the library (reader.library.Library) is not in this checkout",
                allow_module_level=True)


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    conn = open_database(path)
    store = DraftStore(conn)
    store.save(DraftTarget("a1", "خبر", "https://news.example/?p=9"),
               CommentDraft("تعليق جاهز", "سارة", "sara@example.com"), base_revision=0)
    store.save(DraftTarget("b2", "آخر"), CommentDraft("ناقص"), base_revision=0)
    conn.close()
    return path


def test_list(library, capsys):
    assert main(["drafts", "--library", str(library), "--width", "100"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    by_id = {line.split()[0]: line for line in out}
    assert "  ready  " in by_id["a1"] and "19 B" in by_id["a1"]
    assert "not ready" in by_id["b2"]
    # The title is laid out like list's: shaped and right-to-left in app mode...
    from reader.text.layout import LayoutOptions, layout_text

    assert by_id["a1"].endswith(layout_text("خبر", LayoutOptions(width=20))[0].text)
    # ...and logical for a terminal that does bidi itself.
    assert main(["drafts", "--library", str(library), "--bidi", "terminal"]) == 0
    assert "خبر" in capsys.readouterr().out


def test_export_wp_rest_to_file(library, tmp_path, capsys):
    target = tmp_path / "out.json"
    assert main(["drafts", "export", "--format", "wp-rest", "-o", str(target),
                 "--library", str(library)]) == 0
    items = {i["article_id"]: i for i in json.loads(target.read_text(encoding="utf-8"))}
    assert items["a1"]["body"] == {"post": 9, "content": "تعليق جاهز", "author_name": "سارة",
                                   "author_email": "sara@example.com"}
    assert items["a1"]["endpoint"] == "https://news.example/wp-json/wp/v2/comments"
    assert capsys.readouterr().out == ""


def test_export_json_to_stdout(library, capsys):
    assert main(["drafts", "--library", str(library), "export"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {i["comment"] for i in items} == {"تعليق جاهز", "ناقص"}


def test_export_to_an_unwritable_place_is_one_clear_line(library, capsys):
    code = main(["drafts", "export", "-o", "/nonexistent/dir/x.json", "--library", str(library)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("rtl-reader: /nonexistent/dir/x.json: cannot write")
    assert len(err.splitlines()) == 1


def test_delete(library, capsys):
    assert main(["drafts", "delete", "b2", "--library", str(library)]) == 0
    assert "deleted the draft for b2" in capsys.readouterr().out
    assert main(["drafts", "delete", "b2", "--library", str(library)]) == 1
    assert "no draft for article 'b2'" in capsys.readouterr().err
    conn = open_database(library)
    assert [r.article_id for r in DraftStore(conn).list()] == ["a1"]
    conn.close()


def test_list_mentions_recovered_drafts(library, tmp_path, monkeypatch, capsys):
    from reader.comments.recovery import write_recovery

    monkeypatch.setenv("RTL_READER_RECOVERY", str(tmp_path / "rec"))
    write_recovery("a1", CommentDraft("نص لم يحفظ"))
    assert main(["drafts", "--library", str(library)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("1 draft(s) that could not be saved to the library are in ")
