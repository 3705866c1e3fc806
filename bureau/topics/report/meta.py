"""The report periods in the database, build metadata and recorded discrepancies."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from bureau.sql import frame
from bureau.topics.report.calc import place_in_report
from bureau.units import Unit


def report_dates(con: duckdb.DuckDBPyConnection) -> list[date]:
    """The as-of date of every report in the database, newest first."""
    return [row[0] for row in con.execute("SELECT as_of FROM reports ORDER BY as_of DESC").fetchall()]


def previous_report(con: duckdb.DuckDBPyConnection, as_of: date) -> date | None:
    """The as-of date of the report just before ``as_of`` (None when it is the first)."""
    return con.execute("SELECT max(as_of) FROM reports WHERE as_of < ?", [as_of]).fetchone()[0]


def report(con: duckdb.DuckDBPyConnection, as_of: date) -> dict[str, str]:
    """One report's ``published`` month, ``title`` and ``source``."""
    row = con.execute("SELECT published, title, source FROM reports WHERE as_of = ?", [as_of]).fetchone()
    return dict(zip(("published", "title", "source"), row))


def report_sections(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """The report's numbered parts (``numeral``, ``title``) in order, with the page showing each."""
    return frame(
        con, "SELECT numeral, title, page FROM report_sections WHERE as_of = ? ORDER BY seq", [as_of]
    )


def issue_places(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """Where each current issue is in the report: its part (``section``), number, title, page
    and attachment (what a page's caption says; the issues' content is in the topics' queries)."""
    return frame(
        con,
        "SELECT section, issue_no, title, page, attachment FROM current_issues WHERE as_of = ? "
        "ORDER BY issue_no",
        [as_of],
    )


def place(con: duckdb.DuckDBPyConnection, as_of: date, page: str, title: str = "") -> str:
    """Where ``page`` is in the report (:func:`bureau.topics.report.calc.place_in_report`)."""
    return place_in_report(report_sections(con, as_of), issue_places(con, as_of), page, title)


def build_info(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """When the database in service was built, from which report (``latest_as_of``)."""
    row = con.execute("SELECT build_id, built_at, latest_as_of FROM build_info").fetchone()
    return dict(zip(("build_id", "built_at", "latest_as_of"), row))


def reconciliations(
    con: duckdb.DuckDBPyConnection,
    as_of: date,
    table_name: str | None = None,
    discrepancies_only: bool = False,
    topic: str | None = None,
) -> pd.DataFrame:
    """Printed-vs-recomputed comparisons of one report, optionally of one table or of the
    tables one topic's page shows."""
    return frame(
        con,
        """
        SELECT table_name, row_key, subject, figure, rule, printed, recomputed, matches, kind, note
        FROM reconciliation
        WHERE as_of = ? AND (? IS NULL OR table_name = ?) AND (? IS NULL OR topic = ?)
            AND (NOT ? OR NOT matches)
        ORDER BY table_name, subject, figure
        """,
        [as_of, table_name, table_name, topic, topic, discrepancies_only],
    )


def printed_units(con: duckdb.DuckDBPyConnection, as_of: date) -> dict[str, Unit]:
    """``table_name`` → the unit the report prints its amounts in (data/sources/report_units.csv)."""
    rows = con.execute("SELECT table_name, unit FROM report_units WHERE as_of = ?", [as_of]).fetchall()
    return {name: Unit(unit) for name, unit in rows}
