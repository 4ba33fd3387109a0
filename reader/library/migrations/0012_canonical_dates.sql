-- Article dates in one form (reader.articles.dates.canonical_date):
-- YYYY-MM-DDTHH:MM:SS when a time is known, YYYY-MM-DD when only the day, no
-- zone. Earlier versions kept dates as found ("2020-08-24T09:23:13Z",
-- "2019-02-08T00:00:00+01:00", "2015-08-11T14:14:37"), which do not sort as
-- text; newest first sorts the stored text. A value that is not a date becomes
-- NULL (unknown), as the parsers now read it.
-- canonical_date() is the parsers' own function, registered by
-- reader.library.database.migrate.
UPDATE articles SET date = canonical_date(date)
    WHERE date IS NOT NULL AND date IS NOT canonical_date(date);
