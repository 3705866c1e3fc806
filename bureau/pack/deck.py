"""Render slide specs as a .pptx whose charts are native, editable PowerPoint charts."""

from __future__ import annotations

import io
from collections.abc import Sequence

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from bureau.pack.spec import ChartSpec, SlideSpec

#: Korean text needs the East Asian face set; font.name alone sets only the Latin one.
KOREAN_FONT = "맑은 고딕"
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "column_stacked": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
_WIDTH, _HEIGHT = Inches(13.333), Inches(7.5)
_MARGIN = Inches(0.5)


def set_korean_font(text_properties: etree._Element, size: Pt | None = None) -> None:
    """Set Latin and East Asian faces on an ``a:rPr``/``a:defRPr`` element."""
    for tag in ("a:latin", "a:ea"):
        face = text_properties.find(qn(tag))
        if face is None:
            face = etree.SubElement(text_properties, qn(tag))
        face.set("typeface", KOREAN_FONT)
    if size is not None:
        text_properties.set("sz", str(int(size.pt * 100)))


def _style_text_frame(frame, size: Pt) -> None:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            set_korean_font(run._r.get_or_add_rPr(), size)


def _add_text(slide, left, top, width, height, lines: Sequence[str], size: Pt, bold: bool = False):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.bold = bold
    _style_text_frame(frame, size)
    return box


def _add_chart(slide, spec: ChartSpec, left, top, width, height) -> None:
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for name, values in spec.series.items():
        data.add_series(f"{name} ({spec.unit})", values)
    chart = slide.shapes.add_chart(_CHART_TYPES[spec.kind], left, top, width, height, data).chart
    chart.has_legend = len(spec.series) > 1 or spec.kind == "pie"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = len(spec.series) == 1  # labels on grouped bars would collide
    if plot.has_data_labels:
        plot.data_labels.number_format = spec.number_format
        plot.data_labels.number_format_is_linked = False
    if spec.kind != "pie":
        axis = chart.value_axis
        axis.has_title = True
        axis.axis_title.text_frame.text = spec.unit
        axis.tick_labels.number_format = spec.number_format
        axis.tick_labels.number_format_is_linked = False
    set_korean_font(chart.font._rPr, Pt(12))
    if spec.kind != "pie":
        _style_text_frame(chart.value_axis.axis_title.text_frame, Pt(12))


def _add_table(slide, table, left, top, width, height) -> None:
    rows, columns = len(table) + 1, len(table.columns)
    shape = slide.shapes.add_table(rows, columns, left, top, width, Emu(min(height, Pt(20) * rows)))
    grid = shape.table
    for column, name in enumerate(table.columns):
        grid.cell(0, column).text = str(name)
    for row, values in enumerate(table.itertuples(index=False), start=1):
        for column, value in enumerate(values):
            grid.cell(row, column).text = "" if value is None else str(value)
    for row in range(rows):
        for column in range(columns):
            _style_text_frame(grid.cell(row, column).text_frame, Pt(10))


def render(slides: Sequence[SlideSpec], footer: str) -> bytes:
    """The deck as .pptx bytes; ``footer`` (기준일 · 출처) goes on every slide."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = _WIDTH, _HEIGHT
    blank = deck.slide_layouts[6]
    content_width = _WIDTH - 2 * _MARGIN
    for spec in slides:
        slide = deck.slides.add_slide(blank)
        _add_text(slide, _MARGIN, Inches(0.3), content_width, Inches(0.8), [spec.title], Pt(30), bold=True)
        if spec.note:
            _add_text(slide, _MARGIN, Inches(0.95), content_width, Inches(0.35), [spec.note], Pt(11))
        top = Inches(1.35)
        has_visual = spec.chart is not None or spec.table is not None
        text_width = content_width * 0.38 if has_visual and spec.bullets else content_width
        if spec.bullets:
            _add_text(slide, _MARGIN, top, text_width, Inches(5.2), [f"• {b}" for b in spec.bullets], Pt(16))
        visual_left = _MARGIN + (text_width + Inches(0.2) if spec.bullets and has_visual else 0)
        visual_width = _WIDTH - _MARGIN - visual_left
        if spec.chart is not None:
            _add_chart(slide, spec.chart, visual_left, top, visual_width, Inches(5.2))
        elif spec.table is not None:
            _add_table(slide, spec.table, visual_left, top, visual_width, Inches(5.2))
        _add_text(slide, _MARGIN, Inches(6.95), content_width, Inches(0.4), [footer], Pt(10))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
