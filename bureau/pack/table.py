"""Tables on slides, legible in a room: ≥ 14 pt, numbers right-aligned, columns sized to fit."""

from __future__ import annotations

import math
import re

import pandas as pd
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from bureau.pack.text import style_text_frame, text_em

#: 14 pt for long tables (세입 has 16 lines), larger when the rows leave room.
SMALLEST_FONT, LARGER_FONT, LARGER_UP_TO_ROWS = Pt(14), Pt(16), 12
_CELL_MARGIN = Inches(0.025)
_LINE, _HEADER_LINE = 1.25, 1.5  # line height as a multiple of the font size
_MAX_ROW = Inches(0.6)
#: A figure, optionally signed (△ is the report's minus) and followed by a short unit: 1,234 · △6.6 · 549동
_NUMBER = re.compile(r"^[△+\-]?\d[\d,]*(\.\d+)?\S{0,2}$")
_PLACEHOLDERS = {"", "-", "–", "—"}


def is_numeric(cells: list[str]) -> bool:
    """A column of figures (placeholders such as ``-`` aside), right-aligned on the slide."""
    figures = [cell for cell in cells if cell.strip() not in _PLACEHOLDERS]
    return bool(figures) and all(_NUMBER.match(cell.strip()) for cell in figures)


def _lines(text: str, width: int, size: Pt) -> int:
    room = (width - 2 * _CELL_MARGIN) / size
    return max(1, math.ceil(text_em(text) / room)) if room > 0 else 1


def _column_widths(body: list[list[str]], total: int, size: Pt) -> list[int]:
    """Columns as wide as their longest cell (headers may wrap); when they do not all fit,
    the narrow ones keep their width and the widest share what is left (they wrap)."""
    columns = range(len(body[0]))
    longest = [max(text_em(row[column]) for row in body) for column in columns]
    needs = [max(Inches(0.9), em * size + 3 * _CELL_MARGIN) for em in longest]
    share = total / len(needs)
    while True:
        wide = [c for c in columns if needs[c] > share]
        narrow = sum(needs[c] for c in columns if needs[c] <= share)
        new_share = (total - narrow) / len(wide) if wide else share
        if not wide or new_share <= share:
            break
        share = new_share
    fitted = [min(need, share) for need in needs]
    widths = [int(width * total / sum(fitted)) for width in fitted]  # any room left: shared out
    widths[-1] += total - sum(widths)
    return widths


def add_table(slide, table: pd.DataFrame, left: int, top: int, width: int, height: int) -> None:
    """``table`` as shown (text cells) in the box; rows grow to fill it up to a comfortable height."""
    cells = [[str(name) for name in table.columns]] + [
        ["" if value is None or value is pd.NA else str(value) for value in row]
        for row in table.itertuples(index=False)
    ]
    size = LARGER_FONT if len(cells) <= LARGER_UP_TO_ROWS else SMALLEST_FONT
    widths = _column_widths(cells[1:] or cells, width, size)
    needed = [
        max(_lines(text, widths[column], size) for column, text in enumerate(row)) * size * _LINE
        + 2 * _CELL_MARGIN
        for row in cells
    ]
    needed[0] *= _HEADER_LINE / _LINE  # wrapped headers: renderers set their lines wider apart
    # Fill the box (less a little slack for renderers' taller lines), a row at most _MAX_ROW.
    stretch = max(1.0, 0.95 * height / sum(needed))
    heights = [int(max(need, min(need * stretch, _MAX_ROW))) for need in needed]
    shape = slide.shapes.add_table(len(cells), len(widths), left, top, width, Emu(sum(heights)))
    grid = shape.table
    for column, column_width in enumerate(widths):
        grid.columns[column].width = Emu(column_width)
    for row, row_height in enumerate(heights):
        grid.rows[row].height = Emu(row_height)
    numeric = [is_numeric([row[column] for row in cells[1:]]) for column in range(len(widths))]
    for row, values in enumerate(cells):
        for column, text in enumerate(values):
            cell = grid.cell(row, column)
            cell.text = text
            cell.margin_top = cell.margin_bottom = _CELL_MARGIN
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            for paragraph in cell.text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.RIGHT if numeric[column] else PP_ALIGN.LEFT
            style_text_frame(cell.text_frame, size)
