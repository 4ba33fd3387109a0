"""The comment form of a saved HTML page.

WordPress prints ``<form id="commentform" class="comment-form"
action=".../wp-comments-post.php">`` inside ``#respond``, with the heading
``#reply-title`` (holding a hidden "cancel reply" link) and the note
``.comment-notes``. Other systems name their forms differently, so any form
whose id or class mentions "comment" is taken, WordPress's first. Fields are
the named controls a reader fills in, in page order (hidden inputs and buttons
are not); a field is required when it has ``required``/``aria-required`` or
its label carries the required marker ``*``.
"""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import html as lxml_html

from reader.articles.fields import clean_line
from reader.articles.furniture import Furniture, Kind
from reader.articles.model import CommentForm
from reader.articles.wordpress import post_id_from_url

_FORM_XPATH = (
    "//form[contains(translate(@id, 'COMMENT', 'comment'), 'comment')"
    " or contains(translate(@class, 'COMMENT', 'comment'), 'comment')]"
)
_NOT_FIELDS = {"hidden", "submit", "button", "reset", "image"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "legend")
_REQUIRED_MARKERS = ("*", "(مطلوب)", "(required)")


def find_comment_form(
    root: lxml_html.HtmlElement, phrases: Furniture, page_url: str | None = None
) -> CommentForm | None:
    """The page's comment form, or None when it has none."""
    forms = root.xpath(_FORM_XPATH)
    if not forms:
        return None
    forms.sort(key=lambda form: not _is_wordpress(form))
    form = forms[0]
    fields, required = _fields(form)
    if not fields:
        return None
    action = form.get("action")
    return CommentForm(
        kind="wordpress" if _is_wordpress(form) else "other",
        heading=_heading(form, phrases),
        note=_note(form, phrases),
        fields=tuple(fields),
        required=tuple(required),
        action=clean_line(urljoin(page_url or "", action.strip())) if action else None,
        post_id=_post_id(root, form),
    )


def _post_id(root: lxml_html.HtmlElement, form: lxml_html.HtmlElement) -> int | None:
    """The WordPress post the form comments on: its hidden ``comment_post_ID``, else the
    page's shortlink ``<link rel="shortlink" href="https://site/?p=123">``."""
    for control in form.iter("input"):
        if control.get("name") == "comment_post_ID":
            value = (control.get("value") or "").strip()
            if value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
                return int(value)
    for href in root.xpath("//link[@rel='shortlink']/@href"):
        found = post_id_from_url(str(href).strip())
        if found is not None:
            return found
    return None


def _is_wordpress(form: lxml_html.HtmlElement) -> bool:
    action = form.get("action") or ""
    return form.get("id") == "commentform" or action.rstrip("/").endswith("wp-comments-post.php")


def _fields(form: lxml_html.HtmlElement) -> tuple[list[str], list[str]]:
    fields: list[str] = []
    required: list[str] = []
    for control in form.iter("input", "textarea", "select"):
        name = clean_line(control.get("name"))
        if not name or name in fields:
            continue
        if control.tag == "input" and (control.get("type") or "text").lower() in _NOT_FIELDS:
            continue
        fields.append(name)
        if _is_required(form, control):
            required.append(name)
    return fields, required


def _is_required(form: lxml_html.HtmlElement, control: lxml_html.HtmlElement) -> bool:
    if control.get("required") is not None:
        return True
    if (control.get("aria-required") or "").lower() == "true":
        return True
    label = _label_text(form, control)
    return any(marker in label for marker in _REQUIRED_MARKERS)


def _label_text(form: lxml_html.HtmlElement, control: lxml_html.HtmlElement) -> str:
    control_id = control.get("id")
    if control_id:
        for label in form.iter("label"):
            if label.get("for") == control_id:
                return str(label.text_content())
    for parent in control.iterancestors():
        if parent.tag == "label":
            return str(parent.text_content())
        if parent is form:
            break
    return ""


def _heading(form: lxml_html.HtmlElement, phrases: Furniture) -> str:
    """``#reply-title`` without its cancel link, else the nearest heading before the form."""
    container = form.getparent()
    for _ in range(3):
        if container is None:
            break
        for element in container.iter(*_HEADINGS):
            if element.get("id") == "reply-title" or "comment-reply-title" in (
                element.get("class") or ""
            ):
                return clean_line(_text_without_links(element))
        container = container.getparent()
    for element in form.itersiblings(preceding=True):
        if element.tag in _HEADINGS:
            return clean_line(element.text_content())
        inner = list(element.iter(*_HEADINGS))
        if inner:
            return clean_line(inner[-1].text_content())
    for element in form.iter(*_HEADINGS):
        if phrases.kind(element.text_content()) is Kind.COMMENT:
            return clean_line(element.text_content())
    return ""


def _note(form: lxml_html.HtmlElement, phrases: Furniture) -> str:
    for element in form.iter():
        if "comment-notes" in (element.get("class") or ""):
            return clean_line(element.text_content())
    for element in form.iter("p", "div", "span"):
        text = element.text_content()
        if phrases.kind(text) is Kind.COMMENT_NOTE:
            return clean_line(text)
    return ""


def _text_without_links(element: lxml_html.HtmlElement) -> str:
    """Text of *element* leaving out links and ``<small>`` (the hidden "cancel reply")."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("a", "small"):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)
