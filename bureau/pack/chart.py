"""Native PowerPoint charts: data stored as values, an optional reference line drawn over them."""

from __future__ import annotations

import io
import math

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt
from xlsxwriter import Workbook

from bureau.pack.spec import ChartSpec
from bureau.pack.text import add_text, set_korean_font, style_text_frame

_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "column_stacked": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
CHART_FONT = Pt(14)
REFERENCE_COLOUR = RGBColor(0xC0, 0x39, 0x2B)
#: The plot area's inner box as fractions of the chart (x, y, w, h): fixed, so that a
#: reference line drawn over the chart lands on its value.
_PLOT_BOX = (0.24, 0.12, 0.7, 0.74)


class ValueChartData(CategoryChartData):
    """Chart data whose embedded workbook stores every label as text.

    XlsxWriter (which python-pptx writes the chart workbook with) turns a string starting with
    ``=`` into a live formula; with ``strings_to_formulas`` off every string is a string cell.
    """

    @property
    def xlsx_blob(self) -> bytes:
        buffer = io.BytesIO()
        workbook = Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
        self._workbook_writer._populate_worksheet(workbook, workbook.add_worksheet())
        workbook.close()
        return buffer.getvalue()


def add_chart(slide, spec: ChartSpec, left: int, top: int, width: int, height: int) -> None:
    data = ValueChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for name, values in spec.series.items():
        data.add_series(f"{name} ({spec.unit})", values)
    frame = slide.shapes.add_chart(_CHART_TYPES[spec.kind], left, top, width, height, data)
    chart = frame.chart
    chart.has_legend = len(spec.series) > 1 or spec.kind == "pie"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = len(spec.series) == 1  # labels on grouped bars would collide
    if plot.has_data_labels:
        plot.data_labels.number_format = spec.number_format
        plot.data_labels.number_format_is_linked = False
    set_korean_font(chart.font._rPr, CHART_FONT)
    if spec.kind != "pie":
        axis = chart.value_axis
        axis.has_title = True
        axis.axis_title.text_frame.text = spec.unit
        axis.tick_labels.number_format = spec.number_format
        axis.tick_labels.number_format_is_linked = False
        style_text_frame(axis.axis_title.text_frame, CHART_FONT)
    if spec.reference is not None:
        _add_reference(slide, frame, spec, (left, top, width, height))


def _add_reference(slide, frame, spec: ChartSpec, box: tuple[int, int, int, int]) -> None:
    """A dashed line at ``spec.reference`` across a horizontal bar chart, labelled with it."""
    chart = frame.chart
    label, value = spec.reference
    top_value = max([value, *(v for values in spec.series.values() for v in values)])
    maximum = math.ceil(top_value * 1.1 / 10) * 10
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = 0, maximum
    chart.has_title = False  # the line's label takes the top edge; the axis title gives the unit
    _fix_plot_box(chart)
    left, top, width, height = box
    x, y, w, h = _PLOT_BOX
    line_x = Emu(int(left + width * (x + w * value / maximum)))
    line_top, line_bottom = Emu(int(top + height * y)), Emu(int(top + height * (y + h)))
    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, line_x, line_top, line_x, line_bottom)
    line.line.color.rgb = REFERENCE_COLOUR
    line.line.width = Pt(2.5)
    line.line.dash_style = MSO_LINE.DASH
    frame._element.addprevious(line._element)  # behind the bars
    _opaque_labels(chart)
    label_width = Emu(int(width * 0.3))
    add_text(
        slide, Emu(line_x - label_width // 2), Emu(line_top - int(Pt(30))), label_width, Emu(int(Pt(28))),
        [label], CHART_FONT, bold=True, colour=REFERENCE_COLOUR, centred=True,
    )  # fmt: skip


def _opaque_labels(chart) -> None:
    """White behind the data labels, so a label crossing the line stays readable (``c:spPr``
    goes right after ``c:numFmt`` in ``c:dLbls``)."""
    labels = chart.plots[0].data_labels._element
    fill = etree.SubElement(etree.Element(qn("c:spPr")), qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr")).set("val", "FFFFFF")
    labels.find(qn("c:numFmt")).addnext(fill.getparent())


def _fix_plot_box(chart) -> None:
    """Pin the plot area's inner box (``c:manualLayout`` with ``layoutTarget inner``)."""
    plot_area = chart._chartSpace.chart.plotArea
    layout = etree.Element(qn("c:layout"))
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    etree.SubElement(manual, qn("c:layoutTarget")).set("val", "inner")
    for mode in ("c:xMode", "c:yMode"):
        etree.SubElement(manual, qn(mode)).set("val", "edge")
    for tag, fraction in zip(("c:x", "c:y", "c:w", "c:h"), _PLOT_BOX):
        etree.SubElement(manual, qn(tag)).set("val", str(fraction))
    plot_area.insert(0, layout)
