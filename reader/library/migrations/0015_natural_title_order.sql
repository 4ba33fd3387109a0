-- Titles with numbers sort by the numbers' values: "(1217)" before "(10217)", in
-- Western and Eastern Arabic digits alike (reader.library.normalize.title_order
-- writes each run of digits after its length, so SQLite's order of the text is the
-- order of the numbers; the list stays keyset-paged over articles_by_title_order).
-- The keys are made again on the next open (reader.library.indexing.ensure_index).
UPDATE articles SET title_order = NULL;
