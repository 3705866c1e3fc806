"""The one engine that runs every table's checks: the keys and references each table declares
by its shape, then the checks declared beside it (``Table.checks``, :mod:`bureau.checks.declared`).

Checks that reject the data run first (any error fails the build, the live database stays);
then every reconciliation is collected, each with the topic whose page shows it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial

import duckdb

from bureau.checks.base import Check, Data, ErrorCheck, Reconciliation, Scope
from bureau.checks.integrity import references, unique_keys
from bureau.schema import Table
from bureau.sources import SourceError
from bureau.topic import Topic


def _declared(topics: Sequence[Topic]) -> Iterator[tuple[Check, Table, str]]:
    for topic in topics:
        for table in topic.tables:
            for check in table.checks:
                yield check, table, topic.slug


def _data(con: duckdb.DuckDBPyConnection, topics: Sequence[Topic]) -> Data:
    return Data(con, {table.name: table for topic in topics for table in topic.tables})


def _errors_of(
    con: duckdb.DuckDBPyConnection, topics: Sequence[Topic], check: Check, table: Table, topic: str
) -> list[SourceError]:
    return check.errors(Scope(table, topic, _data(con, topics)))


def error_checks(topics: Sequence[Topic]) -> list[ErrorCheck]:
    """Every check that can reject the data, each a function of the loaded database: unique
    keys and references of every table, then each table's declared checks in registry order."""
    tables = [table for topic in topics for table in topic.tables]
    return [
        partial(unique_keys, tables=tables),
        partial(references, tables=tables),
        *(
            partial(_errors_of, topics=topics, check=check, table=table, topic=topic)
            for check, table, topic in _declared(topics)
        ),
    ]


def errors(con: duckdb.DuckDBPyConnection, topics: Sequence[Topic]) -> list[SourceError]:
    """Every error the checks find in the loaded database."""
    return [error for check in error_checks(topics) for error in check(con)]


def reconciliations(con: duckdb.DuckDBPyConnection, topics: Sequence[Topic]) -> list[Reconciliation]:
    """Every printed figure the declared checks compare with ours, in registry order (the
    tables are read once for all of them)."""
    data = _data(con, topics)
    return [
        item
        for check, table, topic in _declared(topics)
        for item in check.reconcile(Scope(table, topic, data))
    ]
