"""Catalogue sentences said below the interface: English as text, any language where shown.

The parsers, the import and the library do not know the interface's language; they say
a problem as a :class:`reader.i18n.Sentence`. Read from the code: none of them hands a
literal sentence of English to an error or a report any more, and every key they say is
in the catalogue.
"""

from __future__ import annotations

import ast
import pickle
import re
from functools import partial
from pathlib import Path

import pytest

from reader.i18n import STRINGS, Sentence, message, spoken
from reader.text.bidi import classify

READER = Path(__file__).resolve().parents[2] / "reader"
#: The layers below the interface whose words reach people.
BELOW_THE_INTERFACE = [*sorted((READER / "articles").glob("*.py")),
                       *sorted((READER / "library").glob("*.py")),
                       READER / "text" / "decode.py", READER / "comments" / "store.py"]
#: Where a layer's words reach people: errors raised, problems reported, notes written.
REPORTING = {"InputError", "ImportProblem", "ReaderError", "LegacyEncoding", "_BadItem",
             "note", "AmbiguousIdError", "LibraryError", "CorruptLibraryError",
             "ReadOnlyLibraryError", "NewerLibraryError", "UsageError", "BulkIndexFailed",
             "send",  # the index's second process telling the importer what failed
             "__init__"}  # an error's own words, handed to its base class


def _sentence_keys(tree: ast.AST) -> list[str]:
    return [call.args[0].value for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Sentence"
            and call.args and isinstance(call.args[0], ast.Constant)]


def _literal_words(node: ast.expr) -> bool:
    """Whether *node* is English written in place: a literal or an f-string, also as a
    part of a tuple sent on, or made into the interface's own text (``InterfaceText``)
    in place, which no language would ever change."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " " in node.value.strip()
    if isinstance(node, ast.Tuple):
        return any(_literal_words(part) for part in node.elts)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "InterfaceText":
        return any(_literal_words(part) for part in node.args)
    # an f-string of words ("… for {name}"), not one of punctuation ("{source}: {problem}")
    return isinstance(node, ast.JoinedStr) and any(
        isinstance(part, ast.Constant) and re.search("[A-Za-z]{2}", str(part.value))
        for part in node.values)


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_arabic_sentence_opens_right_to_left(key: str) -> None:
    """Its first strong letter, values aside (isolates, which rule P2 skips), is Arabic:
    laid out alone (after "rtl-reader: ", as a help text) the sentence reads from the
    right ("JSON غير صالح ..." and "N نتيجة على الأكثر" came out left to right)."""
    words = re.sub(r"\{[^}]*\}", "", STRINGS[key]["ar"])
    first = re.search("[LRA]", classify(words))
    assert first is None or first.group() in "RA", STRINGS[key]["ar"]  # none: the values


def test_the_sentence_is_its_english_text_and_keeps_its_key() -> None:
    said = Sentence("cli.input.binary", offset=3)
    assert said == "binary data (NUL byte at offset 3), not text"
    assert (said.key, said.values) == ("cli.input.binary", {"offset": 3})
    assert type(said + "") is str  # a change gives plain English, never half a sentence


def test_spoken_says_a_sentence_and_its_inner_ones_in_the_language_asked() -> None:
    inner = Sentence("input.invalid_utf8_byte", byte=12)
    said = Sentence("input.line", line=4, problem=inner)
    assert said == "line 4: invalid UTF-8 at byte 12"
    assert spoken(said, partial(message, "ar")) == "السطر 4: ترميز UTF-8 غير صالح عند البايت 12"
    assert spoken("plain words", partial(message, "ar")) == "plain words"


def test_a_sentence_crosses_a_process_boundary_whole() -> None:
    said = Sentence("input.item", item=2, problem=Sentence("input.json_no_title_or_text"))
    again = pickle.loads(pickle.dumps(said))
    assert again == said and isinstance(again, Sentence)
    assert spoken(again, partial(message, "ar")) == "العنصر 2: لا عنوان ولا نص"


@pytest.mark.parametrize("path", BELOW_THE_INTERFACE, ids=lambda path: path.name)
def test_every_key_said_below_the_interface_is_in_the_catalogue(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert set(_sentence_keys(tree)) <= set(STRINGS)


@pytest.mark.parametrize("path", BELOW_THE_INTERFACE, ids=lambda path: path.name)
def test_no_english_sentence_is_written_in_place_for_people(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offenders = []
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        skipped = name == "append" and getattr(func.value, "attr", "") == "skipped"  # type: ignore[attr-defined]
        if name in REPORTING or skipped:
            offenders += [f"{path.name}:{call.lineno}" for arg in call.args
                          if _literal_words(arg)]
    assert offenders == []
