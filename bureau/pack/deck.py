"""Render slide specs as a .pptx whose charts are native, editable PowerPoint charts.

Every position and size is an integer EMU: a fractional one makes a malformed file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from bureau.pack.chart import add_chart
from bureau.pack.spec import SlideSpec
from bureau.pack.table import add_table
from bureau.pack.text import add_text

_WIDTH, _HEIGHT = Inches(13.333), Inches(7.5)
_MARGIN = Inches(0.5)
_TOP, _BOTTOM, _FOOTER = Inches(1.35), Inches(6.9), Inches(7.0)
_GAP = Inches(0.25)
#: The share of the width bullets take beside a chart or table.
_TEXT_SHARE = 0.36
BULLET_FONT, BULLET_ONLY_FONT = Pt(16), Pt(20)


def _emu(value: float) -> Emu:
    return Emu(int(value))


def _add_slide(deck, spec: SlideSpec, footer: str) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    content_width = _WIDTH - 2 * _MARGIN
    if spec.cover:
        width = content_width
        add_text(slide, _MARGIN, Inches(2.3), width, Inches(1), [spec.title], Pt(44), bold=True, centred=True)
        add_text(slide, _MARGIN, Inches(3.6), width, Inches(2), spec.bullets, Pt(22), centred=True)
    else:
        add_text(slide, _MARGIN, Inches(0.3), content_width, Inches(0.8), [spec.title], Pt(30), bold=True)
        if spec.note:
            add_text(slide, _MARGIN, Inches(0.95), content_width, Inches(0.35), [spec.note], Pt(12))
        _add_body(slide, spec, content_width)
    add_text(slide, _MARGIN, _FOOTER, content_width, Inches(0.35), [footer], Pt(11))


def _add_body(slide, spec: SlideSpec, content_width: int) -> None:
    """Bullets, and beside them (or alone) the chart or table."""
    height = _BOTTOM - _TOP
    has_visual = spec.chart is not None or spec.table is not None
    visual_left = _MARGIN
    if spec.bullets:
        text_width = _emu(content_width * _TEXT_SHARE) if has_visual else content_width
        size = BULLET_FONT if has_visual else BULLET_ONLY_FONT
        add_text(slide, _MARGIN, _TOP, text_width, height, [f"• {b}" for b in spec.bullets], size)
        visual_left = _MARGIN + text_width + _GAP if has_visual else visual_left
    visual_width = _WIDTH - _MARGIN - visual_left
    if spec.chart is not None:
        add_chart(slide, spec.chart, visual_left, _TOP, visual_width, height)
    elif spec.table is not None:
        add_table(slide, spec.table, visual_left, _TOP, visual_width, height)


def render(slides: Sequence[SlideSpec], footer: str) -> bytes:
    """The deck as .pptx bytes; ``footer`` (기준일 · 출처) goes on every slide."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = _WIDTH, _HEIGHT
    for spec in slides:
        _add_slide(deck, spec, footer)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
