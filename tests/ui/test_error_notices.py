"""The app's error notices say the library's and the parsers' words in its language.

Those layers say a problem as a catalogue :class:`reader.i18n.Sentence`; the app says it
in the interface language (:meth:`reader.ui.labels.Labels.said`), laid out by the engine
like every label. Before, "no article … in the library" stayed English in the Arabic
interface.
"""

from __future__ import annotations

from typing import Any

import pytest

from reader.errors import InputError
from reader.i18n import Sentence, Translator
from reader.text.decode import decode_text
from reader.ui.labels import Labels
from tests.ui.conftest import make_app, record_notices, settle_library, wait_until


def _labels(lang: str, digits: str = "western") -> Labels:
    return Labels(Translator(lang), "app", "keep", True, digits)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Cannot open the article: no article 'nothing' in the library"),
    ("ar", "ﺔﺒﺘﻜﻤﻟﺍ ﻲﻓ 'nothing' ﻝﺎﻘﻣ ﻻ :ﻝﺎﻘﻤﻟﺍ ﺢﺘﻓ ﺭﺬﻌﺗ"),
])
async def test_opening_an_article_not_in_the_library_says_so_in_the_interfaces_language(
        library: Any, lang: str, expected: str) -> None:
    app = make_app(library, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        said = record_notices(app)
        app.open_article("nothing")
        await wait_until(pilot, lambda: said, "the error's notice")
        assert said == [expected]


def test_a_parsers_problem_names_its_file_and_says_the_rest_in_arabic() -> None:
    try:
        decode_text(b"ab\x00", "ملف.txt")
    except InputError as error:
        problem = error
    said = _labels("ar", "eastern").said(problem)
    assert said == "\u2068ملف.txt\u2069: بيانات ثنائية (بايت NUL عند الموضع \u2068٢\u2069)، لا نص"
    assert _labels("en").said(problem) == \
        "\u2068ملف.txt\u2069: binary data (NUL byte at offset 2), not text"


def test_words_that_are_no_sentence_are_left_to_the_notice_to_sanitize() -> None:
    assert _labels("ar").said(ValueError("disk \x1b[2J full")) == "disk \x1b[2J full"
    assert _labels("ar").said(InputError("x", Sentence("input.empty"))) == \
        "\u2068x\u2069: ملف فارغ (لا مقال فيه)"

