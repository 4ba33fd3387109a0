-- Comment drafts: one current draft per article, kept offline until sent.
-- `revision` is bumped by every save; a save names the revision it started
-- from, so an instance holding an older one is told instead of overwriting
-- (compare-and-swap). The loser of such a race is kept in draft_conflicts.
CREATE TABLE IF NOT EXISTS drafts (
    article_id    TEXT PRIMARY KEY,
    comment       TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    remember      INTEGER NOT NULL DEFAULT 0,
    ready         INTEGER NOT NULL DEFAULT 0,
    revision      INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    article_title TEXT,
    article_url   TEXT,
    post_id       INTEGER
);

-- Versions of a draft that lost a conflicting save: nothing typed is dropped.
CREATE TABLE IF NOT EXISTS draft_conflicts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  TEXT NOT NULL,
    comment     TEXT NOT NULL,
    author      TEXT NOT NULL,
    email       TEXT NOT NULL,
    url         TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    kept_at     TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS draft_conflicts_article ON draft_conflicts (article_id);

-- The commenter remembered by "save my name, e-mail and website" (one row).
CREATE TABLE IF NOT EXISTS comment_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    author     TEXT NOT NULL,
    email      TEXT NOT NULL,
    url        TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
