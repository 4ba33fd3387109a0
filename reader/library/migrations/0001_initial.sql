-- Articles, the related links their pages listed, and the reader's saved state.
-- `key` is the stable integer row id the search index refers to; `id` is the
-- content id (reader.articles.model.Article.content_id) shown to the user.
CREATE TABLE articles (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    breadcrumbs  TEXT NOT NULL DEFAULT '[]',      -- JSON array of strings
    date         TEXT,                             -- ISO 8601 as found
    author       TEXT,
    source       TEXT,
    url          TEXT,
    direction    TEXT NOT NULL DEFAULT 'rtl' CHECK (direction IN ('rtl', 'ltr')),
    format       TEXT,
    origin       TEXT,
    body         TEXT NOT NULL,                    -- paragraphs joined by newlines
    comment_form TEXT,                             -- JSON object, or NULL
    imported_at  TEXT NOT NULL,                    -- UTC ISO 8601
    content_hash TEXT NOT NULL UNIQUE              -- SHA-256 of title and paragraphs
);
CREATE INDEX articles_newest_first ON articles (date DESC, imported_at DESC);
CREATE INDEX articles_by_url ON articles (url);

CREATE TABLE related_links (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    url        TEXT,
    target_id  TEXT,              -- a stored article, when the page's link names one
    PRIMARY KEY (article_id, position)
);

-- Preferences, reading positions, last article: JSON values by key.
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
