"""Reader processes and a slow build for the live-rebuild tests (importable by spawn)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

#: One statement is one snapshot: the build id and a figure that differs per build.
SNAPSHOT_SQL = "SELECT (SELECT build_id FROM build_info), (SELECT count(*) FROM duties)"


def reader(database: str, mode: str, stop, results) -> None:
    """Query until ``stop`` is set; put (answers, errors) on ``results``.

    ``mode`` "live": one process-wide connection keyed by file identity (as the app);
    "fresh": a new read-only connection per query.
    """
    from bureau.connection import LiveConnection, open_read_only

    live = LiveConnection()
    answers: list[tuple[str, int]] = []
    errors: list[str] = []
    path = Path(database)
    while not stop.is_set():
        try:
            if mode == "live":
                with live.use(path) as con:
                    row = con.execute(SNAPSHOT_SQL).fetchone()
            else:
                con = open_read_only(path)
                try:
                    row = con.execute(SNAPSHOT_SQL).fetchone()
                finally:
                    con.close()
            answers.append((row[0], int(row[1])))
        except Exception as error:  # recorded: the test asserts there are none
            errors.append(f"{type(error).__name__}: {error}")
    live.close()
    results.put((mode, answers, errors))


def slow_build(sources: str, database: str, marker: str) -> None:
    """Build, but stop for a minute after the temp file is written (to be killed there)."""
    import bureau.build as build_module

    original = build_module._write

    def write_then_wait(con, loaded):
        found = original(con, loaded)
        con.execute("CHECKPOINT")
        Path(marker).write_text("temp file written", encoding="utf-8")
        time.sleep(60)
        return found

    build_module._write = write_then_wait
    build_module.build(Path(sources), Path(database))


if __name__ == "__main__":
    slow_build(*sys.argv[1:4])
