#!/bin/sh
# Splits the netCDF fixture bcsd_obs_1999.nc into one COG per variable and month, the way a stack of
# monthly files is usually published, so the time-series tests can check a stack against the same GDAL answers.
# Usage: make_stack.sh [path/to/bcsd_obs_1999.nc]   (GDAL 3.6.2 made the committed files)
set -eu
cd "$(dirname "$0")"
src=${1:-../netcdf/bcsd_obs_1999.nc}
for var in pr tas; do
  for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
    GDAL_PAM_ENABLED=NO gdal_translate -q -of COG -co COMPRESS=DEFLATE -co PREDICTOR=YES -a_srs EPSG:4326 \
      -b "$((1$month - 100))" "NETCDF:\"$src\":$var" "bcsd_${var}_1999-$month.tif"
  done
done
