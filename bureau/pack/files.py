"""Download file names that say what a file holds, as of when, and in which unit."""

from __future__ import annotations

import re
from datetime import date

_UNSAFE = re.compile(r'[\s\\/:*?"<>|]+')
#: The workbook keeps every table in the unit its source has (천원, 억원, 명 …).
SOURCE_UNITS = "원자료단위"


def file_name(title: str, as_of: date, suffix: str, unit: str | None = None) -> str:
    """``file_name("세출총괄", date(2025, 3, 31), "xlsx", "천원")`` → ``세출총괄_2025-03-31_천원.xlsx``."""
    parts = [title, as_of.isoformat(), *([unit] if unit else [])]
    return "_".join(_UNSAFE.sub("_", part).strip("_") for part in parts) + f".{suffix}"
