"""The department filter on every page (AppTest): what a department sees is its own, and no
heading is left standing over nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bureau import paths
from tests.conftest import TwoReports
from tests.printed import AS_OF
from tests.reading import empty_headings, in_order, shown
from ui.filters import ALL_DEPARTMENTS
from ui.nav import PAGES

ROOT = Path(__file__).resolve().parent.parent


def departments() -> list[str]:
    """The real report's departments, in its order (from the source the build reads)."""
    rows = pd.read_csv(paths.sources_dir() / "departments.csv")
    report = rows[rows["as_of"] == AS_OF.isoformat()]
    return report.sort_values("sort_order")["dept"].tolist()


@pytest.fixture(scope="module")
def page_with(two_reports: TwoReports) -> Iterator[Callable[[str, str], AppTest]]:
    """``page_with(slug, dept)``: the page of the real report (run once per module, then kept)
    with ``dept`` chosen in the sidebar, as a person switching departments would."""
    apps: dict[str, AppTest] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BUREAU_DATABASE", str(two_reports.database))
        patch.setenv("BUREAU_SOURCES", str(two_reports.sources))
        st.cache_data.clear()
        st.cache_resource.clear()

        def open_(slug: str, dept: str) -> AppTest:
            if slug not in apps:
                apps[slug] = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
                apps[slug].query_params["period"] = AS_OF.isoformat()
                if slug != PAGES[0].slug:
                    apps[slug].switch_page(f"pages/{slug}.py")
                apps[slug].run()
            app = apps[slug]
            app.sidebar.selectbox(key="dept").set_value(dept).run()
            assert not app.exception, [error.message for error in app.exception]
            return app

        yield open_


@pytest.mark.parametrize("dept", [ALL_DEPARTMENTS, *departments()])
@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_no_heading_stands_over_nothing(page_with, slug: str, dept: str) -> None:
    app = page_with(slug, dept)
    assert empty_headings(app) == []
    assert not [box.value for box in app.warning if "표시하지 못했습니다" in box.value]  # no failed panel


def _text(app: AppTest) -> str:
    shown_elements = [element for element in in_order(app.main) if element.type != "dataframe"]
    return shown("\n".join(str(element.value) for element in shown_elements))


def test_relief_page_with_one_department_shows_only_its_part(page_with) -> None:
    """인력개발과 staffs only the 성금: its KPI, its section, its one step as a list (no chart of
    one bar), its contacts; no empty 향후계획, no badge for figures of tables not shown."""
    app = page_with("relief", "인력개발과")
    assert [metric.label for metric in app.main.metric] == ["직원 성금"]
    assert [header.value for header in app.main.header] == ["성금모금", "추진 경과"]
    assert not app.main.get("plotly_chart") and not app.main.dataframe
    text = _text(app)
    assert "1. **3.26.~4.10.** [성금모금] 전 직원 자율참여 성금 모금" in text  # a list, not a chart
    people = shown(app.main.markdown[-1].value).split("\n")
    assert [line.split()[0] for line in people] == ["인력개발과"] * 3
    for elsewhere in ("대외협력과 대외협력과장", "구호물품", "구호금", "자원봉사", "향후계획", "TF 구성"):
        assert elsewhere not in text, elsewhere
    assert not app.main.expander  # no "보고서 표기와 재계산 값이 다른 수치" badge


def test_relief_page_with_all_departments_keeps_every_section(page_with) -> None:
    app = page_with("relief", ALL_DEPARTMENTS)
    headers = [header.value for header in app.main.header]
    assert headers == [
        "추진방향",
        "물품지원",
        "구호금 지원",
        "기금집행 현황",
        "재해·재난 구호지원 사업비 긴급편성",
        "자원봉사",
        "성금모금",
        "추진 경과",
        "향후계획",
    ]
    assert len(app.get("plotly_chart")) == 3  # supplies, funds, the timeline
    assert len(shown(app.main.markdown[-1].value).split("\n")) == 9  # all nine contacts


def test_overview_with_one_department_lists_only_its_items(page_with) -> None:
    app = page_with("overview", "인력개발과")
    lines = [shown(element.value) for element in app.main.markdown]
    relief = [line for line in lines if "산불 피해 구호:" in line]
    assert len(relief) == 1 and relief[0].endswith("산불 피해 구호: 직원 성금 131,371천원 모금(3.26.~4.10.)")
    text = _text(app)
    assert "구호물품" not in text and "구호금" not in text
    # the 현안 cards it staffs, each with only its own people
    cards = [shown(element.value) for element in app.main.markdown if element.value.startswith("#### ")]
    assert cards == [
        "#### 1. 영남 산불 피해지역 구호 지원",
        "#### 3. AI 역량 강화를 위한 교육 실시 및 협력 체계 구축",
        "#### 4. 저출생 문제 대응을 위한 직원 주거복지 강화",
    ]
    assert "황성묵" not in text and "이창훈" not in text  # 대외협력과's and 시민협력과's 과장
    assert "후생노무팀장 고태경 ☎ 5770" in text and "담당 오상배 ☎ 5780" in text
