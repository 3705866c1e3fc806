"""Render the council deck to one PNG per slide through LibreOffice, for a person to look at.

python scripts/render_deck.py                  # newest report, into test-artifacts/deck
python scripts/render_deck.py --as-of 2025-03-31 --out /tmp/deck
python scripts/render_deck.py --pptx some.pptx  # an existing deck

Needs Debian's ``libreoffice-impress`` and ``poppler-utils`` (``make browser-deps``). Without
Korean Office fonts LibreOffice substitutes Noto CJK: judge layout, not glyph metrics.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bureau.__main__ import main as bureau_cli  # noqa: E402


def render(pptx: Path, out: Path, dpi: int = 60) -> list[Path]:
    """``pptx`` → PDF (soffice) → ``out/slide-NN.png`` (pdftoppm); returns the PNGs in order."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("slide-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as work:
        # A private profile: a second soffice (or a user's open one) would otherwise block this one.
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", work, str(pptx)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        pdf = Path(work, pptx.with_suffix(".pdf").name)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / "slide")], check=True)
    return sorted(out.glob("slide-*.png"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pptx", type=Path, help="render this deck instead of generating one")
    parser.add_argument("--as-of", help="report date, YYYY-MM-DD (default: the newest)")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "deck")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    pptx = args.pptx
    if pptx is None:
        args.out.mkdir(parents=True, exist_ok=True)
        pptx = args.out / "deck.pptx"
        if bureau_cli(["deck", str(pptx), *(["--as-of", args.as_of] if args.as_of else [])]) != 0:
            raise SystemExit(1)
    for png in render(pptx, args.out, args.dpi):
        print(png)


if __name__ == "__main__":
    main()
