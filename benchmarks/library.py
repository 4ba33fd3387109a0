"""Library benchmarks: import, search and related-article latency, and the index choice.

Run from the checkout root: ``python benchmarks/library.py [--articles 10000]``.
Needs ../shared/corpus/saudinewsnet-300.jsonl. Prints figures, each against a
reference measured in the same run:

- import of the 300-article JSONL file (target < 3 s), against SQLite inserting
  the same articles' text with no parsing, normalising or indexing;
- search latency p50/p95 over a library of N articles built from the corpus
  (target p95 < 20 ms), against a bare FTS5 query on the same index (no query
  parsing, no snippets);
- related-articles latency (target < 50 ms), each article of the large library
  listing five related links by title alone (the saved-page and JSON case: found
  through the stored title keys), the title lookups also timed alone; listing
  the large library whole, and a page of it in each order (the library screen);
- the search index: light-stem readings (what the library uses) against the
  trigram tokenizer, on the 300 articles: build time, size, latency, and what the
  folds the library promises find.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.articles.model import RelatedLink  # noqa: E402
from reader.articles.parse import parse_path  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.library.indexing import build_index_row  # noqa: E402
from reader.library.links import stored_links  # noqa: E402
from reader.library.normalize import normalize  # noqa: E402
from reader.library.search import Query  # noqa: E402
from reader.library.stemming import search_forms  # noqa: E402
from reader.library.storage import insert_article  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-300.jsonl"
QUERIES = [
    "اسرائيل",
    "عقد",
    "الاتفاق",
    "النووي",
    "إيران",
    "النفط",
    "وزير الخارجية",
    "الملك سلمان",
    "داعش",
    "اليمن",
    "الهلال",
    "السعودية",
    "المملكة",
    "أسعار النفط",
    "كأس العالم",
    "التعليم",
    "مجلس الأمن",
    "الحوثيين",
    "الجبير",
    "رفسنجاني",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_import(workdir: Path) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    with Library.open(workdir / "import.sqlite3", import_bundled=False) as library:
        report = library.import_paths([CORPUS])
    ours, ours_cpu = time.perf_counter() - started, time.process_time() - cpu

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    connection = sqlite3.connect(workdir / "reference.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (title TEXT, body TEXT)")
    for row in rows:
        connection.execute("BEGIN")
        connection.execute("INSERT INTO t VALUES (?, ?)", (row["title"], row["content"]))
        connection.execute("COMMIT")
    connection.close()
    reference = time.perf_counter() - started
    print(
        f"import 300-article JSONL: {ours:.2f} s wall, {ours_cpu:.2f} s CPU (target < 3 s): "
        f"{report.summary()}"
    )
    print(
        f"  reference, bare inserts of the same text: {reference:.3f} s (x{ours / reference:.0f})"
    )


def title_links(titles: list[str], index: int) -> list[RelatedLink]:
    """Five related links by title alone, as saved pages keep them: another article's
    title as stored, with a site name, with harakat and tatweel, cut short with an
    ellipsis (often fitting several numbered variants: no match), and one that
    matches nothing."""
    pick = [titles[(index * 7 + step * 31) % len(titles)] for step in range(4)]
    return [
        RelatedLink(pick[0]),
        RelatedLink(f"{pick[1]} - الرياض"),
        RelatedLink(pick[2].replace("ا", "اَ").replace("ل", "لـ")),
        RelatedLink(" ".join(pick[3].split()[:4]) + "…"),
        RelatedLink(f"عنوان لا يطابق شيئا {index}"),
    ]


def build_large_library(path: Path, size: int) -> Library:
    """A library of *size* articles: the corpus, then variants of it (paragraphs rotated,
    numbered titles) so that each is a distinct article of realistic text, each with
    five related links by title (:func:`title_links`)."""
    articles = parse_path(CORPUS)
    titles = [article.title for article in articles]
    library = Library.open(path, import_bundled=False)
    started = time.perf_counter()
    count = 0
    round_ = 0
    while count < size:
        for article in articles:
            if count >= size:
                break
            paragraphs = article.paragraphs
            if round_:
                shift = round_ % max(1, len(paragraphs))
                paragraphs = [*paragraphs[shift:], *paragraphs[:shift], f"نسخة {round_}"]
            variant = replace(
                article,
                title=f"{article.title} {round_}" if round_ else article.title,
                paragraphs=paragraphs,
                related=title_links(titles, count),
                id="",
            )
            variant.id = variant.content_id()
            insert_article(library.connection, variant)
            count += 1
        round_ += 1
    elapsed = time.perf_counter() - started
    print(f"built {size:,} articles in {elapsed:.1f} s ({elapsed / size * 1000:.2f} ms an article)")
    return library


def bench_search(library: Library, repeats: int) -> None:
    connection = library.connection
    for query in QUERIES:  # warm caches once
        library.search(query)
    ours, ours_cpu, bare = [], [], []
    for _ in range(repeats):
        for query in QUERIES:
            started, cpu = time.perf_counter(), time.process_time()
            library.search(query, limit=20)
            ours.append(time.perf_counter() - started)
            ours_cpu.append(time.process_time() - cpu)
            expression = " AND ".join(f'"{w}"' for w in Query.parse(query).words)
            started = time.perf_counter()
            connection.execute(
                "SELECT rowid FROM article_search WHERE article_search MATCH ? "
                "ORDER BY rank LIMIT 20",
                (expression,),
            ).fetchall()
            bare.append(time.perf_counter() - started)
    p50, p95 = percentile(ours, 0.5), percentile(ours, 0.95)
    print(
        f"search ({len(ours)} queries, limit 20): p50 {ms(p50)}, p95 {ms(p95)} wall; "
        f"CPU p50 {ms(percentile(ours_cpu, 0.5))}, p95 {ms(percentile(ours_cpu, 0.95))} "
        "(target p95 < 20 ms)"
    )
    print(
        f"  reference, bare FTS5 query of the normalised words: p50 {ms(percentile(bare, 0.5))}, "
        f"p95 {ms(percentile(bare, 0.95))} (x{p95 / percentile(bare, 0.95):.1f} at p95)"
    )


def bench_list(library: Library) -> None:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        count = len(library.list_articles())
        times.append(time.perf_counter() - started)
    print(f"list {count:,} articles: median {ms(statistics.median(times))}")


def bench_pages(library: Library) -> None:
    """The library screen's reads: one page of 100 rows at the start, middle and end of
    each order, against reading the whole list (what the screen did before paging)."""
    from reader.library import listing

    connection = library.connection
    total = listing.count(connection)
    whole = []
    for _ in range(3):
        started = time.perf_counter()
        library.list_articles()
        whole.append(time.perf_counter() - started)
    reference = statistics.median(whole)
    print(f"library list of {total:,} articles, whole (the reference): {ms(reference)}")
    for sort in listing.SORTS:
        times = []
        for offset in (0, total // 2, max(0, total - 100)):
            started = time.perf_counter()
            rows = listing.page(connection, sort, offset, 100)
            times.append(time.perf_counter() - started)
        started = time.perf_counter()
        listing.position(connection, sort, rows[-1].id)
        where = time.perf_counter() - started
        print(
            f"  page of 100 by {sort}: start {ms(times[0])}, middle {ms(times[1])}, "
            f"end {ms(times[2])} (x{reference / max(times[0], 1e-9):.0f} faster than whole at "
            f"the start); an article's position {ms(where)}"
        )


def bench_related(library: Library, samples: int) -> None:
    ids = [row[0] for row in library.connection.execute("SELECT id FROM articles")]
    chosen = random.Random(7).sample(ids, min(samples, len(ids)))
    library.related(chosen[0])
    times, cpu_times, link_times, link_cpu_times = [], [], [], []
    resolved = links = 0
    for article_id in chosen:
        started, cpu = time.perf_counter(), time.process_time()
        items = library.related(article_id, top=10)
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu)
        started, cpu = time.perf_counter(), time.process_time()
        stored_links(library.connection, article_id)
        link_times.append(time.perf_counter() - started)
        link_cpu_times.append(time.process_time() - cpu)
        page_links = [item for item in items if item.kind == "stored"]
        links += len(page_links)
        resolved += sum(1 for item in page_links if item.article_id)
    print(
        f"related ({len(times)} articles, top 10): p50 {ms(percentile(times, 0.5))}, "
        f"p95 {ms(percentile(times, 0.95))}, max {ms(max(times))} wall; "
        f"CPU p50 {ms(percentile(cpu_times, 0.5))}, p95 {ms(percentile(cpu_times, 0.95))} "
        "(target < 50 ms)"
    )
    print(
        f"  of which the page's links by title: p50 {ms(percentile(link_times, 0.5))}, "
        f"p95 {ms(percentile(link_times, 0.95))} wall; CPU p50 "
        f"{ms(percentile(link_cpu_times, 0.5))}, p95 {ms(percentile(link_cpu_times, 0.95))} "
        f"({resolved} of {links} links resolved)"
    )


def related_quality(workdir: Path) -> None:
    """The seed's related articles against the corpus's Iran-nuclear articles."""
    from reader.resources import seed_article_path

    with Library.open(workdir / "quality.sqlite3", import_bundled=False) as library:
        library.import_paths([CORPUS])
        seed = library.resolve(str(seed_article_path()))
        urls = dict(library.connection.execute("SELECT id, url FROM articles"))
        wanted = set()
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = normalize(record["title"] + " " + record["content"])
            if "ايران" in text and "نووي" in text:
                wanted.add(record["url"])
        ranked = [urls[item.article_id] in wanted for item in library.related(seed.id, top=300)]
    found, precision_sum = 0, 0.0
    for rank, hit in enumerate(ranked, 1):
        if hit:
            found += 1
            precision_sum += found / rank
    positions = [i + 1 for i, hit in enumerate(ranked) if hit]
    print(
        f"related quality for the seed: {sum(ranked[: len(wanted)])}/{len(wanted)} Iran-nuclear "
        f"articles in the top {len(wanted)}, average precision {precision_sum / len(wanted):.3f}, "
        f"ranks {positions}"
    )


def related_floor(workdir: Path) -> None:
    """Precision and recall of the related list's floor, over the thirteen seeds whose
    related articles are known: the seed and the corpus's twelve Iran-nuclear articles,
    each related to the twelve others. Also how many articles each corpus article keeps."""
    from reader.library import related as related_module
    from reader.resources import seed_article_path

    with Library.open(workdir / "quality.sqlite3", import_bundled=False) as library:
        seed = library.resolve(str(seed_article_path()))
        urls = dict(library.connection.execute("SELECT id, url FROM articles"))
        wanted = {seed.id}
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = normalize(record["title"] + " " + record["content"])
            if "ايران" in text and "نووي" in text:
                wanted |= {i for i, u in urls.items() if u == record["url"]}
        floor = related_module.RELEVANCE_FLOOR
        related_module.RELEVANCE_FLOOR = 0.0
        try:
            shares: dict[str, list[tuple[str, float]]] = {}
            for article_id in urls:
                items = library.related(article_id, top=300)
                shares[article_id] = [(i.article_id or "", i.relevance or 0.0) for i in items]
        finally:
            related_module.RELEVANCE_FLOOR = floor
    pairs = len(wanted) * (len(wanted) - 1)
    print(
        f"related floor: {len(wanted)} seeds with known related articles ({pairs} pairs); "
        f"the library's floor is {floor}"
    )
    for candidate in (0.10, 0.14, 0.16, 0.17, 0.18, 0.20, 0.25):
        listed = [
            (other, share) for s in wanted for other, share in shares[s] if share >= candidate
        ]
        right = sum(1 for other, _share in listed if other in wanted)
        kept = sorted(sum(1 for _o, share in shares[s] if share >= candidate) for s in shares)
        print(
            f"  floor {candidate:.2f}: recall {right / pairs:.2f}, precision "
            f"{right / max(1, len(listed)):.2f}; over all {len(kept)} articles as seeds, "
            f"articles listed: median {kept[len(kept) // 2]}, none for {kept.count(0)}"
        )
    seed_shares = shares[seed.id]
    inside = [share for other, share in seed_shares if other in wanted]
    outside = [share for other, share in seed_shares if other not in wanted]
    print(
        f"  the seed: its {len(inside)} Iran-nuclear neighbours have relevance "
        f"{min(inside):.3f}-{max(inside):.3f}; the best of the rest {max(outside):.3f}"
    )


def _build_index(path: Path, create: str, rows: list[tuple[str, ...]]) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    started = time.perf_counter()
    connection.execute(create)
    connection.execute("BEGIN")
    marks = ", ".join("?" * len(rows[0]))
    connection.executemany(f"INSERT INTO t VALUES ({marks})", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.execute("VACUUM")
    connection.close()
    return elapsed


def _query_index(path: Path, expressions: dict[str, str]) -> tuple[float, dict[str, int]]:
    connection = sqlite3.connect(path)
    times, counts = [], {}
    for query, expression in expressions.items():
        started = time.perf_counter()
        counts[query] = len(
            connection.execute(
                "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT 1000", (expression,)
            ).fetchall()
        )
        times.append(time.perf_counter() - started)
    connection.close()
    return statistics.median(times), counts


def bench_index_choice(workdir: Path) -> None:
    """Light-stem readings (the library) against FTS5's trigram tokenizer, same 300 texts,
    index tables alone, bare MATCH queries."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    queries = ("عقد", "الاتفاق", "اسرائيل", "مصر", "في")

    started = time.perf_counter()
    index_rows = [build_index_row(r["title"], r["content"]) for r in records]
    stem_rows = [(row.title, row.body, row.forms) for row in index_rows]
    stem_python = time.perf_counter() - started
    stem_path = workdir / "stem.sqlite3"
    stem_build = stem_python + _build_index(
        stem_path,
        "CREATE VIRTUAL TABLE t USING fts5 (title, body, forms, "
        "tokenize = 'unicode61 remove_diacritics 2')",
        stem_rows,
    )
    stem_p50, stem_counts = _query_index(
        stem_path, {q: Query.parse(q).match_expression() for q in queries}
    )

    started = time.perf_counter()
    tri_rows = [(normalize(r["title"]), normalize(r["content"])) for r in records]
    tri_python = time.perf_counter() - started
    tri_path = workdir / "trigram.sqlite3"
    tri_build = tri_python + _build_index(
        tri_path, "CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'trigram')", tri_rows
    )
    tri_p50, tri_counts = _query_index(tri_path, {q: f'"{normalize(q)}"' for q in queries})

    texts = [row[1] for row in tri_rows]
    as_word = {
        i
        for i, text in enumerate(texts)
        for word in Query.parse(text).words
        if "عقد" in search_forms(word)
    }
    as_substring = {i for i, t in enumerate(texts) if "عقد" in t}
    print("index choice, 300 articles, index tables alone (light-stem is the library's):")
    print(
        f"  light-stem: build {stem_build:.2f} s (normalising and stemming {stem_python:.2f} s), "
        f"{stem_path.stat().st_size / 1e6:.1f} MB, query p50 {ms(stem_p50)}, hits {stem_counts}"
    )
    print(
        f"  trigram:    build {tri_build:.2f} s (normalising {tri_python:.2f} s), "
        f"{tri_path.stat().st_size / 1e6:.1f} MB, query p50 {ms(tri_p50)}, hits {tri_counts}"
    )
    print(
        f"  'عقد' is a word (any prefix or suffix) in {len(as_word)} articles and a substring "
        f"in {len(as_substring)}: trigram also matches معقد, عقدة, العقود...; it cannot look "
        "up words under 3 letters ('في'). Light-stem misses nothing the folds promise."
    )


def machine_load() -> str:
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="size of the large library")
    parser.add_argument("--repeats", type=int, default=5, help="passes over the query list")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent")
    print(f"SQLite {sqlite3.sqlite_version}, {machine_load()} (wall times grow with load)")
    with tempfile.TemporaryDirectory(prefix="rtl-reader-bench-") as tmp:
        workdir = Path(tmp)
        bench_import(workdir)
        related_quality(workdir)
        related_floor(workdir)
        bench_index_choice(workdir)
        library = build_large_library(workdir / "large.sqlite3", args.articles)
        with library:
            bench_search(library, args.repeats)
            bench_related(library, 50)
            bench_list(library)
            bench_pages(library)


if __name__ == "__main__":
    main()
