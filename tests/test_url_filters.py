"""Filters in the URL: valid values restore the view; anything else falls back safely."""

import pytest

from tests.reading import shown, table_text
from tests.second_report import JUNE
from ui.nav import PAGES


def test_url_parameters_restore_department_and_unit(open_page):
    app = open_page("overview", dept="인사과", unit="억원")
    assert app.selectbox(key="dept").value == "인사과"
    assert app.segmented_control(key="unit").value == "억원"
    table = next(frame for frame in app.dataframe if "’25년 예산현액(B, 억원)" in frame.value.columns)
    assert table_text(table).iloc[0]["’25년 예산현액(B, 억원)"] == "84.3"  # 8,428,389천원


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("dept", "없는과"),
        ("dept", "' OR 1=1 --"),
        ("dept", "<script>alert(1)</script>"),
        ("unit", "달러"),
        ("period", "1999-01-01"),
    ],
)
def test_invalid_url_values_fall_back_with_a_notice(open_page, name, value):
    app = open_page("overview", **{name: value})
    label = dict(dept="부서", unit="금액 단위", period="보고 기준일")[name]
    repeated = value if len(value) <= 20 else value[:20] + "…"
    assert [shown(toast.value) for toast in app.toast] == [
        f"주소의 {label} 값(‘{repeated}’)을 알 수 없어 기본값으로 표시합니다."
    ]
    assert "<script>" not in app.toast[0].value  # the value is escaped, never markup
    assert value not in "\n".join(element.value for element in app.markdown)
    if name == "period":  # the default view: the newest report
        assert app.selectbox(key="period").value == app.selectbox(key="period").options[0] == JUNE.isoformat()
    else:  # the whole bureau in the report asked for
        assert {metric.label: metric.value for metric in app.metric}["인원"] == "365명"


def test_presenter_mode_from_the_url(open_page):
    app = open_page("overview", present="1")
    assert app.toggle(key="presenting").value is True
    assert app.query_params["screen"] == "요약"
    app.button(key="present-stop").click().run()
    assert app.toggle(key="presenting").value is False
    assert "present" not in app.query_params and "screen" not in app.query_params


def test_presenter_mode_is_off_by_default(open_page):
    app = open_page("overview")
    assert app.toggle(key="presenting").value is False
    assert not app.button


@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_every_page_takes_the_url_filters_and_rejects_bad_ones(open_page, slug):
    good = open_page(slug, dept="인력개발과", unit="백만원")
    assert good.selectbox(key="dept").value == "인력개발과"
    assert good.segmented_control(key="unit").value == "백만원"
    assert not good.toast
    bad = open_page(slug, dept="'; DROP TABLE budget; --", unit="원화")
    assert bad.selectbox(key="dept").value == "전체"
    assert bad.segmented_control(key="unit").value == "보고서 단위"
    assert len(bad.toast) == 2


@pytest.mark.parametrize("slug", [page.slug for page in PAGES])
def test_presenter_mode_on_every_page_links_previous_and_next(open_page, slug):
    app = open_page(slug, present="1")
    position = [page.slug for page in PAGES].index(slug)
    previous = app.button(key="present-previous")
    if position > 0:
        assert shown(previous.label) == f"이전: {PAGES[position - 1].title}"  # the first screen
    else:
        assert previous.disabled
    assert shown(app.button(key="present-next").label).startswith("다음: ")
    assert app.button(key="present-stop").label == "끝내기"


#: Each page's own URL parameters (bound to its widgets): page, name, widget kind, an unknown
#: value, the notice's label, a known value and the widget's value for it.
PAGE_PARAMETERS = [
    ("overview", "present", "toggle", "yes", "발표 모드", "1", True),
    ("budget", "side", "segmented_control", "<b>세입</b>", "구분", "세출", "세출"),
    ("budget", "depth", "segmented_control", "9단계까지", "표시 수준", "2단계까지", 2),
    ("markets", "period_mode", "segmented_control", "**주간**", "기간 선택", "월별", "월별"),
    ("markets", "month", "selectbox", "2025-13", "운영 월", "2025년 5월", "2025-05"),
    ("markets", "place", "selectbox", "![i](http://evil.example/)", "개최장소", "서울광장", "seoul_plaza"),
]


def _widget(app, kind: str, name: str):
    return getattr(app, kind)(key="presenting" if name == "present" else name)


@pytest.mark.parametrize(("slug", "name", "kind", "bad", "label", "good", "value"), PAGE_PARAMETERS)
def test_page_parameters_take_known_values_and_notice_unknown_ones(
    open_page, slug, name, kind, bad, label, good, value
):
    known = open_page(slug, **{name: good})
    assert _widget(known, kind, name).value == value
    assert not known.toast
    unknown = open_page(slug, **{name: bad})
    default = _widget(open_page(slug), kind, name).value
    assert _widget(unknown, kind, name).value == default
    repeated = bad if len(bad) <= 20 else bad[:20] + "…"
    assert [shown(toast.value) for toast in unknown.toast] == [
        f"주소의 {label} 값(‘{repeated}’)을 알 수 없어 기본값으로 표시합니다."
    ]
    assert not any(markup in unknown.toast[0].value for markup in ("<b>", "**", "!["))  # escaped
