"""A page as a sequence of sections; in presenter mode, a slideshow of screens.

A page declares its sections in order and hands them over once::

    show(
        Section("요약", summary, headed=False),
        Section("세입총괄", revenue),
        Section("기금집행 현황", execution, shown=not execution.empty, joins=True),
    )

Normally every shown section is drawn, each under its heading (its title). In presenter mode
(``?present=1``) the sections are grouped into screens (a section that ``joins`` stays on the
previous section's screen) and only the current screen is drawn: its title with previous/next,
the screen's sections, and a bar at the bottom with previous/next, "화면 n / N" within the page
and the page's place among the topics, the 기준일 and the source. ←/→, PageUp/PageDown and
Space move too (Streamlit's own button shortcuts: no script of ours, and none fires while a
text field has focus). The URL names the screen (``screen=세입총괄``, the first section's
title); an unknown name falls back to the first screen with the usual notice. Past a page's
last screen the next page opens at its first; before its first, the previous page at its last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, NoReturn

import streamlit as st

from bureau.format import markdown_text
from ui.nav import PAGES, PAGES_BY_SLUG, PageInfo
from ui.presenter import PARAM, is_presenting, stop_presenting
from ui.url_notice import notify_unknown

SCREEN = "screen"
#: A page to open on the next run and the screen to open it at: set by a button, followed
#: by the page frame before anything is drawn (``st.switch_page`` does not run in a callback).
_SWITCH = "present_switch"
#: The screen the page just opened should start at ("last" when coming back from the next page).
_ENTER = "present_enter"
#: The page being drawn and its 기준일·출처 line, set by the page frame.
_PAGE = "present_page"

Entry = Literal["first", "last"]


@dataclass(frozen=True)
class Section:
    """A part of a page under one heading. ``render`` draws it (without the heading);
    ``shown=False`` leaves it out (e.g. nothing for the chosen department); ``headed=False``
    draws no heading (the summary at its top; a part that heads itself); ``joins`` puts it on the
    screen of the section declared just before it, when that one is shown, in presenter mode."""

    title: str
    render: Callable[[], None]
    shown: bool = True
    headed: bool = True
    joins: bool = False


@dataclass(frozen=True)
class Screen:
    sections: tuple[Section, ...]

    @property
    def name(self) -> str:
        """What the URL and the previous/next buttons call it: its first section's title."""
        return self.sections[0].title

    @property
    def title(self) -> str:
        return " · ".join(section.title for section in self.sections)


def screens_of(sections: tuple[Section, ...]) -> list[Screen]:
    """The shown sections grouped into screens, in order."""
    groups: list[list[Section]] = []
    for previous, section in zip((None, *sections), sections):
        if not section.shown:
            continue
        if section.joins and previous is not None and previous.shown:
            groups[-1].append(section)
        else:
            groups.append([section])
    return [Screen(tuple(group)) for group in groups]


def set_page(slug: str, as_of_line: str) -> None:
    """Called by the page frame: which page this run draws, and its 기준일·출처 line (Markdown)."""
    st.session_state[_PAGE] = (slug, as_of_line)


def follow_switch() -> None:
    """Open the page a previous/next button asked for (called first thing by the page frame)."""
    pending = st.session_state.pop(_SWITCH, None)
    if pending is not None and is_presenting():
        path, entry = pending
        st.session_state[_ENTER] = entry
        st.switch_page(path, query_params={PARAM: "1"})


@contextmanager
def view_settings() -> Iterator[None]:
    """Widgets that change what several sections show (kept on every screen): in the page
    where they are called; in presenter mode behind a "보기 설정" button in the top corner."""
    if is_presenting():
        with st.container(key="present-settings"), st.popover("보기 설정", icon=":material/tune:"):
            yield
    else:
        yield


