"""Build the web map's world outline (src/sitrep/web/static/world.svg) from Natural Earth.

    python scripts/build_world_map.py ne_110m_land.geojson

Input: Natural Earth's 1:110m land polygons as GeoJSON (``ne_110m_land.geojson``, public
domain, naturalearthdata.com; the copy used was read from a GitHub snapshot of the Natural
Earth vector files). Output: one SVG path in an equirectangular projection, x = longitude
+ 180 and y = 90 - latitude (so the web map places a point with the same arithmetic), with
coordinates rounded to 0.1 degree: about 40 kB, drawn without any tile server.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "web" / "static" / "world.svg"


def _ring(points: list[list[float]]) -> str:
    coords: list[str] = []
    last = None
    for lon, lat, *_ in points:
        point = (round(lon + 180, 1), round(90 - lat, 1))
        if point != last:
            coords.append(f"{point[0]:g} {point[1]:g}")
            last = point
    return "M" + "L".join(coords) + "Z" if len(coords) > 2 else ""


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    features = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))["features"]
    rings: list[str] = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for polygon in polygons:
            rings.extend(r for r in (_ring(ring) for ring in polygon) if r)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">\n'
        "<!-- Natural Earth 1:110m land (public domain, naturalearthdata.com); "
        "built by scripts/build_world_map.py -->\n"
        '<path fill="#dfe5ec" stroke="#aab6c3" stroke-width="0.15" '
        f'd="{"".join(rings)}"/>\n</svg>\n'
    )
    OUTPUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(svg):,} bytes, {len(rings)} rings)")


if __name__ == "__main__":
    main()
