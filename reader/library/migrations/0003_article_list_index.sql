-- The article list (newest first) read every row of the articles table, bodies
-- included: 150-250 ms for 10,000 articles. A covering index holds all the list
-- needs, in its order (NULL dates sort last in descending order).
DROP INDEX articles_newest_first;
CREATE INDEX articles_list ON articles (date DESC, imported_at DESC, key DESC, id, title, source);
