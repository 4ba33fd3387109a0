"""The general implementation of UAX #9 rules P2-I2, written to follow the text of the rules.

It handles everything (explicit embeddings and overrides, isolates, the depth limit of 125,
bracket pairs) one character at a time, so it is slow; :mod:`.fast` handles the common
paragraphs at C speed and is tested to agree with this module.
"""

from __future__ import annotations

from .classes import ISOLATE_INITIATORS, REMOVED_BY_X9
from .mirroring import CLOSING_BRACKETS, OPENING_BRACKETS

MAX_DEPTH = 125
_BRACKET_STACK_LIMIT = 63
_STRONG = "LRA"
_NI = "BSWO6789"


def first_strong_level(classes: str, start: int = 0, end: int | None = None) -> int | None:
    """Rules P2/P3: 0 or 1 from the first strong letter, skipping isolated text; None if none.

    Stops at the end of an isolate started before *start* (a PDI with no initiator in range),
    which is what FSI (rule X5c) needs.
    """
    depth = 0
    stop = len(classes) if end is None else end
    for i in range(start, stop):
        code = classes[i]
        if code in ISOLATE_INITIATORS:
            depth += 1
        elif code == "9":
            if depth == 0:
                if start > 0:
                    return None
                continue
            depth -= 1
        elif code == "B":
            return None
        elif depth == 0:
            if code == "L":
                return 0
            if code in "RA":
                return 1
    return None


def matching_pdis(classes: str) -> dict[int, int]:
    """BD9: the index of the matching PDI of each isolate initiator that has one."""
    matches: dict[int, int] = {}
    open_initiators: list[int] = []
    for i, code in enumerate(classes):
        if code in ISOLATE_INITIATORS:
            open_initiators.append(i)
        elif code == "9":
            if open_initiators:
                matches[open_initiators.pop()] = i
        elif code == "B":
            open_initiators.clear()
    return matches


