#!/bin/sh
# Regenerates every fixture in this folder (GeoTIFF variants, expected.csv, points.csv,
# tiff_tags.csv, geokeys.txt, checks.txt, data/ copies of the sample rasters).
#
#   ./make_fixtures.sh            (no arguments)
#
# Needs the Debian packages gdal-bin python3-gdal python3-numpy python3-pyproj
# (Debian's /usr/bin/python3 is used explicitly); the sample rasters come from the committed copies in data/
# (override with SAMPLE_DATA_DIR=...). Deterministic: fixed numpy seeds.
#
# The Java tests NEVER run this script and do not need GDAL: they only read the committed files.
set -eu
cd "$(dirname "$0")"
export GDAL_PAM_ENABLED=NO
exec /usr/bin/python3 make_fixtures.py "$@"
