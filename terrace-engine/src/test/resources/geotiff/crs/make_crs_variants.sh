#!/bin/sh
# Regenerates the georeferencing / CRS / colour-space fixtures in this folder and their answers
# (points.csv, wkt_cases.csv, geokeys.txt); see README.md.
#
#   ./make_crs_variants.sh        (no arguments)
#
# Needs the Debian packages gdal-bin python3-gdal python3-numpy (Debian's /usr/bin/python3 is used
# explicitly). The Java tests NEVER run this script: they only read the committed files.
set -eu
cd "$(dirname "$0")"
export GDAL_PAM_ENABLED=NO
exec /usr/bin/python3 make_crs_variants.py "$@"
