"""Validation as WordPress does it: required fields, e-mail, URL, limits in UTF-8 bytes."""

from __future__ import annotations

import pytest

from reader.comments.form import MAX_BYTES, CommentDraft, Identity, utf8_len
from reader.comments.validation import is_email, is_website, validate, validate_field

GOOD = CommentDraft(comment="مقال رائع", author="سارة", email="sara@example.com")


def test_a_complete_draft_is_ready():
    assert validate(GOOD).ready
    assert validate(GOOD).errors == []


@pytest.mark.parametrize(
    ("field", "key"),
    [("comment", "error.comment.required"), ("author", "error.author.required"),
     ("email", "error.email.required")],
)
def test_required_fields(field, key):
    draft = GOOD.with_field(field, "   ")
    check = validate(draft)
    assert not check.ready
    assert check.fields[field].error == key


def test_website_is_optional():
    assert validate_field("url", "").error is None


@pytest.mark.parametrize(
    "address",
    ["sara@example.com", "a.b+c@mail.example.org", "x_y@sub-domain.example.co", "o'neil@x.io"],
)
def test_valid_emails(address):
    assert is_email(address)


@pytest.mark.parametrize(
    "address",
    ["sara", "@example.com", "a@b", "sara@example", "sara@@example.com", "sa ra@example.com",
     "sara@exa..mple.com", "سارة@example.com", "sara@مثال.com", "a@b.c", "sara@-.com"],
)
def test_invalid_emails(address):
    assert not is_email(address)
    assert validate_field("email", address).error == "error.email.invalid"


@pytest.mark.parametrize("url", ["https://example.com", "example.com/blog", "http://localhost:8080",
                                  "https://مثال.السعودية/", "http://192.168.1.2/x"])
def test_valid_websites(url):
    assert is_website(url)


@pytest.mark.parametrize("url", ["not a url", "javascript:alert(1)", "ftp://example.com",
                                  "http://", "example", "http://300.1.1.1", "http://x.com:99999"])
def test_invalid_websites(url):
    assert not is_website(url)
    assert validate_field("url", url).error == "error.url.invalid"


def test_limits_are_bytes_not_characters():
    # 122 Arabic letters are 244 bytes: within the name's 245; 123 are 246: over.
    assert validate_field("author", "س" * 122).error is None
    over = validate_field("author", "س" * 123)
    assert over.used == 246 and over.limit == 245
    assert over.error == "error.author.too_long"
    # The same number of Latin letters is fine: the browser's maxlength would be fooled.
    assert validate_field("author", "s" * 123).error is None


def _value_of_bytes(field: str, size: int) -> str:
    """A valid value of exactly *size* UTF-8 bytes (Arabic letters where the field allows)."""
    if field == "email":
        return "a" * (size - len("@example.com")) + "@example.com"
    if field == "url":
        return "https://example.com/" + "a" * (size - len("https://example.com/"))
    return "س" * (size // 2) + "a" * (size % 2)


@pytest.mark.parametrize("field", ["comment", "author", "email", "url"])
def test_each_limit_to_the_byte(field):
    limit = MAX_BYTES[field]
    at_limit = _value_of_bytes(field, limit)
    assert utf8_len(at_limit) == limit
    assert validate_field(field, at_limit).error is None
    one_over = _value_of_bytes(field, limit + 1)
    assert validate_field(field, one_over).error == f"error.{field}.too_long"


def test_comment_limit_counts_harakat_and_emoji():
    text = "عُقد" * 10
    assert utf8_len(text) == 80  # four code points of two bytes each, ten times
    assert utf8_len("😀") == 4
    assert validate_field("comment", "😀" * 16_381 + "a").error is None  # 65,525 bytes
    assert validate_field("comment", "😀" * 16_381 + "ab").error == "error.comment.too_long"


def test_new_draft_takes_the_remembered_identity():
    draft = CommentDraft.new(Identity("سارة", "sara@example.com", "https://example.com"))
    assert (draft.author, draft.email, draft.url, draft.remember) == (
        "سارة", "sara@example.com", "https://example.com", True)
    assert CommentDraft.new(None) == CommentDraft()
