"""Line-break opportunities by UAX #14 (Unicode 15.0.0), the rules as written.

:func:`break_opportunities` is the plain statement of the algorithm, rule by rule, passing
every case of LineBreakTest.txt (the tests). Wrapping needs it only for the few words that
hold something other than letters, digits and ordinary punctuation:
:mod:`reader.text.breaks.words` keeps the answers per word.

Tailoring (what this project decides where UAX #14 lets it):
- Numbers follow Example 7 of UAX #14 section 8.2 (``(PR|PO)? (OP|HY)? NU (NU|SY|IS)*
  (CL|CP)? (PR|PO)?`` never breaks), as the conformance file does: 1,234.50, 11/08/2015 and
  14:20 stay whole.
- A paragraph holds no hard line breaks: the layout splits paragraphs at newlines first, and
  the sanitizer turns the other BK characters into spaces.
- A URL, an e-mail address or a path (:mod:`reader.text.isolates`) has no opportunity
  inside: it stays whole on a line where it fits. One wider than the line is cut after
  its last ``/`` that fits (not between the two of ``//``; the usual typographic
  practice), so a long address breaks where a reader expects it and never inside a
  number (:mod:`reader.text.wrap`).
"""

from __future__ import annotations

from .properties import LINE_BREAK

__all__ = ["break_opportunities", "resolved_classes"]

_HARD = frozenset({"BK", "CR", "LF", "NL"})
_NOT_ABSORBING = frozenset({"BK", "CR", "LF", "NL", "SP", "ZW"})
_NORMAL = {"OPW": "OP", "CPW": "CP", "IDP": "ID"}
_DOTTED_CIRCLE = "\u25cc"
_KOREAN = frozenset({"JL", "JV", "JT", "H2", "H3"})
_LETTERS = frozenset({"AL", "HL"})
_NUMERIC_PREFIX = frozenset({"PR", "PO"})


def resolved_classes(text: str) -> tuple[list[str], list[str], list[int]]:
    """Rules LB9 and LB10 over ``text``: for each character its class as the pair rules
    see it (a mark takes its base's, a mark without a base is AL), the same without
    OPW/CPW/IDP folded into OP/CP/ID, and the index of the character that gave it."""
    raw: list[str] = []
    base: list[int] = []
    for i, ch in enumerate(text):
        cls = LINE_BREAK[ch]
        if cls in ("CM", "ZWJ"):
            before = LINE_BREAK[text[i - 1]] if i else "SP"
            if i and before not in _NOT_ABSORBING:  # LB9: X (CM | ZWJ)* as X
                raw.append(raw[i - 1])
                base.append(base[i - 1])
                continue
            cls = "AL"  # LB10
        raw.append(cls)
        base.append(i)
    effective = [_NORMAL.get(cls, cls) for cls in raw]
    return effective, raw, base


def break_opportunities(text: str) -> list[int]:
    """Offsets ``0 < i < len(text)`` where a line may break before ``text[i]`` (the
    mandatory breaks after BK, CR, LF and NL included)."""
    if len(text) < 2:
        return []
    original = list(map(LINE_BREAK.__getitem__, text))
    eff, raw, base = resolved_classes(text)
    found = []
    for i in range(1, len(text)):
        if _breaks(text, i, original, eff, raw, base):
            found.append(i)
    return found


def _before_spaces(eff: list[str], base: list[int], i: int) -> str:
    """The class before the spaces that end just before ``i`` (the X of ``X SP*``)."""
    j = base[i - 1]
    while j > 0 and eff[j] == "SP":
        j = base[j - 1]
    return eff[j]


def _previous(base: list[int], j: int) -> int:
    """The base before base ``j``, or -1."""
    return base[j - 1] if j > 0 else -1


