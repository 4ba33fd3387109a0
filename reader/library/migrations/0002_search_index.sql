-- Full-text search and related-article statistics over the NORMALISED text
-- (reader.library.normalize); the articles table keeps the original.
-- The tables are filled from Python (normalising needs Python), so a library
-- upgraded from schema 1 is indexed on its next open.

-- title/body: normalised words; forms: the other readings of each word (without
-- its prefixes, stemmed: reader.library.stemming.search_forms), so that
-- `الاتفاق` finds `والاتفاق`.
CREATE VIRTUAL TABLE article_search USING fts5 (
    title, body, forms,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- One stemmed term per word, stop words left out: candidates for related articles.
CREATE VIRTUAL TABLE article_terms USING fts5 (
    terms,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Document frequency of each term, for TF-IDF weights without scanning the index.
-- Updated once per import for all its articles (search_index.counted): updating it
-- per article rewrote most of its pages at every commit, half the import's writes.
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Which articles are indexed, by which version of the normaliser, with how many
-- terms, and whether their terms are counted in term_df yet.
CREATE TABLE search_index (
    article_key INTEGER PRIMARY KEY REFERENCES articles (key) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    term_count  INTEGER NOT NULL,
    counted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX search_index_uncounted ON search_index (article_key) WHERE counted = 0;
