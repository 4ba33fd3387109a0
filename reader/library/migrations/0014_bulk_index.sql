-- A faster search index, and titles sorted word by word.
--
-- The search index holds each article's folded words one space apart (Python folds
-- and splits them: reader.library.indexing), read by FTS5's plain `ascii`
-- tokenizer, which splits at the spaces and nothing else: the Unicode tokenizer
-- classified every character again, a third of an import's time. It keeps no copy
-- of the text (content = ''): search folds the body of the hits it shows, and a
-- deleted article's words are given back to FTS5 ('delete'). Larger in-memory
-- segments (hashsize) spare most of the merging a 100,000-article import did.
-- The terms keep their text: related articles read it.
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5 (
    title, body, forms,
    tokenize = 'ascii', content = ''
);
INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 33554432);
DROP TABLE article_terms;
CREATE VIRTUAL TABLE article_terms USING fts5 (terms, tokenize = 'ascii');
INSERT INTO article_terms (article_terms, rank) VALUES ('hashsize', 16777216);
-- Re-indexed on the next open (reader.library.indexing.ensure_index).
DELETE FROM term_df;
DELETE FROM search_index;

-- The list by title sorted by the title key (reader.library.normalize.title_key),
-- which runs the words together: "116 مليون" came before "11 ألف". It sorts by the
-- words one space apart (normalize.title_order), filled in on the next open.
ALTER TABLE articles ADD COLUMN title_order TEXT;
DROP INDEX articles_by_title_order;
CREATE INDEX articles_by_title_order ON articles (title_order, key, id, title, date, source);

-- The terms' document frequencies, read from the terms index itself when a whole
-- library's are counted at once (reader.library.indexing.count_new_terms).
CREATE VIRTUAL TABLE article_terms_vocab USING fts5vocab (article_terms, 'row');
