"""Importing files and folders: idempotent, bad files reported, the rest imported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.articles import json_articles
from reader.articles.model import Article, CommentForm, RelatedLink
from reader.articles.parse import parse_path
from reader.library import Library, indexing
from reader.library.indexing import build_index_row
from reader.library.storage import insert_article
from reader.resources import bundled_article_files, seed_article_path


def _count(library: Library, table: str) -> int:
    return library.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_import_twice_stores_once(tmp_path: Path, corpus_jsonl: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        first = library.import_paths([corpus_jsonl])
        assert first.ok and len(first.imported) == 300 and not first.duplicates
        tables = ("articles", "article_search", "article_terms", "search_index", "term_df")
        counts = {t: _count(library, t) for t in tables}
        second = library.import_paths([corpus_jsonl])
        assert second.ok and not second.imported and len(second.duplicates) == 300
        assert second.article_ids == first.article_ids
        after = {t: _count(library, t) for t in tables}
        assert after == counts
        assert library.count() == 300
        # the document frequencies agree with SQLite's own count over the terms index
        connection = library.connection
        connection.execute(
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, article_terms, row)"
        )
        reference = connection.execute("SELECT term, doc FROM temp.vocab ORDER BY term").fetchall()
        ours = connection.execute("SELECT term, df FROM term_df ORDER BY term").fetchall()
        assert ours == reference


def test_bundled_articles_arrive_once_in_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    bundled = bundled_article_files()
    expected = {article.id for file in bundled for article in parse_path(file)}
    with Library.open(path) as library:
        assert {a.id for a in library.list_articles()} == expected
        seed = library.resolve(str(seed_article_path()))
        assert seed.id in {a.id for a in library.list_articles()}
        count = library.count()
    with Library.open(path) as library:
        assert library.count() == count
    with Library.open(tmp_path / "bare.sqlite3", import_bundled=False) as library:
        assert library.count() == 0


def test_bad_files_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "nested" / "deeper").mkdir(parents=True)
    shutil.copy(seed_article_path(), folder / "nested" / "deeper" / "seed.txt")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "latin1.txt").write_bytes("عنوان".encode() + b"\xff\xfe broken")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff not an article type: listed as skipped")
    (folder / ".hidden.txt").write_text("hidden files are skipped")
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        report = library.import_paths([folder, tmp_path / "missing.txt"])
        assert len(report.imported) == 1
        problems = {Path(p.source).name: p.reason for p in report.problems}
        assert set(problems) == {"binary.txt", "latin1.txt", "missing.txt"}
        assert "NUL" in problems["binary.txt"] or "binary" in problems["binary.txt"]
        assert "UTF-8" in problems["latin1.txt"]
        assert problems["missing.txt"] == "no such file or folder"
        assert [Path(s.source).name for s in report.skipped] == ["photo.jpg"]
        assert library.count() == 1


def test_article_round_trips_through_the_database(tmp_path: Path) -> None:
    article = Article(
        title="عنوان \u202bمضمّن\u202c",
        paragraphs=["الفقرة الأولى.", "الفقرة الثانية، بالأرقام ٢٠١٥."],
        breadcrumbs=["العالم", "رئيسي"],
        date="2021-09-23",
        author="كاتب",
        source="example.net",
        url="https://example.net/a",
        related=[RelatedLink("مقال آخر", "https://example.net/b")],
        comment_form=CommentForm(heading="اترك تعليقاً", note="لن يتم نشر عنوان بريدك"),
        origin="/tmp/a.html",
        format="html",
    )
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        article_id, new = insert_article(library.connection, article)
        assert new and article_id == article.id
        assert insert_article(library.connection, article) == (article.id, False)
        stored = library.get(article_id)
    assert stored == article


def test_control_characters_never_reach_the_database(tmp_path: Path) -> None:
    article = Article(
        title="عنوان\x1b]52;c;ZXZpbA==\x07 خبيث\x1b[2J",
        paragraphs=["نص\x9b31m أحمر", "سطر\x00فيه صفر"],
        source="evil\x1b]0;title\x07",
    )
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        article_id, _ = insert_article(library.connection, article)
        rows = library.connection.execute(
            "SELECT title, body, source FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
    for value in rows:
        assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in value)
    assert rows[0] == "عنوان خبيث"


def test_resolve_imports_a_path_and_accepts_an_id_prefix(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copy(seed_article_path(), copy)
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        article = library.resolve(str(copy))
        assert library.count() == 1
        assert library.resolve(article.id[:6]).id == article.id
        assert library.resolve(str(copy)).id == article.id
        assert library.count() == 1


def test_json_lines_stream_record_by_record_with_a_bound_per_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file is read a record at a time: an over-long record, a line of bad
    UTF-8 and a line of bad JSON are each reported by line, the others stored; the
    same articles as stored one by one, the duplicates within the file stored once."""
    monkeypatch.setattr(json_articles, "MAX_RECORD_BYTES", 2000)
    records = [json.dumps({"title": f"عنوان {n}", "content": f"نص المقال رقم {n}.\nفقرة."},
                          ensure_ascii=False) for n in range(1, 1201)]
    lines = [
        records[0],
        json.dumps({"title": "طويل", "content": "كلمة " * 1000}, ensure_ascii=False),
        records[1],
        "{not json",
        records[0],  # the same article again
    ]
    data = "\n".join(lines).encode() + b"\n" + b'{"title": "\xff"}\n'
    data += "\n".join(records[2:]).encode() + b"\n"
    path = tmp_path / "news.jsonl"
    path.write_bytes(data)
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        report = library.import_paths([path])
        assert [p.reason.split(":")[0] for p in report.problems] == ["line 2", "line 4", "line 6"]
        assert "record too large" in report.problems[0].reason
        assert "invalid UTF-8" in report.problems[2].reason
        assert len(report.imported) == 1200 and len(report.duplicates) == 1
        assert report.article_ids[0] == report.article_ids[2]
        assert library.count() == 1200
        hit = library.search("المقال رقم 1177")[0]
        assert library.get(hit.article_id).title == "عنوان 1177"