def show(*sections: Section) -> None:
    """Draw the page's sections: all of them, or in presenter mode the current screen."""
    if not is_presenting():
        st.query_params.pop(SCREEN, None)
        for section in sections:
            if section.shown:
                if section.headed:
                    st.header(markdown_text(section.title))
                section.render()
        return
    screens = screens_of(sections)
    index = _current(screens)
    screen = screens[index]
    slug, as_of_line = st.session_state[_PAGE]
    previous, following = _neighbours(screens, index, slug)
    heading, top = st.columns([5, 2], vertical_alignment="center")
    heading.header(markdown_text(screen.title))
    with top.container(horizontal=True, horizontal_alignment="right", key="present-top"):
        _button(previous, "top-previous", "PageUp", back=True, named=False)
        _button(following, "top-next", "PageDown", back=False, named=False)
    for position, section in enumerate(screen.sections):
        if position and section.headed:
            st.subheader(markdown_text(section.title))
        section.render()
    _bottom_bar(screens, index, slug, as_of_line, previous, following)


def stop_with_info(message: str) -> NoReturn:
    """A page with nothing to show (for this report or department): ``message`` (Markdown)
    as its one screen, then stop."""
    show(Section("안내", lambda: st.info(message), headed=False))
    st.stop()


def _current(screens: list[Screen]) -> int:
    """The screen the URL names (the last one when coming back from the next page); the
    first, with a notice, for a name the page does not have. Written back to the URL."""
    names = [screen.name for screen in screens]
    if st.session_state.pop(_ENTER, None) == "last":
        index = len(screens) - 1
    else:
        notify_unknown(SCREEN, "화면", names)
        chosen = st.query_params.get(SCREEN)
        index = names.index(chosen) if chosen in names else 0
    st.query_params[SCREEN] = names[index]
    return index


@dataclass(frozen=True)
class _Target:
    """Where a previous/next button goes: a screen of this page, or another page."""

    label: str
    screen: str | None = None
    page: PageInfo | None = None
    entry: Entry = "first"


def _neighbours(screens: list[Screen], index: int, slug: str) -> tuple[_Target | None, _Target | None]:
    order = [page.slug for page in PAGES]
    position = order.index(slug)
    if index > 0:
        previous: _Target | None = _Target(screens[index - 1].name, screen=screens[index - 1].name)
    elif position > 0:
        page = PAGES[position - 1]
        previous = _Target(page.title, page=page, entry="last")
    else:
        previous = None
    if index < len(screens) - 1:
        following: _Target | None = _Target(screens[index + 1].name, screen=screens[index + 1].name)
    elif position < len(order) - 1:
        page = PAGES[position + 1]
        following = _Target(page.title, page=page)
    else:
        following = None
    return previous, following


def _go(target: _Target) -> None:
    if target.page is not None:
        st.session_state[_SWITCH] = (target.page.path, target.entry)
    elif target.screen is not None:
        st.query_params[SCREEN] = target.screen


def _button(target: _Target | None, key: str, shortcut: str, *, back: bool, named: bool) -> None:
    """A previous/next button with its key, disabled at either end of the deck; ``named``
    says where it goes ("다음: 세출총괄")."""
    word = "이전" if back else "다음"
    st.button(
        markdown_text(f"{word}: {target.label}" if named and target else word),
        key=f"present-{key}",
        on_click=_go if target else None,
        args=(target,) if target else None,
        disabled=target is None,
        icon=":material/arrow_back:" if back else ":material/arrow_forward:",
        icon_position="left" if back else "right",
        shortcut=shortcut,
    )


def _bottom_bar(
    screens: list[Screen],
    index: int,
    slug: str,
    as_of_line: str,
    previous: _Target | None,
    following: _Target | None,
) -> None:
    position = [page.slug for page in PAGES].index(slug)
    page = PAGES_BY_SLUG[slug]
    with st.container(key="present-footer"):
        back, middle, forward, close = st.columns([3, 6, 3, 1], vertical_alignment="center")
        with back:
            _button(previous, "previous", "Left", back=True, named=True)
        middle.container(key="present-indicator").markdown(
            f"**{markdown_text(page.title)} · 화면 {index + 1} / {len(screens)}** "
            f"(주제 {position + 1} / {len(PAGES)})  \n:gray[{as_of_line}]"
        )
        with forward, st.container(horizontal_alignment="right"):
            _button(following, "next", "Right", back=False, named=True)
        close.button("끝내기", key="present-stop", icon=":material/close:", on_click=stop_presenting)
        with st.container(key="present-keys"):  # Space: a second key for "next", not drawn
            if following is not None:
                st.button("다음", key="present-space", on_click=_go, args=(following,), shortcut="Space")
