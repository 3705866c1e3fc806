"""A read-only data/ folder for the fault tests, and the app run inside one.

Permission bits do not stop root, so as root the command runs in a private mount namespace
where the folder is bind-mounted read-only (writes fail with EROFS, as on a read-only
share); otherwise the folder is made read-only with chmod for the duration of the command.
Run as a script, this module opens the app once and prints what it shows as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_read_only(
    folder: Path, command: list[str], env: dict[str, str], writable: tuple[Path, ...] = ()
) -> subprocess.CompletedProcess:
    """Run ``command`` (from the project root, ``env`` added) with ``folder`` read-only
    except for the existing files ``writable`` in it (as chmod leaves a file's own mode)."""
    environment = {**os.environ, **env}
    options = {"capture_output": True, "text": True, "cwd": ROOT, "timeout": 300, "env": environment}
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(command, **options)
        finally:
            folder.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: no way to make a folder read-only")
    # Each writable file is a writable copy outside the folder, mounted over the original.
    mounts = [f'mount --bind -o ro "{folder}" "{folder}"']
    for file in writable:
        copy = folder.parent / f"{file.name}.writable"
        shutil.copyfile(file, copy)
        mounts.append(f'mount --bind "{copy}" "{file}"')
    script = " && ".join([*mounts, 'exec "$@"'])
    return subprocess.run(["unshare", "--mount", "sh", "-c", script, "sh", *command], **options)


def show_app() -> dict[str, list[str]]:
    """Open app.py once (BUREAU_* environment) and collect what a viewer would see."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    return {
        "exceptions": [exception.message for exception in app.exception],
        "errors": [error.value for error in app.error],
        "metrics": [f"{metric.label}={metric.value}" for metric in app.metric],
        "expanders": [expander.label for expander in app.expander],
        "code": [code.value for code in app.code],
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(show_app(), ensure_ascii=False))
