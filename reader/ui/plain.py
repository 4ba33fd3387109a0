"""Untrusted text into Textual as plain text, never as markup: the one place it happens.

Textual parses its content markup in ``notify()`` messages, border titles and
subtitles, and strings given to ``Static``/``Label`` (``[/]`` raises MarkupError and
kills the app, ``[@click=app.quit]`` runs an action on a click, ``[link=…]`` opens a
hyperlink). Article fields, related titles and addresses, file names, queries, draft
text and exception messages all reach those places, often formatted into an
interface message. So no call site hands Textual a string: the interface's text is
built here, as :class:`textual.content.Content` whose text is exactly the string
(no markup parsed, no style from the text itself), or as a notification sent with
markup off. ``tests/ui/test_plain_text_rule.py`` checks the code for any other way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual.content import Content

if TYPE_CHECKING:
    from textual.app import App

Severity = Literal["information", "warning", "error"]


def plain(text: str) -> Content:
    """*text* exactly as it is (already laid out for display), with no markup parsed."""
    return Content(text)


def notice(app: App[object], text: str, *, severity: Severity = "information",
           timeout: float | None = None) -> None:
    """Show *text* (display-ready, untrusted parts and all) as a notification, literally."""
    if timeout is None:
        app.notify(text, severity=severity, markup=False)
    else:
        app.notify(text, severity=severity, timeout=timeout, markup=False)