def _breaks(  # one branch per rule, in the rules' order
    text: str, i: int, original: list[str], eff: list[str], raw: list[str], base: list[int]
) -> bool:
    a, b = original[i - 1], original[i]
    if a == "BK":
        return True  # LB4
    if a == "CR" and b == "LF":
        return False  # LB5
    if a in ("CR", "LF", "NL"):
        return True  # LB5
    if b in _HARD or b in ("SP", "ZW"):
        return False  # LB6, LB7
    j = i - 1
    while j > 0 and original[j] == "SP":
        j -= 1
    if original[j] == "ZW":
        return True  # LB8
    if a == "ZWJ":
        return False  # LB8a
    if b in ("CM", "ZWJ") and a not in _NOT_ABSORBING:
        return False  # LB9
    before, after = eff[i - 1], eff[i]
    if before == "WJ" or after == "WJ":
        return False  # LB11
    if before == "GL":
        return False  # LB12
    if after == "GL" and before not in ("SP", "BA", "HY"):
        return False  # LB12a
    if after in ("CL", "CP", "EX", "IS", "SY"):
        return False  # LB13
    spaced = _before_spaces(eff, base, i)
    if spaced == "OP":
        return False  # LB14
    if after == "OP" and spaced == "QU":
        return False  # LB15
    if after == "NS" and spaced in ("CL", "CP"):
        return False  # LB16
    if after == "B2" and spaced == "B2":
        return False  # LB17
    if before == "SP":
        return True  # LB18
    if before == "QU" or after == "QU":
        return False  # LB19
    if before == "CB" or after == "CB":
        return True  # LB20
    if after in ("BA", "HY", "NS") or before == "BB":
        return False  # LB21
    if before in ("HY", "BA"):
        k = _previous(base, base[i - 1])
        if k >= 0 and eff[k] == "HL":
            return False  # LB21a
    if before == "SY" and after == "HL":
        return False  # LB21b
    if after == "IN":
        return False  # LB22
    if (before in _LETTERS and after == "NU") or (before == "NU" and after in _LETTERS):
        return False  # LB23
    if before == "PR" and after in ("ID", "EB", "EM"):
        return False  # LB23a
    if before in ("ID", "EB", "EM") and after == "PO":
        return False  # LB23a
    if (before in _NUMERIC_PREFIX and after in _LETTERS) or (
        before in _LETTERS and after in _NUMERIC_PREFIX
    ):
        return False  # LB24
    if _in_number(i, eff, base):
        return False  # LB25
    if (before in _KOREAN or after in _KOREAN) and (
        (before == "JL" and after in ("JL", "JV", "H2", "H3"))
        or (before in ("JV", "H2") and after in ("JV", "JT"))
        or (before in ("JT", "H3") and after == "JT")
        or (before in _KOREAN and after == "PO")
        or (before == "PR" and after in _KOREAN)
    ):
        return False  # LB26, LB27
    if before in _LETTERS and after in _LETTERS:
        return False  # LB28
    if _brahmic_joins(text, i, eff, base):
        return False  # LB28a
    if before == "IS" and after in _LETTERS:
        return False  # LB29
    if (before in ("AL", "HL", "NU") and raw[i] == "OP") or (
        raw[i - 1] == "CP" and after in ("AL", "HL", "NU")
    ):
        return False  # LB30
    if before == after == "RI":
        count = 0
        k = base[i - 1]
        while k >= 0 and eff[k] == "RI":
            count += 1
            k = _previous(base, k)
        if count % 2:
            return False  # LB30a
    # LB30b (EB x EM, unassigned ExtPict x EM), else LB31
    return not (after == "EM" and (before == "EB" or raw[i - 1] == "IDP"))


def _in_number(i: int, eff: list[str], base: list[int]) -> bool:
    """Whether ``i`` is inside ``(PR|PO)? (OP|HY)? NU (NU|SY|IS)* (CL|CP)? (PR|PO)?``."""
    before, after = eff[i - 1], eff[i]
    if after == "NU":
        if before in ("PR", "PO", "OP", "HY"):
            return True
        if before in ("NU", "SY", "IS"):
            k = base[i - 1]
            while k >= 0 and eff[k] in ("SY", "IS"):
                k = _previous(base, k)
            return k >= 0 and eff[k] == "NU"
        return False
    if before in ("PR", "PO") and after in ("OP", "HY"):
        k = i + 1
        while k < len(eff) and base[k] == i:  # the marks of OP/HY
            k += 1
        return k < len(eff) and eff[k] == "NU"
    if after in ("PR", "PO"):
        k = base[i - 1]
        if eff[k] in ("CL", "CP"):
            k = _previous(base, k)
        while k >= 0 and eff[k] in ("SY", "IS"):
            k = _previous(base, k)
        return k >= 0 and eff[k] == "NU"
    return False


def _brahmic_joins(text: str, i: int, eff: list[str], base: list[int]) -> bool:
    """LB28a (new in 15.0): orthographic syllables of Brahmic scripts stay whole."""
    before, after = eff[i - 1], eff[i]

    def akshara(k: int) -> bool:  # AK, the dotted circle, or AS
        return k >= 0 and (eff[k] in ("AK", "AS") or text[k] == _DOTTED_CIRCLE)

    after_akshara = eff[i] in ("AK", "AS") or text[i] == _DOTTED_CIRCLE
    if before == "AP" and after_akshara:
        return True
    prior = base[i - 1]
    if akshara(prior) and after in ("VF", "VI"):
        return True
    if before == "VI" and akshara(_previous(base, prior)) and (
        after == "AK" or text[i] == _DOTTED_CIRCLE
    ):
        return True
    if akshara(prior) and after_akshara:
        k = i + 1
        while k < len(eff) and base[k] == i:
            k += 1
        return k < len(eff) and eff[k] == "VF"
    return False
