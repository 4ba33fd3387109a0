"""Opening, upgrading and refusing library databases."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.articles.parse import parse_path
from reader.library import (
    CorruptLibraryError,
    Library,
    NewerLibraryError,
)
from reader.library.database import (
    NEW_LIBRARY_PAGE_SIZE,
    load_migrations,
    migrate,
    schema_version,
    transaction,
)
from reader.library.indexing import INDEX_VERSION, count_new_terms
from reader.library.paths import LIBRARY_ENV, default_library_path
from reader.resources import seed_article_path

REPO = Path(__file__).resolve().parents[2]


def _make_library(path: Path) -> None:
    Library.open(path, import_bundled=False).close()


def test_new_library_is_wal_with_foreign_keys_and_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "library.sqlite3"
    with Library.open(path, import_bundled=False) as library:
        connection = library.connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert schema_version(connection) == load_migrations()[-1].version
        assert library.count() == 0


def test_a_new_library_has_large_pages_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    """Article rows (3-4 KB) pack into large pages; a library made before keeps the
    page size it was made with (SQLite changes it only by rewriting the file)."""
    with Library.open(tmp_path / "new.sqlite3", import_bundled=False) as library:
        page_size = library.connection.execute("PRAGMA page_size").fetchone()[0]
        assert page_size == NEW_LIBRARY_PAGE_SIZE > 4096
        # and no page left free by the tables migrations replaced: the next one the
        # library needs is one more (tests of a full disk cap the page count there)
        assert library.connection.execute("PRAGMA freelist_count").fetchone() == (0,)
    old = tmp_path / "old.sqlite3"
    sqlite3.connect(old).execute("CREATE TABLE made_before (x)").connection.close()
    with Library.open(old, import_bundled=False) as library:
        assert library.connection.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert library.count() == 0


def test_migrations_are_numbered_files_in_order() -> None:
    versions = [m.version for m in load_migrations()]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    assert versions[0] == 1


def test_schema_1_library_is_upgraded_in_place(tmp_path: Path) -> None:
    """A library written with only the first migration keeps its articles and state,
    gains the search index, and its articles become searchable."""
    path = tmp_path / "v1.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    first = load_migrations()[:1]
    assert migrate(connection, path, first) == 1
    connection.execute(
        "INSERT INTO articles (id, title, body, imported_at, content_hash) VALUES (?, ?, ?, ?, ?)",
        ("0123456789abcdef", "اجتماع سري", "وعُقد اجتماع هذا الأسبوع", "2026-01-01", "x" * 64),
    )
    connection.execute("INSERT INTO state (key, value) VALUES ('theme', '\"dark\"')")
    connection.close()

    with Library.open(path, import_bundled=False) as library:
        assert schema_version(library.connection) == load_migrations()[-1].version
        assert [a.id for a in library.list_articles()] == ["0123456789abcdef"]
        assert library.get_state("theme") == "dark"
        hits = library.search("عقد")
        assert [h.article_id for h in hits] == ["0123456789abcdef"]
        assert "وعُقد" in hits[0].snippet  # the original spelling, harakat kept


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    _make_library(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    with pytest.raises(NewerLibraryError, match="newer rtl-reader"):
        Library.open(path)


def test_garbage_file_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    garbage = "هذا ليس قاعدة بيانات\n".encode() * 200
    path.write_bytes(garbage)
    with pytest.raises(CorruptLibraryError) as caught:
        Library.open(path)
    assert str(path) in str(caught.value)
    assert "not an SQLite database" in str(caught.value)
    assert path.read_bytes() == garbage  # never replaced


def test_damaged_page_is_reported(tmp_path: Path) -> None:
    """Damage past the header (pages overwritten) surfaces as a library error, not a crash."""
    path = tmp_path / "damaged.sqlite3"
    with Library.open(path, import_bundled=False) as library:
        library.set_state("padding", "x" * 20000)
        library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size:] = b"\xff" * (len(data) - page_size)  # every page but the header's
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptLibraryError, match=r"damaged|malformed"):
        library = Library.open(path, import_bundled=False)
        library.list_articles()
        library.get_state("padding")


def test_empty_file_becomes_a_library(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Library.open(path, import_bundled=False) as library:
        assert library.count() == 0


def _run_in_readonly_mount(script: str, source: Path, target: Path) -> subprocess.CompletedProcess:
    """Run *script* (sh) where *target* is *source* bind-mounted read-only, in a private
    mount namespace, so even root cannot write there."""
    mount = (
        f"mount --bind '{source}' '{target}' && mount -o remount,bind,ro '{target}' "
        f"&& echo MOUNTED && {script}"
    )
    return subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", mount],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.parametrize("existing", [True, False], ids=["existing-library", "new-library"])
def test_read_only_location(tmp_path: Path, existing: bool) -> None:
    """An existing library in a read-only place opens read-only (list and search work,
    an import is refused naming the file); a new one cannot be made there."""
    source = tmp_path / "source"
    source.mkdir()
    if existing:
        _make_library(source / "library.sqlite3")
        with Library.open(source / "library.sqlite3") as library:
            title = library.list_articles()[0].title
    if os.geteuid() != 0:
        pytest.skip("the read-only case is run as root, in a read-only mount")
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: no way to make a location read-only")
    target = tmp_path / "target"
    target.mkdir()
    library = target / "library.sqlite3"
    run = f"'{sys.executable}' -m reader"
    opts = f"--library '{library}' --bidi terminal --width 200"
    result = _run_in_readonly_mount(
        f"{run} list {opts}; echo STATUS=$?; {run} import '{seed_article_path()}' "
        f"--library '{library}'; echo STATUS=$?", source, target
    )
    if not result.stdout.startswith("MOUNTED"):
        pytest.skip(f"cannot make a read-only mount here: {result.stderr.strip()}")
    assert "Traceback" not in result.stderr
    statuses = [line for line in result.stdout.splitlines() if line.startswith("STATUS=")]
    if existing:
        assert statuses == ["STATUS=0", "STATUS=1"], result
        assert title in result.stdout
        assert result.stderr == (f"rtl-reader: library {library}: opened read-only; "
                                 "cannot import into it\n")
    else:
        assert statuses == ["STATUS=1", "STATUS=1"], result
        assert result.stderr.startswith(f"rtl-reader: library {library}: ")
        assert "read-only" in result.stderr
    assert sorted(p.name for p in source.iterdir()) == (["library.sqlite3"] if existing else [])


def test_environment_variable_chooses_the_library(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv(LIBRARY_ENV, str(path))
    assert default_library_path() == path
    with Library.open(import_bundled=False) as library:
        assert library.path == path
    assert path.exists()
    explicit = tmp_path / "explicit.sqlite3"
    with Library.open(explicit, import_bundled=False) as library:
        assert library.path == explicit  # an explicit path wins over the environment


def test_default_path_is_the_user_data_folder(monkeypatch) -> None:
    monkeypatch.delenv(LIBRARY_ENV, raising=False)
    path = default_library_path()
    assert path.name == "library.sqlite3"
    assert "rtl-reader" in path.parts


def test_state_round_trips_json(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with Library.open(path, import_bundled=False) as library:
        assert library.get_state("missing", default=7) == 7
        library.set_state("position:abc", {"line": 12, "column": 0})
        library.set_state("position:abc", {"line": 40, "column": 3})
        library.set_state("last", "مقال")
    with Library.open(path, import_bundled=False) as library:
        assert library.get_state("position:abc") == {"line": 40, "column": 3}
        assert library.get_state("last") == "مقال"


def test_index_from_an_older_normaliser_is_rebuilt(tmp_path: Path) -> None:
    """Libraries indexed by an older INDEX_VERSION are re-indexed on open, and the
    document frequencies come out the same as a fresh index's."""
    path = tmp_path / "old-index.sqlite3"
    with Library.open(path) as library:  # the bundled articles
        connection = library.connection
        before = connection.execute("SELECT term, df FROM term_df ORDER BY term").fetchall()
        hits = [h.article_id for h in library.search("الاتفاق")]
        connection.execute("UPDATE search_index SET version = version - 1")
        connection.execute("UPDATE term_df SET df = df + 100")  # stale statistics
    with Library.open(path) as library:
        connection = library.connection
        assert connection.execute(
            "SELECT count(*) FROM search_index WHERE version != ?", (INDEX_VERSION,)
        ).fetchone() == (0,)
        assert connection.execute("SELECT term, df FROM term_df ORDER BY term").fetchall() == before
        assert [h.article_id for h in library.search("الاتفاق")] == hits
        assert hits


