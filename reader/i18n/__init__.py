"""The interface's words: one catalogue of plain templates and one lookup.

A leaf package (it imports nothing else of the reader), so the command line, the
screens and the comment model can all use it without an import pointing upward.
"""

from reader.i18n.catalogue import STRINGS
from reader.i18n.lookup import LANGUAGES, Translator, default_language, message, template
from reader.i18n.sentence import Sentence, spoken

__all__ = ["LANGUAGES", "STRINGS", "Sentence", "Translator", "default_language", "message",
           "spoken", "template"]
