"""A synthetic history made from the real report: N quarterly reports, for the scale benchmark.

Every table in ``bureau.topics.TABLES`` is generated generically from its CSV in
data/sources, so tables added later are included without changes here. Report ``k``
(0 = the real one) is the real data moved back ``3k`` months:

- every ``date`` field is shifted (a month-end stays a month-end, so 2025-03-31 →
  2024-12-31 → 2024-09-30 …), ``YYYY-MM`` text likewise, and integer ``*year*`` fields
  by the change in the as-of year;
- integer figures (not keys, references, ordering or year columns) are multiplied by a
  whole factor ``1 + k % 3``. Scaling every figure of a report by the same whole number
  keeps each sum, total and ratio exact, so the same checks accept the synthetic reports.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from datetime import date
from pathlib import Path

from bureau.build import base_type
from bureau.sources import decode
from bureau.topics import TABLES

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NOT_A_FIGURE = re.compile(r"year|month|order|seq|(^|_)no$|(^|_)id$|rank")
#: A calendar year (fiscal_year, from_year), not a count per year (times_per_year).
_YEAR_COLUMN = re.compile(r"^(?!.*_per_year$)(.*_)?year$")


def shift_months(day: date, months: int) -> date:
    """``day`` moved by ``months``; a month's last day stays the last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month, last if was_last else min(day.day, last))


def _reference_columns() -> dict[str, set[str]]:
    """Columns of each table that take part in a reference (either end)."""
    columns: dict[str, set[str]] = {table.name: set(table.key) for table in TABLES}
    for table in TABLES:
        for reference in table.references:
            columns[table.name].update(reference.columns)
            columns.setdefault(reference.table, set()).update(reference.target)
    return columns


def generate(sources: Path, target: Path, reports: int = 40, scale: bool = True) -> dict[str, int]:
    """Write ``reports`` quarterly copies of every source table to ``target``; rows per file."""
    target.mkdir(parents=True, exist_ok=True)
    protected = _reference_columns()
    written: dict[str, int] = {}
    for table in TABLES:
        path = sources / table.file
        if not path.exists():
            continue
        text, errors = decode(path, path.read_bytes())
        if text is None:
            raise ValueError(errors)
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        header = list(rows[0].keys()) if rows else next(csv.reader(io.StringIO(text)))
        fields = table.model.model_fields
        kinds = {name: base_type(info) for name, info in fields.items() if name in header}
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        count = 0
        for k in range(reports):
            months = -3 * k
            factor = 1 + k % 3 if scale else 1
            for row in rows:
                new = dict(row)
                as_of = date.fromisoformat(row["as_of"])
                years = shift_months(as_of, months).year - as_of.year
                for name, kind in kinds.items():
                    value = (row.get(name) or "").strip()
                    if not value:
                        continue
                    if kind is date:
                        new[name] = shift_months(date.fromisoformat(value), months).isoformat()
                    elif kind is str and _YEAR_MONTH.match(value):
                        year, month = map(int, _YEAR_MONTH.match(value).groups())
                        shifted = shift_months(date(year, month, 1), months)
                        new[name] = f"{shifted.year:04d}-{shifted.month:02d}"
                    elif kind is int and _YEAR_COLUMN.match(name) and value.isdigit():
                        new[name] = str(int(value) + years)
                    elif (
                        kind is int
                        and factor != 1
                        and name not in protected.get(table.name, set())
                        and not _NOT_A_FIGURE.search(name)
                    ):
                        number = value.replace(",", "").replace("△", "-")
                        if re.fullmatch(r"-?\d+", number):
                            new[name] = str(int(number) * factor)
                writer.writerow(new)
                count += 1
        (target / table.file).write_text(out.getvalue(), encoding="utf-8")
        written[table.file] = count
    return written
