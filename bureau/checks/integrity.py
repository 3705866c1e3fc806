"""Generic cross-row checks run in DuckDB for every table: unique keys and references."""

from __future__ import annotations

import duckdb

from bureau.sources import SourceError
from bureau.sql import identifier
from bureau.topics import TABLES, TABLES_BY_NAME


def unique_keys(con: duckdb.DuckDBPyConnection) -> list[SourceError]:
    errors = []
    for table in TABLES:
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


def references(con: duckdb.DuckDBPyConnection) -> list[SourceError]:
    errors = []
    for table in TABLES:
        fields = list(table.model.model_fields)
        for reference in table.references:
            target = TABLES_BY_NAME[reference.table]
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
