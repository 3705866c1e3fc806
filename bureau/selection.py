"""The one query most pages need: a table's rows of one report (and one department), in the
report's order, as a typed frame.

A topic's ``queries.py`` declares them (``supplies = Selection(SUPPLIES)``) and writes SQL only
where a query does more (joins, recursion, aggregates). Identifiers come from the declared
schema only (``bureau.sql.identifier``); every value is bound.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from bureau.schema import Table, base_type, literal_values
from bureau.sql import frame, identifier, with_dates


def selection_sql(
    table: Table, columns: Sequence[str], equal: Mapping[str, object]
) -> tuple[str, list[object]]:
    """``SELECT columns FROM table WHERE … = ? ORDER BY …`` and its parameters: rows whose
    ``equal`` columns hold the values given, in the table's declared ``order`` (a ``Literal``
    column in the order its values are declared), then the order of the file."""
    fields = table.model.model_fields
    unknown = [name for name in (*columns, *equal, *table.order) if name not in fields]
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(unknown)}")
    params: list[object] = list(equal.values())
    order = []
    for name in table.order:
        values = literal_values(fields[name])
        if values:
            order.append(f"list_position(?, {identifier(name)})")
            params.append(list(values))
        else:
            order.append(identifier(name))
    sql = (
        f"SELECT {', '.join(map(identifier, columns))} FROM {identifier(table.name)} "
        f"WHERE {' AND '.join(f'{identifier(name)} = ?' for name in equal) or 'true'} "
        f"ORDER BY {', '.join([*order, 'source_line'])}"
    )
    return sql, params


@dataclass(frozen=True)
class Selection:
    """``table``'s rows of one report: ``columns`` (default: all but ``as_of``) of the rows
    whose ``by`` columns equal the values passed (``topic``), and of one department where
    the table has a ``dept`` column and one is passed. DATE columns come back as
    ``datetime.date`` (None when empty).

    Called as ``selection(con, as_of, *values, **named)``: values for ``by`` then ``dept``, by
    position or by name, so it stands where a query function stood (``ui.data.run`` caches it
    by :attr:`cache_name`)."""

    table: Table
    columns: tuple[str, ...] = ()
    by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        selection_sql(self.table, self.selected, dict.fromkeys(self.by))  # unknown columns fail here

    @property
    def selected(self) -> tuple[str, ...]:
        return self.columns or tuple(name for name in self.table.model.model_fields if name != "as_of")

    @property
    def parameters(self) -> tuple[str, ...]:
        """What a call may pass after ``as_of``: the ``by`` columns, then ``dept`` if the table has one."""
        return (*self.by, *(("dept",) if "dept" in self.table.model.model_fields else ()))

    @property
    def cache_name(self) -> str:
        return f"{__name__}.Selection({self.table.name}: {', '.join(self.selected)} by {', '.join(self.by)})"

    def __call__(
        self, con: duckdb.DuckDBPyConnection, as_of: date, *values: object, **named: object
    ) -> pd.DataFrame:
        if len(values) > len(self.parameters) or set(named) - set(self.parameters):
            raise TypeError(f"{self.table.name} is selected by as_of and {', '.join(self.parameters)}")
        given = {**dict(zip(self.parameters, values)), **named}
        missing = [name for name in self.by if given.get(name) is None]
        if missing:
            raise TypeError(f"{self.table.name}: {', '.join(missing)} is required")
        equal = {"as_of": as_of, **{name: value for name, value in given.items() if value is not None}}
        rows = frame(con, *selection_sql(self.table, self.selected, equal))
        fields = self.table.model.model_fields
        return with_dates(rows, *(name for name in self.selected if base_type(fields[name]) is date))


def selector(tables: Sequence[Table]) -> Callable[..., Selection]:
    """``select = selector(TABLES)``: ``select("relief_supplies")`` is that table's Selection."""
    by_name = {table.name: table for table in tables}

    def select(name: str, columns: tuple[str, ...] = (), by: tuple[str, ...] = ()) -> Selection:
        return Selection(by_name[name], columns, by)

    return select
