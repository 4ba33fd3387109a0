"""Text segmentation by Unicode's rules (Unicode 15.0.0): grapheme clusters (UAX #29) and
line-break opportunities (UAX #14), from tables generated out of the Unicode data files.

- :mod:`.graphemes`: the one definition of a character cluster (caret, Backspace,
  wrapping, highlighting, widths);
- :mod:`.lines`: UAX #14 as written (its tailoring is listed there);
- :mod:`.words`: the same answers per space-separated word, cached, for wrapping.
"""
