"""Related links that carry only a title resolve to the stored article of that title.

The corpus's 300 titles are the reference: same events reported by several
papers give near-miss titles ("الجبير: تطوير العلاقات مع إيران مشروط بتغير
سياستها" / "الجبير: تطوير علاقتنا مع إيران مرهون بتغيير سياستها"), which must
never be taken for each other.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.articles.model import Article, RelatedLink
from reader.articles.parse import parse_bytes
from reader.cli import main
from reader.library import Library
from reader.library.database import load_migrations, migrate
from reader.library.normalize import title_key, title_words
from reader.library.storage import insert_article
from reader.library.titles import find_titled_article, link_keys, stored_title_keys
from reader.resources import bundled_articles_dir, seed_article_path

HARAKAT = "\u064e\u064f\u0650\u0651\u064b"
TATWEEL = "\u0640"


@pytest.fixture(scope="module")
def corpus_titles(corpus_jsonl: Path) -> list[str]:
    return [json.loads(line)["title"] for line in corpus_jsonl.read_text("utf-8").splitlines()]


@pytest.fixture
def library_copy(corpus_library_path: Path, tmp_path: Path) -> Iterator[Library]:
    """A writable copy of the session's corpus library."""
    path = tmp_path / "copy.sqlite3"
    with Library.open(corpus_library_path) as source:
        source.connection.execute(f"VACUUM INTO '{path}'")
    with Library.open(path) as library:
        yield library


def _title_of(connection: sqlite3.Connection, article_id: str | None) -> str | None:
    if article_id is None:
        return None
    row = connection.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0]


def _with_harakat(title: str) -> str:
    """A haraka after every other Arabic letter, as vocalised headlines have."""
    out = []
    for index, char in enumerate(title):
        out.append(char)
        if "\u0621" <= char <= "\u064a" and index % 2:
            out.append(HARAKAT[index % len(HARAKAT)])
    return "".join(out)


def _with_tatweel(title: str) -> str:
    """Tatweel inside the longest word (between its 2nd and 3rd letters)."""
    longest = max(title.split(), key=len)
    if len(longest) < 4 or not longest.isalpha():
        return title
    return title.replace(longest, longest[:2] + TATWEEL * 3 + longest[2:], 1)


def _bare_alef(title: str) -> str:
    return title.translate(str.maketrans("أإآ", "ااا"))


def _other_punctuation(title: str) -> str:
    """Quotes and punctuation as another site writes them, spaces doubled."""
    swapped = title.translate(str.maketrans({"«": '"', "»": '"', ":": "،", "،": ":"}))
    return '"' + swapped.replace(" ", "  ") + '".'


