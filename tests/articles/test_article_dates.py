"""Article dates: one stored form, and the date an address gives when the page declares none."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reader.articles.dates import canonical_date, url_date
from reader.articles.parse import parse_bytes, parse_path
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("found", "stored"),
    [
        ("2015-08-11 14:14:37", "2015-08-11T14:14:37"),  # SaudiNewsNet's date_extracted
        ("2015-08-11T14:14:37", "2015-08-11T14:14:37"),
        ("2020-12-24T23:59:50+00:00", "2020-12-24T23:59:50"),  # elbaladtv's meta
        ("2026-01-08T11:42:50Z", "2026-01-08T11:42:50"),  # LBCI's meta
        ("2019-02-08T00:00:00+01:00", "2019-02-08T00:00:00"),  # assabah: the page's day kept
        ("2021-09-24T08:00:00.123+0200", "2021-09-24T08:00:00"),
        ("2021-09-24T08:00", "2021-09-24T08:00:00"),
        (" 2021-09-24 ", "2021-09-24"),
        ("2015/8/1 9:05", "2015-08-01T09:05:00"),
        ("24 Sept 2021", None),
        ("الثلاثاء 11 أغسطس 2015", None),
        ("11/08/2015", None),  # day first or month first: not told apart
        ("2015-02-30", None),
        ("2015-08-11T25:00:00", None),
        ("2015-08-11T10:00:00 and more", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_date(found: str | None, stored: str | None) -> None:
    assert canonical_date(found) == stored


def test_stored_dates_sort_as_text_in_time_order() -> None:
    found = [
        "2026-01-08T11:42:50Z",
        "2013-08-03",
        "2015-08-11 14:14:37",
        "2015-08-11",
        "2015-08-11T09:05",
        "2019-02-08T00:00:00+01:00",
        "2015-08-11T13:41:28",
    ]
    stored = sorted((canonical_date(value) for value in found), reverse=True)
    assert stored == [
        "2026-01-08T11:42:50",
        "2019-02-08T00:00:00",
        "2015-08-11T14:14:37",
        "2015-08-11T13:41:28",
        "2015-08-11T09:05:00",
        "2015-08-11",  # the day alone: after the timed dates of its day
        "2013-08-03",
    ]


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", "2013-08-03"),
        ("https://www.youm7.com/story/2020/8/24/وزير-الرى-يشهد/4943459", "2020-08-24"),
        ("http://www.aleqt.com/2015/08/11/article_980701.html", "2015-08-11"),
        ("http://www.al-jazirah.com/2015/20150811/ln22.htm", "2015-08-11"),
        ("http://www.okaz.com.sa/new/Issues/20150811/Con20150811788841.htm", "2015-08-11"),
        ("https://example.com/news/2021-09-24-some-title", "2021-09-24"),
        ("https://www.lbcgroup.tv/news/lifestyle/898682/lbci-lebanon-articles/ar", None),
        ("http://www.alriyadh.com/1074350", None),
        ("http://www.assabah.com.tn/article/164913/slug", None),
        ("http://www.spa.gov.sa/details.php?id=1386986", None),
        ("https://example.com/2015/13/40/x", None),  # no such month
        ("https://example.com/2015/08/", None),  # a month is not a day
        ("https://example.com/archive/2099/01/01/x", None),  # not yet published
        ("not a url at all", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, day: str | None) -> None:
    assert url_date(url, today=date(2026, 11, 29)) == day


def test_url_dates_of_the_corpus_agree_with_its_dates() -> None:
    """Every address in the 300 articles that gives a day gives the day the record
    has (all were collected on 2015-08-11); the others give none (no false dates)."""
    path = shared_path("corpus", "saudinewsnet-300.jsonl")
    found = 0
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        day = url_date(record["url"])
        if day is not None:
            assert day == record["date_extracted"][:10], record["url"]
            found += 1
    assert found == 87  # aljazirah 33, okaz 28, aleqtisadiya 26


def test_cnn_arabic_date_comes_from_its_address() -> None:
    """The page declares no date; trafilatura guesses 2013-01-01 from the year alone,
    while the canonical address says /2013/middle_east/8/3/."""
    [article] = parse_path(shared_path("corpus", "html", "cnn_arabic_goose3.html"))
    assert article.url == "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"
    assert article.date == "2013-08-03"


PAGE = (
    '<!DOCTYPE html><html lang="ar"><head><title>عنوان الخبر</title>{head}</head><body>'
    "<article><h1>عنوان الخبر</h1><p>{body}</p></article></body></html>"
)
BODY = "نص عربي طويل بما يكفي ليعد نصا لمقال إخباري كامل. " * 20
CANONICAL = '<link rel="canonical" href="https://example.com/2021/09/20/slug/">'
DECLARED = '<meta property="article:published_time" content="2021-09-24T10:00:00+03:00">'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (CANONICAL + DECLARED, "2021-09-24T10:00:00"),  # the markup's date first
        (CANONICAL, "2021-09-20"),  # then the address's
    ],
)
def test_declared_date_then_address_date(head: str, expected: str) -> None:
    [article] = parse_bytes(PAGE.format(head=head, body=BODY).encode(), "page.html")
    assert article.date == expected


def test_json_dates_take_the_stored_form() -> None:
    records = [
        {"title": "أ", "content": "نص", "date_extracted": "2015-08-11 14:14:37"},
        {"title": "ب", "content": "نص", "date": "2020-12-24T23:59:50+00:00"},
        {"title": "ج", "content": "نص", "date": "أمس", "date_extracted": "2015-08-11 13:41:28"},
        {"title": "د", "content": "نص", "url": "http://www.aleqt.com/2015/08/11/article_1.html"},
        {"title": "هـ", "content": "نص", "date": "أمس"},
    ]
    text = "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    dates = [article.date for article in parse_bytes(text.encode(), "dates.jsonl")]
    assert dates == [
        "2015-08-11T14:14:37",
        "2020-12-24T23:59:50",
        "2015-08-11T13:41:28",  # the first field that reads as a date
        "2015-08-11",  # none given: the address's day
        None,
    ]
