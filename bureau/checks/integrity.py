"""The checks every table declares by its shape, run in DuckDB: unique keys (``Table.key``) and
references (``Table.references``)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from bureau.schema import Table
from bureau.sources import SourceError
from bureau.sql import identifier


def unique_keys(con: duckdb.DuckDBPyConnection, tables: Sequence[Table]) -> list[SourceError]:
    """Rows after the first with the same key, at the key's last column."""
    errors = []
    for table in tables:
        columns = ", ".join(identifier(column) for column in table.key)
        duplicates = con.execute(
            f"SELECT list(source_line ORDER BY source_line) FROM {identifier(table.name)} "
            f"GROUP BY {columns} HAVING count(*) > 1"
        ).fetchall()
        column = list(table.model.model_fields).index(table.key[-1]) + 1
        for (lines,) in duplicates:
            for line in lines[1:]:
                message = f"duplicate key ({', '.join(table.key)}): same as line {lines[0]}"
                errors.append(SourceError(table.file, line, column, message))
    return errors


def references(con: duckdb.DuckDBPyConnection, tables: Sequence[Table]) -> list[SourceError]:
    """Rows whose referencing columns name no row of the referenced table."""
    by_name = {table.name: table for table in tables}
    errors = []
    for table in tables:
        fields = list(table.model.model_fields)
        for reference in table.references:
            target = by_name[reference.table]
            join = " AND ".join(
                f"t.{identifier(target_column)} = s.{identifier(column)}"
                for column, target_column in zip(reference.columns, reference.target)
            )
            present = " AND ".join(f"s.{identifier(column)} IS NOT NULL" for column in reference.columns)
            values = ", ".join(f"s.{identifier(column)}::VARCHAR" for column in reference.columns)
            missing = con.execute(
                f"SELECT s.source_line, [{values}] FROM {identifier(table.name)} s "
                f"WHERE {present} AND NOT EXISTS "
                f"(SELECT 1 FROM {identifier(target.name)} t WHERE {join}) ORDER BY 1"
            ).fetchall()
            column = fields.index(reference.columns[-1]) + 1
            for line, shown in missing:
                message = (
                    f"{reference.columns[-1]} {shown[-1]!r} does not exist in {target.file} "
                    f"(as of {shown[0]})"
                    if len(shown) > 1
                    else f"{reference.columns[-1]} {shown[-1]!r} does not exist in {target.file}"
                )
                errors.append(SourceError(table.file, line, column, message, related=(target.file,)))
    return errors
