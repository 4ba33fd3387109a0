"""The key footer reads right to left in the Arabic interface and is Textual's in English."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer

from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.footer import FooterKey, MirroredFooterKey, ReaderFooter
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_for_footer, wait_until


def _items(app: Any) -> list[FooterKey]:
    """The footer's keys, palette key excluded, from the left edge to the right one."""
    footer = app.screen.query_one(ReaderFooter)
    keys = [key for key in footer.query(FooterKey)
            if key.display and not key.has_class("-command-palette")]
    return sorted(keys, key=lambda key: key.region.x)


def _right_to_left(keys: list[FooterKey]) -> bool:
    """True once the footer's keys are the mirrored ones (after a change of language)."""
    return all(isinstance(key, MirroredFooterKey) for key in keys)


def _left_to_right(keys: list[FooterKey]) -> bool:
    return not any(isinstance(key, MirroredFooterKey) for key in keys)


def _palette(app: Any) -> FooterKey:
    return app.screen.query_one(ReaderFooter).query_one("FooterKey.-command-palette", FooterKey)


def _shown_at(app: Any, key: FooterKey) -> bool:
    """True when the whole of *key* is on screen (not scrolled off the footer)."""
    region = key.region
    if region.x < 0 or region.right > app.size.width:
        return False
    return all(app.screen.get_widget_at(x, region.y)[0] is key
               for x in range(region.x, region.right))


async def _footer_of(library: Any, lang: str, width: int, article: bool) -> list[tuple[str, str]]:
    """(action, description) of each footer key, in the reading order of *lang*."""
    app = make_app(library, article_id=seed_id(library) if article else None, lang=lang)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle_reading(pilot)
        items = _items(app)
        if lang == "ar":
            items.reverse()
        return [(key.action, key.description) for key in items]


