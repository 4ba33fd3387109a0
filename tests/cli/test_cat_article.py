"""``rtl-reader cat ARTICLE``: a file read as an article, a library id, ``--raw``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.articles import parse_path
from reader.articles.display import article_paragraphs
from reader.text.layout import LayoutOptions, layout_text
from tests.conftest import REPO_ROOT

SEED = REPO_ROOT / "assets" / "articles" / "000_ea300a519c8a66f3.txt"


def cat(*args: str, library: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["RTL_READER_LIBRARY"] = str(library)
    return subprocess.run(
        [sys.executable, "-m", "reader", "cat", "--width", "5000", "--bidi", "terminal", *args],
        capture_output=True, cwd=REPO_ROOT, env=env, timeout=120, text=True, encoding="utf-8",
    )


def test_seed_prints_title_metadata_and_body_without_page_furniture(tmp_path: Path) -> None:
    result = cat(str(SEED), library=tmp_path / "lib.sqlite3")
    assert result.returncode == 0, result.stderr
    paragraphs = [p for p in result.stdout.split("\n") if p]
    (article,) = parse_path(SEED)
    assert paragraphs[0] == article.title
    # the metadata line is the interface's: its isolates go to a terminal that orders
    assert paragraphs[1] == "\u2067العالم\u2069 › \u2067رئيسي\u2069"
    assert paragraphs[2:] == article.paragraphs
    for furniture in ("اترك تعليقاً", "زر الذهاب إلى الأعلى", "مقالات ذات صلة"):
        assert furniture not in result.stdout
    assert not (tmp_path / "lib.sqlite3").exists(), "cat must not create or fill a library"


def test_raw_lays_the_file_out_as_it_is(tmp_path: Path) -> None:
    result = cat("--raw", str(SEED), library=tmp_path / "lib.sqlite3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "العالمرئيسي"  # the page's own first line
    assert "زر الذهاب إلى الأعلى" in result.stdout


def test_library_id_prints_the_stored_article(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    listing = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(SEED)], capture_output=True, cwd=REPO_ROOT,
        env={**os.environ, "RTL_READER_LIBRARY": str(library)}, timeout=120,
    )
    assert listing.returncode == 0, listing.stderr
    (article,) = parse_path(SEED)
    by_id = cat(article.id, library=library)
    by_path = cat(str(SEED), library=library)
    assert by_id.returncode == 0, by_id.stderr
    assert by_id.stdout == by_path.stdout


def test_unknown_id_is_one_clear_line(tmp_path: Path) -> None:
    result = cat("feedbeef", library=tmp_path / "lib.sqlite3")
    assert result.returncode == 1
    assert result.stderr == "rtl-reader: feedbeef: no such article id in the library, nor a file\n"


def test_json_lines_print_every_article_with_related_links(tmp_path: Path) -> None:
    records = [
        {"title": "عنوان أول", "content": "نص أول", "url": "https://example.com/1",
         "source": "site", "date_extracted": "2015-08-11 10:00:00", "author": None},
        {"title": "عنوان ثان", "content": "نص ثان", "url": "https://example.com/2",
         "source": "site", "date_extracted": "2015-08-11 11:00:00", "author": None},
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    result = cat(str(path), library=tmp_path / "lib.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "عنوان أول" in result.stdout and "عنوان ثان" in result.stdout
    assert "─" * 5000 in result.stdout


def test_related_links_follow_the_body_under_a_heading() -> None:
    from reader.articles import Article, RelatedLink

    article = Article(title="عنوان", paragraphs=["نص"],
                      related=[RelatedLink("خبر آخر", url="https://example.com/x")])
    paragraphs = article_paragraphs(article)
    assert paragraphs[-2:] == ["مقالات ذات صلة", "• خبر آخر — https://example.com/x"]
    # and the engine lays the link line out with the address reading left to right
    (line,) = layout_text(paragraphs[-1], LayoutOptions(width=80))
    assert "https://example.com/x" in line.text


def test_a_link_to_a_stored_article_shows_its_id_before_its_address() -> None:
    """What ``related`` prints too: the id ``cat`` takes, else the address; both sanitized."""
    from reader.articles import Article, RelatedLink

    article = Article(title="عنوان", paragraphs=["نص"], related=[
        RelatedLink("خبر مخزن", url="https://example.com/x", article_id="0f95803fabac5ecc"),
        RelatedLink("خبر بعنوانه", article_id="0f95803fabac5ecc"),
        RelatedLink("خبر بعنوان فقط"),
        RelatedLink("خبر\x1b[31m", url="https://example.com/\x1b]0;x\x07y"),
    ])
    assert article_paragraphs(article)[-4:] == [
        "• خبر مخزن — 0f95803fabac5ecc",
        "• خبر بعنوانه — 0f95803fabac5ecc",
        "• خبر بعنوان فقط",
        "• خبر — https://example.com/y",
    ]