VARIANTS: dict[str, Callable[[str], str]] = {
    "as stored": lambda t: t,
    "harakat": _with_harakat,
    "tatweel": _with_tatweel,
    "bare alef": _bare_alef,
    "punctuation and spacing": _other_punctuation,
    "site name": lambda t: f"{t} - الشرق الأوسط",
    "site name with a bar": lambda t: f"{t} | صحيفة الوطن السعودية",
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_corpus_title_resolves_from_its_variants(
    corpus_library: Library, corpus_titles: list[str], variant: str
) -> None:
    connection = corpus_library.connection
    change = VARIANTS[variant]
    for title in corpus_titles:
        found = find_titled_article(connection, change(title))
        assert found is not None, (variant, title)
        # the same title (one pair in the corpus differs only by a shadda)
        assert title_key(_title_of(connection, found)) == title_key(title), (variant, title)


def test_cut_corpus_titles_resolve_only_when_one_title_starts_so(
    corpus_library: Library, corpus_titles: list[str]
) -> None:
    """Every corpus title cut after 3, 4, ... words (and mid-word): it resolves to its
    own article when no other title starts the same way, else to nothing."""
    connection = corpus_library.connection
    keys = {title_key(title) for title in corpus_titles}
    resolved = ambiguous = 0
    for title in corpus_titles:
        words = title.split()
        for count in range(3, len(words)):
            for cut, ellipsis in ((" ".join(words[:count]), "..."), (title[: len(title) - 3], "…")):
                if len(title_words(cut)) < 3:
                    continue
                prefix = title_key(cut)
                found = find_titled_article(connection, cut + ellipsis)
                starting = {key for key in keys if key.startswith(prefix)}
                if len(starting) == 1:
                    assert title_key(_title_of(connection, found)) == title_key(title), cut
                    resolved += 1
                else:
                    assert found is None, (cut, starting)
                    ambiguous += 1
    assert resolved > 3000 and ambiguous > 10  # measured: 3,012 and 12


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        # one event, two papers: each title names its own article
        (
            "الجبير: تطوير العلاقات مع إيران مشروط بتغير سياستها",
            "الجبير: تطوير العلاقات مع إيران مشروط بتغير سياستها",
        ),
        (
            "الجبير: تطوير علاقتنا مع إيران مرهون بتغيير سياستها",
            "الجبير: تطوير علاقتنا مع إيران مرهون بتغيير سياستها",
        ),
        ("الجبير: تطوير علاقتنا مع إيران…", "الجبير: تطوير علاقتنا مع إيران مرهون بتغيير سياستها"),
        ("الجبير: تطوير...", None),  # too short to name one
        ("الجبير: تطوير العلاقات مع إيران مرهون بتغير سياستها", None),  # half of each
        ("جيرو لم يفقد وعيه", "جيرو لم يفقد وعيه"),  # not "آرسنال: جيرو لم يفقد وعيه"
        ("آرسنال: جيرو لم يفقد وعيه", "آرسنال: جيرو لم يفقد وعيه"),
        ("وزير الخدمة المدنية", "وزير الخدمة المدنية"),
        ("وزير الخدمة المدنية...", None),  # that title, or the longer one starting so
        ("عام / اهتمامات الصحف…", None),  # الليبية and السودانية
        ("عام / اهتمامات الصحف السود…", "عام / اهتمامات الصحف السودانية"),
        ("عام / اهتمامات الصحف المصرية", None),
        ("أميركا تحاكم أردنيًا", None),  # the rest of the title follows its dash
        ("هيرميون..حين تصارع الأمواج الهائلة", "هيرميون..حين تصارع الأمواج الهائلة - فيديو"),
        (
            "عمر الشريف مكرما في مهرجان القاهرة السينمائي",
            "عمر الشريف «مكرمًا» في مهرجان القاهرة السينمائي",  # not "بعد منحه ..."
        ),
        ("3.5 مليون شاهدوا آخر حلقة", None),  # "... قدمها جون ستيوارت" cut without "..."
        (
            "بندر بن عبد الله يتلقى عدداً من الأوسمة العالمية",
            "بندر بن عبدالله يتلقى عدداً من الأوسمة العالمية",
        ),
        ("النفط يكسب 15 دولار بعد تداولات بمستويات متدنية جديدة", None),  # 1,5 دولار
        ("مانشستر سيتي يضم دي بروين مقابل 4 مليون جنيه", None),  # 46 مليون
    ],
)
def test_near_miss_titles_from_the_corpus(
    corpus_library: Library, link: str, expected: str | None
) -> None:
    connection = corpus_library.connection
    assert _title_of(connection, find_titled_article(connection, link)) == expected


def test_title_keys_ignore_spacing_but_not_numbers() -> None:
    assert title_key("بندر بن عبد الله يتلقى") == title_key("بندر بن عبدالله يتلقى")
    assert title_key("والتلويح بـ «دبلوماسية الجوار»") == title_key("والتلويح بـ«دبلوماسية الجوار»")
    assert title_key("هيرميون..حين تصارع") == title_key("هيرميون حين تصارع")
    assert title_key("النفط يكسب 1,5 دولار") != title_key("النفط يكسب 15 دولار")
    assert title_key("3.5 مليون شاهدوا") != title_key("35 مليون شاهدوا")


def test_site_names_are_told_from_dashes_inside_titles() -> None:
    assert stored_title_keys("هيرميون..حين تصارع الأمواج الهائلة  - فيديو")[:2] == (
        title_key("هيرميون حين تصارع الامواج الهائلة فيديو"),
        title_key("هيرميون حين تصارع الامواج الهائلة"),
    )
    # four words after the dash: part of the title
    assert stored_title_keys("أميركا تحاكم أردنيًا - أميركيًا بتهمة دعم «داعش»")[1] is None
    assert stored_title_keys("ميسي - رونالدو")[1] is None  # too little before the dash
    assert link_keys("خبر عن شيء ما - اليوم السابع").base == title_key("خبر عن شيء ما")


def test_cut_titles_are_told_by_their_ellipsis() -> None:
    assert link_keys("وزير الرى يشهد توقيع عقد دراسة ال...").prefix == (
        title_key("وزير الري يشهد توقيع عقد دراسه ال")
    )
    assert link_keys("«وزير الرى يشهد توقيع…»").prefix == title_key("وزير الري يشهد توقيع")
    assert link_keys("وزير الرى…").cut and link_keys("وزير الرى…").prefix is None
    mid = link_keys('"فكّه يبدو متناسقًا من جديد"... ظهور زاك إيفرون يشعل الإنترنت')
    assert not mid.cut and mid.prefix is None  # "..." inside a title cuts nothing


