-- Document frequencies are counted once per import for all its articles instead
-- of at each article's commit (which rewrote most of term_df's pages every time,
-- half of an import's writes). `counted` says whether an article's terms are in
-- term_df yet. Articles indexed before this version were counted at their commit.
ALTER TABLE search_index ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
UPDATE search_index SET counted = 1;
CREATE INDEX search_index_uncounted ON search_index (article_key) WHERE counted = 0;
