"""Where the source tables and the built database live (overridable for tests)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def sources_dir() -> Path:
    """The folder of source CSVs; ``BUREAU_SOURCES`` overrides it."""
    return Path(os.environ.get("BUREAU_SOURCES", PROJECT_ROOT / "data" / "sources"))


def database_path() -> Path:
    """The live DuckDB file; ``BUREAU_DATABASE`` overrides it."""
    return Path(os.environ.get("BUREAU_DATABASE", PROJECT_ROOT / "data" / "bureau.duckdb"))
