"""Screenshot every page (or those named) in headless Chromium, for a person to look at.

python scripts/screenshot.py                 # all pages, 1920×1080, into test-artifacts/screens
python scripts/screenshot.py budget --width 390 --query "unit=억원"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import chromium, running_app, screenshot_page  # noqa: E402
from ui.nav import PAGES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("slugs", nargs="*", help="page slugs (default: all)")
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--query", default="", help="URL query string, e.g. 'dept=인사과&unit=억원'")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "screens"))
    args = parser.parse_args()
    slugs = args.slugs or [page.slug for page in PAGES]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as base_url, chromium() as browser:
        for slug in slugs:
            target = out / f"{slug}-{args.width}.png"
            screenshot_page(base_url, slug, target, args.width, args.height, args.query, browser=browser)
            print(target)


if __name__ == "__main__":
    main()
