"""Command line: ``python -m bureau build`` (more commands join as they are built)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bureau import paths
from bureau.build import build
from bureau.sources import SourceErrors


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
    except OSError as failure:  # unreadable folder, no permission to write the database...
        where = failure.filename or args.database
        print(f"{where}:0:0: {failure.strerror or failure}", file=sys.stderr)
        print("빌드 실패: 파일을 읽거나 쓸 수 없습니다. 기존 데이터베이스는 그대로입니다.", file=sys.stderr)
        return 1
    total = sum(result.rows.values())
    print(
        f"built {result.database} ({total:,} rows in {len(result.rows)} tables, build {result.build_id[:8]})"
    )
    for item in result.discrepancies:
        print(f"  보고서 불일치: {item.subject} {item.figure}: 표기 {item.printed}, 재계산 {item.recomputed}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bureau", description="행정국 업무보고 데이터")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="data/sources → data/bureau.duckdb")
    build_parser.add_argument("--sources", default=str(paths.sources_dir()))
    build_parser.add_argument("--database", default=str(paths.database_path()))
    build_parser.set_defaults(run=_build)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
