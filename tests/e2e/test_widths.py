"""The pages at both widths they are read at, a 390-px phone and a 1920-px screen.

Charts: on every page, every text a chart draws (titles, tick and axis labels, bar and box
labels, legend entries, annotations) is whole inside the chart, at least MIN_TEXT_SIZE px,
and clear of the other texts and of the bars (tests.browser_support.CHART_TEXT_JS).
Cards: the overview's 현안 cards read 1, 2, 3, 4 (a phone stacks them in that order, a
screen sets them two to a row)."""

from __future__ import annotations

import pytest

from bureau.theme import MIN_TEXT_SIZE
from tests.browser_support import chart_text_problems
from tests.e2e.conftest import NewPage, page_ids
from tests.e2e.test_pages import MIN_CHARTS, assert_no_errors

#: Viewport height per width: a phone (the iPhone 12–15 viewport) and a desktop screen.
SCREENS = {390: 844, 1920: 1080}
#: Columns of 현안 cards at each width.
CARD_COLUMNS = {390: 1, 1920: 4}

#: Where each numbered 현안 card's heading ("#### 1. 영남 산불 …") is drawn.
CARDS_JS = """() => [...document.querySelectorAll('[data-testid=stMainBlockContainer] h4')]
    .filter(heading => /^\\d+\\. /.test(heading.innerText.trim()))
    .map(heading => {
        const box = heading.getBoundingClientRect();
        return {number: parseInt(heading.innerText), left: Math.round(box.left), top: Math.round(box.top)};
    })"""


@pytest.mark.parametrize("width", list(SCREENS))
@pytest.mark.parametrize("slug", page_ids())
def test_chart_text_is_whole_legible_and_apart(new_page: NewPage, slug: str, width: int) -> None:
    visit = new_page(slug, width=width, height=SCREENS[width])
    assert_no_errors(visit)
    found = chart_text_problems(visit.page, MIN_TEXT_SIZE)
    assert len(found) >= MIN_CHARTS.get(slug, 0)
    assert {chart: problems for chart, problems in found.items() if problems} == {}


@pytest.mark.parametrize("width", list(SCREENS))
def test_current_issue_cards_read_in_order(new_page: NewPage, width: int) -> None:
    cards = new_page("overview", width=width, height=SCREENS[width]).page.evaluate(CARDS_JS)
    numbers = [card["number"] for card in cards]
    assert len(numbers) >= 2 and numbers == sorted(numbers)
    # read as a person reads: row by row from the top, left to right within a row
    reading = sorted(cards, key=lambda card: (card["top"], card["left"]))
    assert [card["number"] for card in reading] == numbers
    assert len({card["left"] for card in cards}) == CARD_COLUMNS[width]
    rows = [cards[start : start + CARD_COLUMNS[width]] for start in range(0, len(cards), CARD_COLUMNS[width])]
    assert all(len({card["top"] for card in row}) == 1 for row in rows)  # a row's cards start level
