#!/bin/sh
# Regenerates the codec fixtures in this folder and expected.csv (see README.md).
#
#   ./make_codecs.sh            (no arguments)
#
# Needs the Debian packages gdal-bin python3-gdal python3-numpy; uses Debian's /usr/bin/python3.
# The Java tests never run this script: they only read the committed files.
set -eu
cd "$(dirname "$0")"
export GDAL_PAM_ENABLED=NO
exec /usr/bin/python3 make_codecs.py "$@"