def _linking_article(titles: list[str], source: str | None = None) -> Article:
    return Article(
        title="مقال تجريبي يسرد روابط بعناوينها",
        paragraphs=["فقرة عن الطقس والزراعة في الريف."],
        related=[RelatedLink(title) for title in titles],
        source=source,
    )


def test_links_resolve_in_related_and_leave_the_similar_list(library_copy: Library) -> None:
    titles = [
        "الجبيرُ: نراقب عن كثبٍ تطورات السياسة الإيرانية الخاصة بالتخصيب - الشرق الأوسط",
        "إعصار مدمر يجتاح تايوان ويترك الملايين…",
        "عنوان لا يوجد في المكتبة",
    ]
    article_id, _ = insert_article(library_copy.connection, _linking_article(titles))
    items = library_copy.related(article_id, top=5)
    stored, similar = items[:3], items[3:]
    assert [item.kind for item in stored] == ["stored"] * 3
    assert [item.title for item in stored] == titles
    connection = library_copy.connection
    assert _title_of(connection, stored[0].article_id).startswith("الجبير: نراقب عن كثب")
    assert _title_of(connection, stored[1].article_id).startswith("إعصار مدمر يجتاح تايوان")
    assert stored[2].article_id is None
    linked = {stored[0].article_id, stored[1].article_id}
    assert similar and not linked & {item.article_id for item in similar}


def test_equal_titles_prefer_the_linking_articles_source(library_copy: Library) -> None:
    connection = library_copy.connection
    title = "اتحاد المبارزة يكرم رواد اللعبة"  # two papers, the same title
    rows = connection.execute(
        "SELECT id, source FROM articles WHERE title_key = ?", (stored_title_keys(title)[0],)
    ).fetchall()
    assert len(rows) == 2 and rows[0][1] != rows[1][1]
    for wanted, source in rows:
        assert find_titled_article(connection, title, source=source) == wanted


def test_link_stored_before_its_target_resolves_once_the_target_is_stored(
    tmp_path: Path, corpus_jsonl: Path
) -> None:
    records = corpus_jsonl.read_text("utf-8").splitlines()[:3]
    targets = [json.loads(line) for line in records]
    page = {
        "title": "صفحة تسرد عناوين",
        "content": "نص الصفحة.",
        "related": [f"«{t['title']}»" for t in targets] + [targets[0]["title"][:25] + "..."],
    }
    links = tmp_path / "links.json"
    links.write_text(json.dumps(page, ensure_ascii=False), "utf-8")
    later = tmp_path / "later.jsonl"
    later.write_text("\n".join(records), "utf-8")
    with Library.open(tmp_path / "lib.sqlite3", import_bundled=False) as library:
        [page_id] = library.import_paths([links]).article_ids
        assert [item.article_id for item in library.related(page_id)] == [None] * 4
        target_ids = library.import_paths([later]).article_ids
        items = library.related(page_id, top=0)
    assert [item.article_id for item in items[:3]] == target_ids
    cut_words = title_words(targets[0]["title"][:25])
    assert items[3].article_id == (target_ids[0] if len(cut_words) >= 3 else None)


@pytest.mark.parametrize("schema", [3, 10], ids=["schema-3", "previous-release"])
def test_older_library_gets_title_keys_on_open(tmp_path: Path, schema: int) -> None:
    """Schema 10 is what the previous release wrote (0001-0003 and the drafts' 0010):
    the title keys must not be numbered below it, or such a library never gets them."""
    path = tmp_path / f"v{schema}.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    older = [m for m in load_migrations() if m.version <= schema]
    assert migrate(connection, path, older) == schema
    for number, title in enumerate(["إيران: المحافظون يسعون للإطاحة بروحاني", "صفحة فيها رابط"]):
        connection.execute(
            "INSERT INTO articles (id, title, body, imported_at, content_hash) "
            "VALUES (?, ?, 'نص', '2026-01-01', ?)",
            (f"{number:016x}", title, str(number) * 64),
        )
    connection.execute(
        "INSERT INTO related_links (article_id, position, title) VALUES (?, 0, ?)",
        (f"{1:016x}", "ايران - المحافظون يسعون للاطاحة بروحاني"),
    )
    connection.close()
    with Library.open(path, import_bundled=False) as library:
        missing = library.connection.execute(
            "SELECT count(*) FROM articles WHERE title_key IS NULL"
        ).fetchone()[0]
        assert missing == 0
        [link] = library.related(f"{1:016x}", top=0)
    assert link.kind == "stored" and link.article_id == f"{0:016x}"


