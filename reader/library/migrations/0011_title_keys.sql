-- Related links that carry only a title find their stored article by title
-- (reader.library.titles): each article keeps its title folded
-- (reader.library.normalize.title_key), and folded without a trailing site
-- name when it has one. Both are looked up by equality, the first also by
-- prefix (titles cut short with "..."), hence the indexes.
-- The keys are computed in Python: a library upgraded from an earlier schema gets them
-- on its next open (reader.library.indexing.ensure_index).
ALTER TABLE articles ADD COLUMN title_key TEXT;
ALTER TABLE articles ADD COLUMN title_base_key TEXT;
CREATE INDEX articles_by_title_key ON articles (title_key);
CREATE INDEX articles_by_title_base_key ON articles (title_base_key)
    WHERE title_base_key IS NOT NULL;
