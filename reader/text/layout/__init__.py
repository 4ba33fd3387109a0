"""Paragraphs to terminal-ready lines, with maps between screen and logical text.

The pipeline, per paragraph (UAX #9 reorders per *line*, with the levels of
the whole paragraph):

1. sanitize; newlines inside a paragraph become spaces;
2. base direction (P2/P3; a paragraph without strong letters takes the
   document's direction) and embedding levels of the whole paragraph
   (``app`` mode only);
3. shape in logical order (:mod:`reader.text.shaping`), keeping a map from
   each shaped char to its logical index; unshaped text loses its ZWJ, which
   rich.cells would miscount (:mod:`reader.text.wrap`);
4. -- the steps above do not depend on the width and are cached --
5. wrap the shaped text at spaces by cell width (its words are measured once,
   with the other width-independent work);
6. ``app`` mode: reorder each line (L1-L3, marks after their base), mirror
   characters at odd levels (L4); ``terminal`` mode: keep logical order for a
   terminal that does bidi and shaping itself;
7. drop bidi controls (terminals draw them as boxes or as nothing).

``Line.visual_to_logical`` maps every char of ``Line.text`` to the index in the
paragraph's sanitized text (:attr:`Document.paragraphs`) of the char it draws
(a lam-alef ligature maps to its lam).
"""

from reader.text.layout.document import Document, layout_text, split_paragraphs
from reader.text.layout.line import Line
from reader.text.layout.options import MODES, LayoutOptions

__all__ = ["MODES", "Document", "LayoutOptions", "Line", "layout_text", "split_paragraphs"]
