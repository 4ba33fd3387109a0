"""Line order: the strategies that put one line's characters in display order.

Each returns the same result for the lines it takes (the tests hold them equal); they
differ in how much work a line costs:

- :mod:`.general`: rules L1-L4 character by character, for any line;
- :mod:`.runs`: the same by whole-line maps, for paragraphs without bidi controls;
- :mod:`.uniform`: a line all at the paragraph's level: a slice of the paragraph
  (left to right) or of its cluster-reversed text (right to left);
- :mod:`.logical`: ``terminal`` mode, logical order for a terminal that reorders.
"""
