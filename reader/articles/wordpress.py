"""What a WordPress site's addresses tell us: post ids and the REST comments endpoint."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit, urlunsplit


def post_id_from_url(url: str | None) -> int | None:
    """A WordPress post id visible in a URL (``?p=123`` shortlinks), else None."""
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("p")
    if values and values[0].isdigit():
        return int(values[0])
    return None


def rest_endpoint(url: str | None) -> str | None:
    """``https://site/wp-json/wp/v2/comments`` for the article's site, if its URL is known."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc, "/wp-json/wp/v2/comments", "", ""))