def test_library_of_the_older_search_index_is_upgraded_and_finds_the_same(
    tmp_path: Path, corpus_jsonl: Path
) -> None:
    """A library whose search index kept its text and tokenized it itself (before
    migration 0014) is re-indexed on open: it then searches, relates and sorts titles
    exactly as a library made new."""
    from reader.articles.json_articles import parse_json_lines
    from reader.library.storage import clean_article, content_hash

    articles = [clean_article(a) for a in parse_json_lines(
        "\n".join(corpus_jsonl.read_text("utf-8").splitlines()[:60]), "corpus").articles]
    old_path, new_path = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    connection = sqlite3.connect(old_path, isolation_level=None)
    before = [m for m in load_migrations() if m.version < 14]
    assert migrate(connection, old_path, before) == 13
    for key, article in enumerate(articles, start=1):
        body = "\n".join(article.paragraphs)
        connection.execute(
            "INSERT INTO articles (key, id, title, date, source, body, imported_at, "
            "content_hash) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01', ?)",
            (key, article.id, article.title, article.date, article.source, body,
             content_hash(article)),
        )
        connection.execute(  # the old index: text kept, tokenized by SQLite
            "INSERT INTO article_search (rowid, title, body, forms) VALUES (?, ?, ?, '')",
            (key, article.title, body),
        )
        connection.execute(
            "INSERT INTO search_index (article_key, version, term_count) VALUES (?, 3, 0)",
            (key,),
        )
    connection.close()
    with Library.open(new_path, import_bundled=False) as library:
        library.import_paths([corpus_jsonl])  # the same articles, and more
    with Library.open(old_path, import_bundled=False) as old, \
            Library.open(new_path, import_bundled=False) as new:
        new_ids = {a.id for a in articles}
        for extra in [s.id for s in new.list_articles() if s.id not in new_ids]:
            new.delete(extra)
        assert old.count() == new.count() == len(articles)
        for query in ("النفط", "وزير الخارجية", "المملكة"):
            assert [(h.article_id, h.snippet) for h in old.search(query)] == [
                (h.article_id, h.snippet) for h in new.search(query)]
        assert [s.id for s in old.page("title", 0, 100)] == [
            s.id for s in new.page("title", 0, 100)]
        assert [(r.article_id, r.shared_terms) for r in old.related(articles[0].id)] == [
            (r.article_id, r.shared_terms) for r in new.related(articles[0].id)]


