"""The article header's metadata line on the reading screen: built from isolates, the
date in the interface's digits, made anew when the digits change."""

from __future__ import annotations

import json
from pathlib import Path

from reader.library import Library
from reader.ui.widgets.article import ArticleView
from tests.ui.conftest import make_app, settle_reading

ARTICLE = {"source": "الوطن", "url": "http://example.com/a/1", "author": "John Smith",
           "date_extracted": "2015-08-11 14:14:37", "title": "مدير الجوازات",
           "content": "أعرب مدير عام الجوازات عن بالغ حزنه."}


async def test_the_header_date_follows_a_digits_change(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3") as library:
        (article_id,) = library.import_paths([source]).imported
        app = make_app(library, article_id=article_id, lang="ar")
        async with app.run_test(size=(120, 35)) as pilot:
            await settle_reading(pilot)
            meta = app.screen.query_one(ArticleView).document.paragraphs[1]
            assert "2015-08-11 14:14" in meta and "John Smith" in meta
            app.change(digits="eastern")
            await settle_reading(pilot)
            meta = app.screen.query_one(ArticleView).document.paragraphs[1]
            assert "٢٠١٥-٠٨-١١ ١٤:١٤" in meta and "John Smith" in meta
            # the line is drawn as the library's: the source first from the right
            view = app.screen.query_one(ArticleView)
            lines = view.document.paragraph_lines(1, view._options())
            assert lines[0].text == "John Smith · ١٤:١٤ ١١-٠٨-٢٠١٥ · ﻦﻃﻮﻟﺍ"
