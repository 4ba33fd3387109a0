"""Display preferences: saved ones read defensively, the command line over them."""

from __future__ import annotations

from reader.ui.settings import Settings, merge_command_line


def test_saved_preferences_ignore_junk_and_the_command_line_wins() -> None:
    saved = Settings.from_state(
        {"bidi": "terminal", "measure": 9999, "harakat": "strip", "colour": "red", "lang": "ar"}
    )
    assert (saved.bidi, saved.harakat, saved.lang) == ("terminal", "strip", "ar")
    assert saved.measure == Settings().measure  # out of range: ignored
    merged = merge_command_line(saved, bidi="app", harakat=None, shape=False, measure=60,
                                lang=None)
    assert (merged.bidi, merged.harakat, merged.shape, merged.measure, merged.lang) == (
        "app", "strip", False, 60, "ar")
    assert Settings.from_state(merged.to_state()) == merged
    assert Settings.from_state("not a dict").bidi == "auto"


def test_digits_are_a_saved_preference_western_by_default() -> None:
    assert Settings().digits == "western"
    saved = Settings.from_state({"digits": "eastern"})
    assert saved.digits == "eastern"
    assert Settings.from_state({"digits": "roman"}).digits == "western"  # junk: ignored
    assert merge_command_line(saved, digits="western").digits == "western"
    assert Settings.from_state(saved.to_state()) == saved
