"""Text on slides: Korean faces (Latin and East Asian) and text boxes."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

#: Korean text needs the East Asian face set; font.name alone sets only the Latin one.
KOREAN_FONT = "맑은 고딕"


def set_korean_font(text_properties: etree._Element, size: Pt | None = None) -> None:
    """Set Latin and East Asian faces on an ``a:rPr``/``a:defRPr`` element."""
    for tag in ("a:latin", "a:ea"):
        face = text_properties.find(qn(tag))
        if face is None:
            face = etree.SubElement(text_properties, qn(tag))
        face.set("typeface", KOREAN_FONT)
    if size is not None:
        text_properties.set("sz", str(int(size.pt * 100)))


def style_text_frame(frame, size: Pt) -> None:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            set_korean_font(run._r.get_or_add_rPr(), size)


def add_text(
    slide,
    left: int,
    top: int,
    width: int,
    height: int,
    lines: Sequence[str],
    size: Pt,
    bold: bool = False,
    colour: RGBColor | None = None,
    centred: bool = False,
):
    """A wrapping text box, one paragraph per line; positions are integer EMUs."""
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.bold = bold
        if colour is not None:
            paragraph.font.color.rgb = colour
        if centred:
            paragraph.alignment = PP_ALIGN.CENTER
    style_text_frame(frame, size)
    return box


def text_em(text: str) -> float:
    """Width in ems: Hangul and other wide characters one em, the rest a little over half."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6 for char in text)
