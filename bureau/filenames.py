"""Download file names that say what a file holds, as of when, and in which unit."""

from __future__ import annotations

import re
from datetime import date

_UNSAFE = re.compile(r'[\s\\/:*?"<>|]+')
_CAPTION_UNIT = re.compile(r"\(단위\s*:\s*([^)]+)\)")
#: The workbook keeps every table in the unit its source has (천원, 억원, 명 …).
SOURCE_UNITS = "원자료단위"


def file_name(title: str, as_of: date, suffix: str, unit: str | None = None) -> str:
    """``file_name("세출총괄", as_of, "xlsx", "천원")`` → ``세출총괄_<as_of YYYY-MM-DD>_천원.xlsx``."""
    parts = [title, as_of.isoformat(), *([unit] if unit else [])]
    return "_".join(_UNSAFE.sub("_", part).strip("_") for part in parts) + f".{suffix}"


def caption_unit(caption: str) -> str | None:
    """The unit a table caption names: ``(단위 : 천원, %)`` → ``천원·%``; None without one."""
    found = _CAPTION_UNIT.search(caption)
    return "·".join(part.strip() for part in found.group(1).split(",")) if found else None
