"""How an article's parts read once laid out: the shared key terms of a related one."""

from __future__ import annotations

import pytest

from reader.articles.display import terms_line
from reader.cli.columns import text_lines
from reader.text.layout import LayoutOptions


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
