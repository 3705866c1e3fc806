"""Charts read on a 390-px phone and on a 1920-px screen: on every page, every text a chart
draws (titles, tick and axis labels, bar and box labels, legend entries, annotations) is
whole inside the chart, at least MIN_TEXT_SIZE px, and clear of the other texts and of the
bars (tests.browser_support.CHART_TEXT_JS)."""

from __future__ import annotations

import pytest

from bureau.charts.theme import MIN_TEXT_SIZE
from tests.browser_support import chart_text_problems
from tests.e2e.conftest import NewPage, page_ids
from tests.e2e.test_pages import MIN_CHARTS, assert_no_errors

#: A phone (the iPhone 12–15 viewport) and a desktop screen.
SCREENS = {390: 844, 1920: 1080}


@pytest.mark.parametrize("width", list(SCREENS))
@pytest.mark.parametrize("slug", page_ids())
def test_chart_text_is_whole_legible_and_apart(new_page: NewPage, slug: str, width: int) -> None:
    visit = new_page(slug, width=width, height=SCREENS[width])
    assert_no_errors(visit)
    found = chart_text_problems(visit.page, MIN_TEXT_SIZE)
    assert len(found) >= MIN_CHARTS.get(slug, 0)
    assert {chart: problems for chart, problems in found.items() if problems} == {}
