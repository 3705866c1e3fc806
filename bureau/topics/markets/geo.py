"""The offline base map: a hand-drawn, approximate outline of Seoul and the Han River
(``data/geo/seoul_outline.geojson``, shipped in the repo so the map needs no internet)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bureau.paths import PROJECT_ROOT

OUTLINE_FILE = PROJECT_ROOT / "data" / "geo" / "seoul_outline.geojson"
#: Seoul's latitude: one degree of longitude is cos(37.55°) ≈ 0.79 of a degree of latitude.
SEOUL_LATITUDE = 37.55


@dataclass(frozen=True)
class Line:
    name: str
    kind: str  # "boundary" or "river"
    lon: tuple[float, ...]
    lat: tuple[float, ...]


@cache
def seoul_outline(path: Path = OUTLINE_FILE) -> tuple[Line, ...]:
    """The outline's features as lon/lat sequences (polygons closed)."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    lines = []
    for feature in features:
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"][0] if geometry["type"] == "Polygon" else geometry["coordinates"]
        lon, lat = zip(*coordinates)
        lines.append(Line(feature["properties"]["name"], feature["properties"]["kind"], lon, lat))
    return tuple(lines)


def aspect_ratio(latitude: float = SEOUL_LATITUDE) -> float:
    """How many times taller a degree of latitude is drawn than a degree of longitude."""
    return 1 / math.cos(math.radians(latitude))
