#!/bin/sh
# Regenerates every file in this folder except this script, make_variants.py and README.md: the GeoTIFF
# variants (and their .aux.xml / .msk sidecars), variants.csv, points.csv, polygons.csv, geometries.geojson
# and checks.txt.
#
#   ./make_variants.sh            (no arguments)
#
# Needs GDAL 3.6 with its Python bindings and numpy for the system Python (Debian: gdal-bin python3-gdal
# python3-numpy; the script runs /usr/bin/python3 explicitly) and projinfo (proj-bin). Deterministic.
# PAM is off (no .aux.xml appears) except where a variant needs a sidecar: make_variants.py turns it on
# just for those files.
#
# The Java tests NEVER run this script and do not need GDAL: they only read the committed files.
set -eu
cd "$(dirname "$0")"
export GDAL_PAM_ENABLED=NO
exec /usr/bin/python3 make_variants.py "$@"