def explicit_levels(
    classes: str, base_level: int, pdi_of: dict[int, int]
) -> tuple[list[int], list[str]]:
    """Rules X1-X8: embedding level and (override-adjusted) class of each character.

    *pdi_of* is :func:`matching_pdis` of *classes*.
    """
    n = len(classes)
    levels = [base_level] * n
    types = list(classes)
    # Stack entries: (level, override code or "", isolate status).
    stack: list[tuple[int, str, bool]] = [(base_level, "", False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i, code in enumerate(classes):
        level, override, _ = stack[-1]
        if code in "1234":  # LRE LRO RLE RLO (X2-X5)
            levels[i] = level
            new_level = (level + 1) | 1 if code in "34" else (level + 2) & ~1
            if new_level <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                stack.append((new_level, {"2": "L", "4": "R"}.get(code, ""), False))
            elif overflow_isolates == 0:
                overflow_embeddings += 1
        elif code in ISOLATE_INITIATORS:  # X5a-X5c
            levels[i] = level
            if override:
                types[i] = override
            rtl = code == "7"
            if code == "8":
                end = pdi_of.get(i, n)
                rtl = first_strong_level(classes, i + 1, end) == 1
            new_level = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new_level <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                valid_isolates += 1
                stack.append((new_level, "", True))
            else:
                overflow_isolates += 1
        elif code == "9":  # X6a
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _ = stack[-1]
            levels[i] = level
            if override:
                types[i] = override
        elif code == "5":  # X7
            levels[i] = level
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) >= 2:
                stack.pop()
        elif code == "B":  # X8
            levels[i] = base_level
            stack[1:] = []
            overflow_isolates = overflow_embeddings = valid_isolates = 0
        elif code == "b":
            levels[i] = level
        else:  # X6
            levels[i] = level
            if override:
                types[i] = override
    return levels, types


def isolating_run_sequences(
    classes: str, levels: list[int], pdi_of: dict[int, int]
) -> list[list[int]]:
    """BD13/X10: index lists of the isolating run sequences (X9-removed characters left out)."""
    runs: list[list[int]] = []
    previous_level = -1
    for i, code in enumerate(classes):
        if code in REMOVED_BY_X9:
            continue
        if levels[i] != previous_level or not runs:
            runs.append([i])
            previous_level = levels[i]
        else:
            runs[-1].append(i)
    run_starting_at = {run[0]: run for run in runs}
    sequences: list[list[int]] = []
    continued: set[int] = set()
    for run in runs:
        if run[0] in continued:
            continue
        sequence = list(run)
        while classes[sequence[-1]] in ISOLATE_INITIATORS and sequence[-1] in pdi_of:
            pdi = pdi_of[sequence[-1]]
            following = run_starting_at.get(pdi)
            if following is None:
                break
            continued.add(pdi)
            sequence.extend(following)
        sequences.append(sequence)
    return sequences


def _direction(level: int) -> str:
    return "R" if level & 1 else "L"


def resolve_sequence(
    sequence: list[int], text: str, classes: str, levels: list[int], types: list[str],
    base_level: int, resolved: list[int],
) -> None:
    """Rules W1-I2 on one isolating run sequence: writes its levels into *resolved*.

    *levels* are the explicit levels (X1-X8), which sos and eos are computed from.
    """
    n = len(classes)
    first, last = sequence[0], sequence[-1]
    level = levels[first]
    before = first - 1
    while before >= 0 and classes[before] in REMOVED_BY_X9:
        before -= 1
    sos = _direction(max(level, levels[before] if before >= 0 else base_level))
    if classes[last] in ISOLATE_INITIATORS:
        after_level = base_level
    else:
        after = last + 1
        while after < n and classes[after] in REMOVED_BY_X9:
            after += 1
        after_level = levels[after] if after < n else base_level
    eos = _direction(max(level, after_level))
    t = [types[i] for i in sequence]
    count = len(t)
    present = set(t)  # rules about classes that are absent are skipped (same result)

    # W1: NSM takes the class of what precedes it (ON after an isolate initiator or PDI).
    for k in range(count if "m" in present else 0):
        if t[k] == "m":
            if k == 0:
                t[k] = sos
            elif t[k - 1] in "6789":
                t[k] = "O"
            else:
                t[k] = t[k - 1]
    # W2: EN after AL (as the last strong) becomes AN. W3: AL becomes R.
    present = set(t)
    last_strong = sos
    for k in range(count if "A" in present and "E" in present else 0):
        if t[k] in _STRONG:
            last_strong = t[k]
        elif t[k] == "E" and last_strong == "A":
            t[k] = "n"
    for k in range(count if "A" in present else 0):
        if t[k] == "A":
            t[k] = "R"
    # W4: a single separator between two numbers of the same type joins them.
    for k in range(1, count - 1 if "s" in present or "c" in present else 1):
        if t[k] == "s" and t[k - 1] == "E" and t[k + 1] == "E":
            t[k] = "E"
        elif t[k] == "c" and t[k - 1] == t[k + 1] and t[k - 1] in "En":
            t[k] = t[k - 1]
    # W5: terminators next to European numbers become European numbers.
    k = 0 if "t" in present else count
    while k < count:
        if t[k] == "t":
            end = k
            while end < count and t[end] == "t":
                end += 1
            if (k > 0 and t[k - 1] == "E") or (end < count and t[end] == "E"):
                for j in range(k, end):
                    t[j] = "E"
            k = end
        else:
            k += 1
    # W6: remaining separators and terminators are neutral.
    for k in range(count if present & {"s", "t", "c"} else 0):
        if t[k] in "stc":
            t[k] = "O"
    # W7: EN after L (as the last strong) becomes L.
    last_strong = sos
    for k in range(count if "E" in present or "t" in present or "s" in present else 0):
        if t[k] in "LR":
            last_strong = t[k]
        elif t[k] == "E" and last_strong == "L":
            t[k] = "L"

    embedding = _direction(level)
    if "O" in present or "m" in present:
        _resolve_brackets(sequence, text, classes, t, sos, embedding)

    # N1/N2: neutrals between two strong runs of one direction take it, else the embedding's.
    k = 0
    while k < count:
        if t[k] in _NI:
            end = k
            while end < count and t[end] in _NI:
                end += 1
            before_dir = sos if k == 0 else ("L" if t[k - 1] == "L" else "R")
            after_dir = eos if end == count else ("L" if t[end] == "L" else "R")
            fill = before_dir if before_dir == after_dir else embedding
            for j in range(k, end):
                t[j] = fill
            k = end
        else:
            k += 1
    # I1/I2.
    for k, index in enumerate(sequence):
        kind = t[k]
        if level & 1:
            resolved[index] = level + 1 if kind in "LEn" else level
        elif kind == "R":
            resolved[index] = level + 1
        elif kind in "En":
            resolved[index] = level + 2
        else:
            resolved[index] = level


def _strong_direction(kind: str) -> str:
    """N0 and N1 treat EN and AN as R."""
    if kind == "L":
        return "L"
    if kind in "REn":
        return "R"
    return ""


def bracket_pairs(sequence: list[int], text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: positions (in *sequence*) of the bracket pairs, sorted by opening position."""
    stack: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []
    for k, index in enumerate(sequence):
        if types[k] != "O":
            continue
        ch = text[index]
        key = OPENING_BRACKETS.get(ch)
        if key is not None:
            if len(stack) == _BRACKET_STACK_LIMIT:
                break
            stack.append((key, k))
            continue
        key = CLOSING_BRACKETS.get(ch)
        if key is None:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == key:
                pairs.append((stack[depth][1], k))
                del stack[depth:]
                break
    pairs.sort()
    return pairs


def _resolve_brackets(
    sequence: list[int], text: str, classes: str, t: list[str], sos: str, embedding: str,
) -> None:
    """N0: bracket pairs take the embedding direction, or the context's, from their content."""
    pairs = bracket_pairs(sequence, text, t)
    for opening, closing in pairs:
        inside = {_strong_direction(t[k]) for k in range(opening + 1, closing)} - {""}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            context = sos
            for k in range(opening - 1, -1, -1):
                found = _strong_direction(t[k])
                if found:
                    context = found
                    break
            direction = context  # the opposite direction if the context has it, else e
        for k in (opening, closing):
            t[k] = direction
            j = k + 1
            while j < len(t) and classes[sequence[j]] == "m":
                t[j] = direction
                j += 1


def resolve_levels(text: str, classes: str, base_level: int) -> bytearray:
    """All of X1-I2 for one paragraph; X9-removed characters get the preceding level."""
    pdi_of = matching_pdis(classes)
    levels, types = explicit_levels(classes, base_level, pdi_of)
    resolved = list(levels)
    for sequence in isolating_run_sequences(classes, levels, pdi_of):
        resolve_sequence(sequence, text, classes, levels, types, base_level, resolved)
    levels = resolved
    previous = base_level
    for i, code in enumerate(classes):
        if code in REMOVED_BY_X9:
            levels[i] = previous
        else:
            previous = levels[i]
    return bytearray(levels)
