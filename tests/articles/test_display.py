"""How an article's parts read once laid out: the header's metadata line, the shared key
terms of a related one."""

from __future__ import annotations

import pytest

from reader.articles.display import header_paragraphs, terms_line
from reader.articles.model import Article
from reader.cli.columns import text_lines
from reader.i18n import Translator
from reader.library.models import RelatedItem
from reader.text.layout import Document, LayoutOptions
from reader.ui.labels import Labels


@pytest.mark.parametrize(("terms", "shown"), [
    # Right to left: آبل first from the right, then iPad, "mini 4", جهاز; each comma
    # between two terms (joined plainly, "iPad، mini 4" ran together, comma inside).
    (("آبل", "iPad", "mini 4", "جهاز"), "ﺯﺎﻬﺟ ،mini 4 ،iPad ،ﻞﺑﺁ"),
    (("iPad", "mini 4", "Apple"), "iPad, mini 4, Apple"),
    (("إيران", "النووي", "طهران"), "ﻥﺍﺮﻬﻃ ،ﻱﻭﻮﻨﻟﺍ ،ﻥﺍﺮﻳﺇ"),
])
def test_the_related_commands_terms_read_in_their_own_direction(
        terms: tuple[str, ...], shown: str) -> None:
    [line] = text_lines(terms_line(terms), 60, LayoutOptions(width=60))
    assert line.strip() == shown


def test_a_term_cannot_steer_the_line() -> None:
    """A term carrying its own bidi controls (a hostile article's words) is sanitized
    before it is isolated: its PDI cannot close the isolate around it."""
    line = terms_line(["\u2069\u202eabc", "نص"])
    assert "\u202e" not in line and line.count("\u2069") == 2


def _meta(article: Article, mode: str = "app") -> str:
    meta = header_paragraphs(article)[1]
    [line] = Document([meta], article.direction).paragraph_lines(
        0, LayoutOptions(width=80, mode=mode))
    return line.text


@pytest.mark.parametrize(("source", "author", "direction", "shown"), [
    # an Arabic source and a Latin author: the source first from the right
    ("الوطن", "John Smith", "rtl", "John Smith · 2015-08-11 14:14 · ﻦﻃﻮﻟﺍ"),
    # a Latin source in a right-to-left line (it came out on the left, date first)
    ("alwatan", None, "rtl", "2015-08-11 14:14 · alwatan"),
    ("alwatan", "محمد", "rtl", "ﺪﻤﺤﻣ · 2015-08-11 14:14 · alwatan"),
    # a left-to-right article with an Arabic source
    ("الوطن", "John Smith", "ltr", "ﻦﻃﻮﻟﺍ · 2015-08-11 14:14 · John Smith"),
])
def test_the_header_line_lists_each_detail_as_a_unit(
        source: str, author: str | None, direction: str, shown: str) -> None:
    article = Article(title="عنوان", paragraphs=["نص"], source=source, author=author,
                      date="2015-08-11T14:14:00", direction=direction)
    assert _meta(article) == shown


def test_the_header_date_takes_the_interfaces_digits() -> None:
    article = Article(title="عنوان", paragraphs=["نص"], source="الوطن", author="John Smith",
                      date="2015-08-11T14:14:00", direction="rtl")
    eastern = Labels(Translator("ar"), "app", "keep", True, "eastern")
    meta = header_paragraphs(article, eastern.number)[1]
    assert "\u2068٢٠١٥-٠٨-١١ ١٤:١٤\u2069" in meta and "John Smith" in meta


def test_a_hostile_source_cannot_steer_the_header_line() -> None:
    article = Article(title="عنوان", paragraphs=["نص"], source="\u2069\u202eevil\x1b[31m",
                      date="2015-08-11", direction="rtl")
    meta = header_paragraphs(article)[1]
    assert "\u202e" not in meta and "\x1b" not in meta and meta.count("\u2069") == 2


def test_the_pane_and_the_command_list_terms_alike() -> None:
    """One home for the terms line: the pane's line is the command's with the bar; the
    terms are the article's words, so a number among them keeps its digits (the pane
    gave "2015" in eastern digits, the command in the article's)."""
    from reader.ui.widgets.related.pane import RelatedPane

    labels = Labels(Translator("en"), "app", "keep", True, "eastern")
    item = RelatedItem("عنوان", None, "0123456789abcdef", 1.0, "similar", 0.3,
                       ("إيران", "2015", "iPad"))
    reason = RelatedPane(labels)._reason(item, 0.3, 60).plain.strip()
    [command] = text_lines(terms_line(item.shared_terms), 60, LayoutOptions(width=60))
    assert reason == command.strip() + " ○○●●●"
    assert "2015" in reason
