-- The related-article terms index keeps no copy of its text, as the search index
-- does not since 0014. Its text was a quarter of a library (280 MB of 1.16 GB at
-- 100,000 articles), written, copied and checkpointed by every big import. The
-- terms are made again from the article's text where they are read
-- (reader.library.indexing.index_terms: related articles, counting a few new
-- articles' document frequencies) and a deleted article's terms are given back to
-- FTS5 ('delete'), as its words are.
--
-- The new table is filled from the old one's text, so the terms, their document
-- frequencies (term_df) and the index rows (search_index) are unchanged: nothing is
-- indexed again.
CREATE VIRTUAL TABLE article_terms_new USING fts5 (terms, tokenize = 'ascii', content = '');
INSERT INTO article_terms_new (article_terms_new, rank) VALUES ('hashsize', 16777216);
INSERT INTO article_terms_new (rowid, terms) SELECT rowid, terms FROM article_terms;
DROP TABLE article_terms_vocab;
DROP TABLE article_terms;
ALTER TABLE article_terms_new RENAME TO article_terms;
CREATE VIRTUAL TABLE article_terms_vocab USING fts5vocab (article_terms, 'row');