def test_import_in_a_pipe_draws_no_progress(tmp_path: Path, corpus_jsonl: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(corpus_jsonl), "--library", str(library)],
        capture_output=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # Only the line saying the library is new: no progress bar drawn into the pipe.
    assert result.stderr == f"rtl-reader: created a new library at {library}\n".encode()
    assert result.stdout.decode().endswith(" 0 problems\n")


def test_a_long_body_is_indexed_in_pieces_exactly_as_whole(
    corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [json.loads(line) for line in corpus_jsonl.read_text("utf-8").splitlines()[:40]]
    whole = [build_index_row(r["title"], r["content"]) for r in records]
    monkeypatch.setattr(indexing, "_PIECE_CHARS", 37)
    assert [build_index_row(r["title"], r["content"]) for r in records] == whole


def _library_contents(library: Library) -> tuple[object, ...]:
    connection = library.connection
    connection.execute("CREATE VIRTUAL TABLE temp.terms_instances "
                       "USING fts5vocab (main, article_terms, 'instance')")
    return (
        connection.execute(
            "SELECT id, title, date, source, url, body, content_hash, title_key, title_order "
            "FROM articles ORDER BY key").fetchall(),
        connection.execute("SELECT * FROM related_links ORDER BY article_id, position").fetchall(),
        connection.execute("SELECT term, df FROM term_df ORDER BY term").fetchall(),
        connection.execute("SELECT term, doc, offset FROM temp.terms_instances "
                           "ORDER BY term, doc, offset").fetchall(),
        [(h.article_id, h.snippet) for h in library.search("وزير الخارجية", limit=50)],
    )


def test_a_big_file_indexed_in_a_second_process_imports_the_same(
    tmp_path: Path, corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose search index is built in a second process is stored as one indexed
    here: the same rows, index and problems, in the same order; bad records are
    reported (tests/library/test_bulk_index.py compares the index tables themselves)."""
    from reader.library import bulk_index, importer

    monkeypatch.setattr(bulk_index, "worth_building", lambda connection, size: True)
    lines = corpus_jsonl.read_text("utf-8").splitlines()[:120]
    source = tmp_path / "articles.jsonl"
    source.write_bytes(
        "\n".join([*lines[:50], "{not json", '["a list"]', *lines[50:], lines[3]]).encode()
        + b"\n\xff\xfe not utf-8\n"
    )
    found = []
    for threshold in (None, 0):  # here, then in a second process
        monkeypatch.setattr(importer, "BULK_INDEX_BYTES", threshold)
        with Library.open(tmp_path / f"{threshold}.sqlite3", import_bundled=False) as library:
            report = library.import_paths([source])
            found.append((report.article_ids, len(report.duplicates),
                          [str(p) for p in report.problems], _library_contents(library)))
    here, there = found
    assert there == here
    assert len(here[0]) == 121 and here[1] == 1
    assert [problem.split(": ", 1)[1] for problem in here[2]] == [
        "line 51: invalid JSON at column 2: Expecting property name enclosed in double quotes",
        "line 52: expected a JSON object, found a list",
        "line 124: invalid UTF-8 at byte 1",
    ]


def test_an_empty_big_file_is_reported_and_starts_no_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import bulk_index, importer

    monkeypatch.setattr(importer, "BULK_INDEX_BYTES", 0)
    monkeypatch.setattr(bulk_index, "worth_building", lambda connection, size: True)
    monkeypatch.setattr(bulk_index.BulkIndex, "_start", lambda self: pytest.fail("started"))
    source = tmp_path / "empty.jsonl"
    source.write_bytes(b"\n\n")
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        report = library.import_paths([source])
        assert [p.reason for p in report.problems] == ["empty file (no article)"]
        assert library.count() == 0


class _Recorded:
    """An ImportProgress that keeps what it was told."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []

    def add_total(self, size: int) -> None:
        self.events.append(("total", size))

    def advance(self, size: int) -> None:
        self.events.append(("read", size))

    def writing(self) -> None:
        self.events.append(("writing", 0))


def test_progress_says_when_what_is_read_is_being_written(
    tmp_path: Path, corpus_jsonl: Path
) -> None:
    """A big file's index and commit come after its last byte is read: the progress is
    told so then (the bar changes its label), and again before the terms are counted."""
    progress = _Recorded()
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        library.import_paths([corpus_jsonl], progress)
    size = corpus_jsonl.stat().st_size
    events = progress.events
    assert events[0] == ("total", size) and events[-1] == ("writing", 0)
    first_writing = events.index(("writing", 0))
    assert sum(n for kind, n in events[:first_writing] if kind == "read") == size
    assert [kind for kind, _ in events[first_writing:]] == ["writing", "read", "writing"]
