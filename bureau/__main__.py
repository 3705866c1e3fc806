"""Command line: ``python -m bureau build | deck OUT.pptx | workbook OUT.xlsx``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bureau import paths
from bureau.build import WRITE_FAILURES, build, is_stale, write_failure_message
from bureau.connection import is_usable, open_read_only
from bureau.pack.build import deck, workbook
from bureau.sources import SourceErrors
from bureau.topics.report import meta


def _build(args: argparse.Namespace) -> int:
    try:
        result = build(Path(args.sources), Path(args.database))
    except SourceErrors as failure:
        print(failure, file=sys.stderr)
        print(
            f"빌드 실패: {len(failure.errors)}개 오류. 기존 데이터베이스는 그대로입니다.",
            file=sys.stderr,
        )
        return 1
    except WRITE_FAILURES as failure:
        message = write_failure_message(failure)
        print(f"빌드 실패: {message}. 기존 데이터베이스는 그대로입니다.", file=sys.stderr)
        return 1
    total = sum(result.rows.values())
    print(
        f"built {result.database} ({total:,} rows in {len(result.rows)} tables, build {result.build_id[:8]})"
    )
    for item in result.discrepancies:
        print(f"  보고서 불일치: {item.subject} {item.figure}: 표기 {item.printed}, 재계산 {item.recomputed}")
    return 0


def _pack(args: argparse.Namespace) -> int:
    """Write the deck or the workbook for one report (the newest unless --as-of), from a
    database rebuilt first when it is older than the sources or damaged."""
    database = Path(args.database)
    if (is_stale(Path(args.sources), database) or not is_usable(database)) and _build(args) != 0:
        return 1
    with open_read_only(database) as con:
        dates = meta.report_dates(con)
        as_of = _known_date(args.as_of, dates) if args.as_of else dates[0]
        if as_of is None:
            known = ", ".join(day.isoformat() for day in dates)
            print(f"보고 기준일 {args.as_of}의 보고서가 없습니다. 있는 기준일: {known}", file=sys.stderr)
            return 1
        content = deck(con, as_of) if args.command == "deck" else workbook(con, as_of)
    Path(args.output).write_bytes(content)
    print(f"wrote {args.output} ({len(content):,} bytes, 기준일 {as_of})")
    return 0


def _known_date(text: str, dates: list[date]) -> date | None:
    """The report date ``text`` names (``YYYY-MM-DD``), or None when no report has it."""
    try:
        wanted = date.fromisoformat(text)
    except ValueError:
        return None
    return wanted if wanted in dates else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bureau", description="행정국 업무보고 데이터")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="data/sources → data/bureau.duckdb")
    build_parser.set_defaults(run=_build)
    deck_parser = commands.add_parser("deck", help="the council deck (.pptx, native charts)")
    workbook_parser = commands.add_parser("workbook", help="every table as an .xlsx workbook")
    for pack_parser in (deck_parser, workbook_parser):
        pack_parser.add_argument("output", help="file to write")
        pack_parser.add_argument("--as-of", help="report date YYYY-MM-DD (default: newest)")
        pack_parser.set_defaults(run=_pack)
    for sub in (build_parser, deck_parser, workbook_parser):
        sub.add_argument("--sources", default=str(paths.sources_dir()))
        sub.add_argument("--database", default=str(paths.database_path()))
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