async def test_arabic_footer_starts_at_the_right_with_the_first_key(library: Any) -> None:
    english = await _footer_of(library, "en", 100, article=False)
    app = make_app(library, lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        items = _items(app)
        assert all(isinstance(key, MirroredFooterKey) for key in items)
        # Right to left, the actions come in the order English shows left to right.
        assert [key.action for key in reversed(items)] == [action for action, _ in english]
        first = items[-1]
        assert first.action == english[0][0]
        assert first.region.right == app.size.width  # the first key at the right edge
        assert all(_shown_at(app, key) for key in items)


async def test_each_arabic_item_draws_its_description_then_its_key(library: Any) -> None:
    app = make_app(library, lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        for key in [*_items(app), _palette(app)]:
            drawn = key.render().plain
            assert drawn.strip() == f"{key.description} {key.key_display}", drawn
            assert any("\ufe70" <= ch <= "\ufeff" for ch in key.description)  # shaped Arabic


async def test_arabic_palette_key_is_at_the_left_edge(library: Any) -> None:
    app = make_app(library, lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        palette = _palette(app)
        assert palette.region.x == 0
        assert palette.key == "ctrl+p"
        assert all(key.region.x >= palette.region.right for key in _items(app))


async def test_clicking_an_arabic_footer_item_runs_its_action(library: Any) -> None:
    app = make_app(library, lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        help_key = next(key for key in _items(app) if key.key == "question_mark")
        assert await pilot.click(help_key)
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_a_narrow_footer_drops_whole_keys_and_keeps_help_and_quit(library: Any,
                                                                       lang: str) -> None:
    english = await _footer_of(library, "en", 200, article=True)
    app = make_app(library, article_id=seed_id(library), lang=lang)
    async with app.run_test(size=(60, 30)) as pilot:
        await settle_reading(pilot)
        footer = app.screen.query_one(ReaderFooter)
        assert footer.max_scroll_x == 0  # nothing overflows: keys left out, not cut
        items = _items(app)
        assert all(_shown_at(app, key) for key in items)  # every key shown whole
        actions = [key.action for key in items]
        assert "help" in actions and "app.quit" in actions
        assert len(items) < len(english)
        # The first keys are the ones kept (after Help and Quit), in their order.
        in_order = actions[::-1] if lang == "ar" else actions
        expected = [action for action, _ in english if action in in_order]
        assert in_order == expected
        assert in_order[0] == english[0][0]
        first = items[-1] if lang == "ar" else items[0]
        edge = first.region.right if lang == "ar" else first.region.x
        assert edge == (app.size.width if lang == "ar" else 0)
        for key in items:  # each description whole, Arabic words included
            assert key.render().plain.strip().endswith(key.key_display) or \
                key.description in key.render().plain


async def test_a_text_field_shows_its_own_keys_not_the_letters_it_types(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle_reading(pilot)
        outside = {key.key for key in _items(app)}
        assert {"q", "question_mark", "r", "c"} <= outside
        await pilot.press("c")
        await wait_for_footer(pilot, until=lambda keys: all(k.key != "r" for k in keys))
        inside = {key.key for key in _items(app)}
        assert not inside & {"q", "question_mark", "r", "c", "slash"}
        assert {"ctrl+s", "tab", "escape"} <= inside


async def test_footer_follows_a_change_of_language(library: Any) -> None:
    app = make_app(library, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        english = [key.action for key in _items(app)]
        assert not any(isinstance(key, MirroredFooterKey) for key in _items(app))
        app.change(lang="ar")
        await wait_for_footer(pilot, until=_right_to_left)
        assert [key.action for key in reversed(_items(app))] == english
        assert all(isinstance(key, MirroredFooterKey) for key in _items(app))
        assert _palette(app).region.x == 0
        app.change(lang="en")
        await wait_for_footer(pilot, until=_left_to_right)
        assert [key.action for key in _items(app)] == english
        assert type(_palette(app)) is FooterKey
        assert _palette(app).region.right == app.size.width
        assert app.screen.query_one(ReaderFooter).scroll_x == 0


class _KeysApp(App[None]):
    """A bare app (no interface language: left to right) with a few keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "bell", "Alpha"),
        Binding("b", "bell", "Beta", key_display="B!"),
        Binding("c", "bell", "Gamma"),
    ]

    def __init__(self, footer: type[Footer], compact: bool = False) -> None:
        super().__init__()
        self.footer = footer
        self.compact = compact

    def compose(self) -> ComposeResult:
        yield self.footer(compact=self.compact)


class _GroupedKeysApp(_KeysApp):
    """Keys with a binding group, in an interface that reads right to left or not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "bell", "Alpha"),
        Binding("left", "notify('left')", "Left", group=Binding.Group("Move")),
        Binding("right", "notify('right')", "Right", group=Binding.Group("Move")),
        Binding("z", "notify('z')", "Zed"),
    ]

    def __init__(self, rtl: bool, compact: bool) -> None:
        super().__init__(ReaderFooter, compact)
        self.labels = SimpleNamespace(rtl=rtl)


async def _placed(rtl: bool, compact: bool, width: int) -> dict[str, tuple[int, int, int, int]]:
    """Each of the footer's items: (start, end) of its region and of its margin box."""
    app = _GroupedKeysApp(rtl, compact)
    async with app.run_test(size=(width, 3)) as pilot:
        await wait_for_footer(pilot)
        placed = {}
        for item in app.screen.query_one(ReaderFooter).children:
            name = item.key if isinstance(item, FooterKey) else type(item).__name__
            margin = item.styles.margin
            region = item.region
            placed[name] = (region.x, region.right,
                            region.x - margin.left, region.right + margin.right)
        return placed


@pytest.mark.parametrize("compact", [False, True], ids=["regular", "compact"])
async def test_right_to_left_footer_is_the_mirror_image_of_textuals(compact: bool) -> None:
    width = 70
    ltr = await _placed(False, compact, width)
    rtl = await _placed(True, compact, width)
    assert set(ltr) == set(rtl) == {"a", "z", "KeyGroup", "FooterLabel", "ctrl+p"}
    for name, (start, end, outer_start, outer_end) in ltr.items():
        assert rtl[name] == (width - end, width - start, width - outer_end, width - outer_start)


async def _footer_line(footer: type[Footer], width: int) -> tuple[list[str], list[Any]]:
    app = _KeysApp(footer)
    async with app.run_test(size=(width, 3)) as pilot:
        await wait_for_footer(pilot)
        keys: list[Any] = list(app.screen.query("FooterKey"))  # Textual's, or ours
        return ([type(key).__name__ for key in keys],
                [(key.region, key.render().plain) for key in keys])


async def test_left_to_right_footer_is_textuals_own() -> None:
    textual_names, textual_items = await _footer_line(Footer, 80)
    names, items = await _footer_line(ReaderFooter, 80)
    assert set(names) == set(textual_names) == {"FooterKey"}
    assert items == textual_items


class _ManyKeysApp(_KeysApp):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "notify('a')", "Alpha"),
        Binding("b", "notify('b')", "Beta"),
        Binding("c", "notify('c')", "Gamma"),
    ]


async def test_an_overflowing_footer_leaves_out_whole_keys() -> None:
    app = _ManyKeysApp(ReaderFooter)
    async with app.run_test(size=(30, 3)) as pilot:
        await wait_for_footer(pilot)
        footer = app.screen.query_one(ReaderFooter)
        shown = [key for key in footer.query(FooterKey) if key.display]
        hidden = [key for key in footer.query(FooterKey) if not key.display]
        assert hidden and footer.max_scroll_x == 0
        assert all(key.region.x >= 0 and key.region.right <= 30 for key in shown)
        assert [key.key for key in shown if key.key != "ctrl+p"] == ["a", "b"]  # the first kept