def _seed_with_related_titles(titles: list[str]) -> bytes:
    """The seed page as saved, with link titles under its (empty) related heading."""
    lines = seed_article_path().read_text("utf-8").split("\n")
    heading = lines.index("مقالات ذات صلة")
    return "\n".join([*lines[: heading + 1], *titles, *lines[heading + 1 :]]).encode()


SEED_LINKS = [
    "الجبير: حريصون على علاقات مع إيران شرط أن تغيّر من سلوكها",
    "«مكياج» عربي للاتفاق النـووي!",
    "إيران.. المحافظون يسعون للإطاحة برفسنجاني وروحاني - المدينة",
    "وزير الخارجية الإيراني والتلويح بـ «دبلوماسية...",
    "الجبير: تطوير...",  # too short to name one
    "عام / اهتمامات الصحف…",  # cut where two stored titles start alike
    "عنوان لا يوجد في المكتبة",  # no stored article has it
]
#: The stored titles SEED_LINKS name (None: none).
SEED_LINK_TARGETS = [
    "الجبير: حريصون على علاقات مع إيران شرط أن تغير من سلوكها",
    "«مكياج» عربي للاتفاق النووي!",
    "إيران.. المحافظون يسعون للإطاحة برفسنجاني وروحاني",
    "وزير الخارجية الإيراني والتلويح بـ «دبلوماسية الجوار»",
    None,
    None,
    None,
]


@pytest.fixture(scope="module")
def seed_links_library(
    tmp_path_factory: pytest.TempPathFactory, corpus_jsonl: Path
) -> tuple[Path, Path]:
    """A library as a reader has it, through the command line: the bundled articles
    (the seed, its related block empty) and the corpus; then the seed page saved with
    link titles, which is the stored seed again and gives it its links."""
    folder = tmp_path_factory.mktemp("seed-links")
    page = folder / "seed-with-links.txt"
    page.write_bytes(_seed_with_related_titles(SEED_LINKS))
    path = folder / "lib.sqlite3"
    library = ["--library", str(path)]
    assert main(["import", str(bundled_articles_dir()), str(corpus_jsonl), *library]) == 0
    with Library.open(path) as opened:
        assert opened.get(seed_id()).related == []
    assert main(["import", str(page), *library]) == 0
    return path, page


def seed_id() -> str:
    return parse_bytes(seed_article_path().read_bytes(), "seed.txt")[0].id


def test_seed_page_links_by_title_only(seed_links_library: tuple[Path, Path]) -> None:
    path, page = seed_links_library
    [parsed] = parse_bytes(page.read_bytes(), page.name)
    assert parsed.format == "page-text"
    assert [(link.title, link.url, link.article_id) for link in parsed.related] == [
        (title, None, None) for title in SEED_LINKS
    ]
    with Library.open(path) as library:
        items = library.related(parsed.id, top=0)
        titles = [_title_of(library.connection, item.article_id) for item in items]
    assert titles == SEED_LINK_TARGETS


