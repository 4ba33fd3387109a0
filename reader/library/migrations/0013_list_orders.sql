-- The library screen lists articles a page at a time in one of three orders, each
-- read from a covering index in that order (no sort of the whole table per page:
-- a 100,000-article library shows its first rows at once). Newest first has
-- articles_list (0003). By title: the folded title key (reader.library.normalize
-- .title_key: harakat, hamza seats, tatweel and spacing folded, so titles sort as
-- a reader of Arabic expects). By source: newest first within each source.
CREATE INDEX articles_by_title_order ON articles (title_key, key, id, title, date, source);
CREATE INDEX articles_by_source_order
    ON articles (source, date DESC, imported_at DESC, key DESC, id, title);
