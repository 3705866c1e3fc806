"""A cell the report leaves empty reads "-" on screen, never Python's "None" or pandas' "nan"
(the downloads keep it empty: tests/test_downloads.py). E.g. 1단계 전직원 의무교육 has no 규모
in the report: tests/test_ai_training.py."""

from __future__ import annotations

import pytest

from tests.reading import table_text
from ui.nav import PAGES

#: How an empty cell reads when nothing formats it (an empty display text: the grid then
#: falls back to the raw value, "None").
UNFORMATTED = {"None", "nan", "NaN", "<NA>", "NaT"}


@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_no_table_shows_an_unformatted_empty_cell(open_page, slug):
    app = open_page(slug)
    for frame in app.dataframe:
        cells = table_text(frame)
        blank = cells.eq("") & frame.value.isna().to_numpy()
        found = cells.isin(UNFORMATTED) | blank
        assert not found.to_numpy().any(), cells[found.any(axis=1)]