def test_related_command_shows_title_links_as_stored(
    seed_links_library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _page = seed_links_library
    capsys.readouterr()
    status = main(["related", seed_id(), "--top", "1", "--library", str(path), "--width", "200"])
    assert status == 0
    rows = [line for line in capsys.readouterr().out.splitlines()[1:] if line.strip()]
    # the links, then one similar article and the key terms it shares with the seed
    assert len(rows) == len(SEED_LINKS) + 2
    linked = [re.match(r"\s+page  ([0-9a-f]{16})  ", row) for row in rows[:-2]]
    assert [bool(match) for match in linked] == [bool(t) for t in SEED_LINK_TARGETS]
    assert rows[-3].startswith("      page  -  ")
    assert re.match(r"[●○]{5} +\d+%  [0-9a-f]{16}  ", rows[-2])
    assert rows[-1].split()[:2] == ["shared", "terms:"]
    with Library.open(path) as library:
        for match, title in zip(linked[:4], SEED_LINKS, strict=False):
            assert title_key(library.get(match[1]).title)[:12] == title_key(title)[:12]


def _cat(ref: str, path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """``rtl-reader cat REF`` in logical order, one paragraph a line, blank lines out."""
    capsys.readouterr()
    options = ["--library", str(path), "--width", "5000", "--bidi", "terminal"]
    assert main(["cat", ref, *options]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if line]


def test_cat_by_id_shows_the_stored_article_each_title_link_names(
    seed_links_library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _page = seed_links_library
    seed = seed_id()
    printed = _cat(seed, path, capsys)
    assert _cat(seed[:6], path, capsys) == printed  # a unique prefix, the same article
    links = printed[-len(SEED_LINKS) :]
    assert printed[-len(SEED_LINKS) - 1] == "مقالات ذات صلة"
    with Library.open(path) as library:
        resolved = [item.article_id for item in library.related(seed, top=0)]
        stored = library.connection.execute(
            "SELECT title, url, target_id FROM related_links WHERE article_id = ?", (seed,)
        ).fetchall()
        named = [
            _title_of(library.connection, line.split(" — ")[1]) if " — " in line else None
            for line in links
        ]
    assert named == SEED_LINK_TARGETS
    assert links == [
        f"• {link} — {target}" if target else f"• {link}"
        for link, target in zip(SEED_LINKS, resolved, strict=True)
    ]
    assert stored == [(link, None, None) for link in SEED_LINKS]  # cat stored nothing
    # the ids are what related prints, and cat follows them to the stored article
    for line, target in zip(links, SEED_LINK_TARGETS, strict=True):
        if target is not None:
            followed = _cat(line.rsplit(" — ", 1)[1], path, capsys)
            assert followed[0] == target


def test_cat_of_a_file_leaves_its_links_as_the_file_has_them(
    seed_links_library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The page file is the stored seed: printed from the file, its links carry no ids
    (a file is read, not looked up), and everything else is the same."""
    path, page = seed_links_library
    from_file = _cat(str(page), path, capsys)
    from_library = _cat(seed_id(), path, capsys)
    assert from_file[-len(SEED_LINKS) :] == [f"• {link}" for link in SEED_LINKS]
    assert from_file == [re.sub(" — [0-9a-f]{16}$", "", line) for line in from_library]
    assert from_file != from_library


def test_cat_shows_a_link_stored_by_address_by_its_id(
    library_copy: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link whose address is a stored article's shows that article's id, as in
    related; an address the library does not hold shows as it is."""
    connection = library_copy.connection
    target_id, target_url = connection.execute(
        "SELECT id, url FROM articles WHERE url IS NOT NULL ORDER BY key LIMIT 1"
    ).fetchone()
    article = _linking_article([])
    article.related = [
        RelatedLink("رابط إلى مقال مخزن", target_url),
        RelatedLink("رابط خارجي", "https://example.com/x"),
    ]
    article_id, _ = insert_article(connection, article)
    library_copy.close()
    printed = _cat(article_id, library_copy.path, capsys)
    assert printed[-2:] == [
        f"• رابط إلى مقال مخزن — {target_id}",
        "• رابط خارجي — https://example.com/x",
    ]


def test_a_copy_gives_its_links_only_to_a_stored_article_without_any(
    library_copy: Library,
) -> None:
    first = _linking_article(["آفة التطرف"])
    article_id, new = insert_article(library_copy.connection, first)
    assert new
    again = _linking_article(["عيادة الأطفال", "الصدقات الذكية"])
    assert insert_article(library_copy.connection, again) == (article_id, False)
    assert [link.title for link in library_copy.get(article_id).related] == ["آفة التطرف"]


async def test_enter_on_a_title_link_in_the_app_opens_the_stored_article(
    seed_links_library: tuple[Path, Path], tmp_path: Path
) -> None:
    from reader.ui.widgets.related import RelatedPane
    from tests.ui.conftest import make_app, settle_reading, wait_until

    copy = tmp_path / "lib.sqlite3"
    with Library.open(seed_links_library[0]) as source:
        source.connection.execute(f"VACUUM INTO '{copy}'")
    with Library.open(copy) as library:
        seed = seed_id()
        app = make_app(library, article_id=seed)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle_reading(pilot)
            await pilot.press("r")
            pane = app.screen.query_one(RelatedPane)
            assert [item.title for item in pane.items[: len(SEED_LINKS)]] == SEED_LINKS
            pane.highlighted = 2  # "إيران.. المحافظون ... - المدينة": title and site name
            target = pane.items[2].article_id
            assert target is not None
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen.article_id == target, "the related title")
            assert app.screen.article_id == target != seed
        opened = library.get(target).title
    assert opened == "إيران.. المحافظون يسعون للإطاحة برفسنجاني وروحاني"