def _terms_and_answers(library: Library, ids: list[str]) -> tuple[object, ...]:
    """Every place of every term in the terms index, the document frequencies, and
    what search and related articles answer."""
    connection = library.connection
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_instances "
                       "USING fts5vocab (main, article_terms, 'instance')")
    connection.execute("INSERT INTO article_terms (article_terms) VALUES ('integrity-check')")
    return (
        connection.execute("SELECT term, doc, offset FROM temp.terms_instances "
                           "ORDER BY term, doc, offset").fetchall(),
        connection.execute("SELECT term, df FROM term_df ORDER BY term").fetchall(),
        [[(h.article_id, h.snippet) for h in library.search(query)]
         for query in ("النفط", "وزير الخارجية", "المملكة")],
        [[(r.article_id, r.score, r.relevance, r.shared_terms) for r in library.related(i)]
         for i in ids[::7]],
    )


def test_a_library_whose_terms_index_kept_its_text_is_upgraded_and_answers_the_same(
    tmp_path: Path, corpus_jsonl: Path
) -> None:
    """Before migration 0016 the related-article terms index kept a copy of its text.
    An upgraded library keeps no copy and holds the same terms, in the same places,
    without being indexed again; search, related articles and a delete answer as
    before, and as in a library made new."""
    from reader.library.storage import insert_articles

    articles = parse_path(corpus_jsonl)[:80]
    old_path, new_path = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    connection = sqlite3.connect(old_path, isolation_level=None)
    before = [m for m in load_migrations() if m.version < 16]
    assert migrate(connection, old_path, before) == 15
    insert_articles(connection, articles)
    ids = [i for (i,) in connection.execute("SELECT id FROM articles ORDER BY key")]
    assert connection.execute("SELECT count(*) FROM article_terms "
                              "WHERE terms IS NOT NULL").fetchone() == (len(articles),)
    connection.close()
    with Library.open(old_path, import_bundled=False) as old:
        # the old index, read before the upgrade's first change to it: its text read back
        assert old.connection.execute("SELECT count(*) FROM search_index "
                                      "WHERE counted = 0").fetchone() == (0,)
    with Library.open(new_path, import_bundled=False) as new:
        insert_articles(new.connection, articles)
        count_new_terms(new.connection)  # as an import does
        made_new = _terms_and_answers(new, ids)
        new.delete(ids[3])
        made_new_after_delete = _terms_and_answers(new, ids[4:])
    with Library.open(old_path, import_bundled=False) as old:
        connection = old.connection
        assert schema_version(connection) == load_migrations()[-1].version
        assert connection.execute("SELECT count(*) FROM sqlite_master "
                                  "WHERE name = 'article_terms_content'").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM article_terms "
                                  "WHERE terms IS NOT NULL").fetchone() == (0,)
        assert _terms_and_answers(old, ids) == made_new
        old.delete(ids[3])
        assert _terms_and_answers(old, ids[4:]) == made_new_after_delete


@pytest.mark.parametrize("main_table", [None, "articles"])
def test_a_transaction_holds_the_write_lock_from_its_start(
    tmp_path: Path, main_table: str | None
) -> None:
    """Another writer waits from BEGIN on, whichever way the lock is taken; with
    *main_table*, a database attached to the connection stays free to write."""
    path = tmp_path / "lib.sqlite3"
    scratch = tmp_path / "scratch.sqlite3"
    with sqlite3.connect(scratch) as connection:
        connection.execute("CREATE TABLE rows (x)")
    Library.open(path, import_bundled=False).close()
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    writer.execute("ATTACH DATABASE ? AS scratch", (str(scratch),))
    with transaction(writer, main_table=main_table):
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
        beside = sqlite3.connect(scratch, isolation_level=None, timeout=0)
        if main_table is None:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                beside.execute("INSERT INTO rows VALUES (1)")
        else:
            beside.execute("INSERT INTO rows VALUES (1)")
            assert writer.execute("SELECT count(*) FROM scratch.rows").fetchone() == (1,)
        beside.close()
    writer.close()
