"""requirements.lock pins the whole dependency tree with hashes, and is what gets installed."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes) for every package in the lock."""
    found: dict[str, tuple[str, int]] = {}
    name = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        pin = _PIN.match(line)
        if pin:
            name = _canonical(pin.group(1))
            found[name] = (pin.group(2), 0)
        elif name and line.strip().startswith("--hash=sha256:"):
            version, hashes = found[name]
            found[name] = (version, hashes + 1)
    return found


def test_every_locked_package_has_a_hash_and_every_direct_one_is_locked_at_its_pin():
    locked = _locked()
    assert all(hashes > 0 for _, hashes in locked.values()), locked
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        pin = _PIN.match(line)
        if pin:
            assert locked[_canonical(pin.group(1))][0] == pin.group(2), line


def test_the_lock_covers_the_whole_installed_tree():
    """Transitive packages too (starlette, protobuf, pillow, requests…): every distribution
    the direct requirements pull in is locked at the version installed here."""
    locked = _locked()
    assert {"starlette", "uvicorn", "protobuf", "pillow", "requests"} <= set(locked)
    for name, (version, _) in locked.items():
        assert _installed(name) == version, name


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def test_make_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(VENV)/.installed: requirements.lock" in makefile
    assert "--require-hashes -r requirements.lock" in makefile
    assert re.search(r"^lock:", makefile, re.MULTILINE)
