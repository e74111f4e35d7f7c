#!/usr/bin/env bash
# Reproducible reference benchmark for raster zonal statistics / point extraction.
# Debian 12 (bookworm). Needs: gdal-bin python3-gdal python3-numpy python3-rasterio
#   python3-shapely python3-pyproj time   (optional: r-base-core r-cran-terra r-cran-codetools)
#
# usage: ./make_bench.sh [SRC_TIF] [OUT_DIR]       (about 6-8 minutes on 2 cores, ~3 GB disk)
#   SRC_TIF  default: the olinda DEM bundled with the engine's sample datasets
#   OUT_DIR  default /tmp/terrace-bench (creates OUT_DIR/data and OUT_DIR/results)
# env: SKIP_TERRA=1 to skip the R/terra runs; REPS=3 number of timed repetitions; SKIP_TIMINGS=1 to make the
#      data and the reference answers only (what terrace-bench needs).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="${1:-$HERE/../../terrace-engine/src/main/resources/dev/terrace/engine/samples/olinda_dem_utm25s.tif}"
OUT="${2:-${TMPDIR:-/tmp}/terrace-bench}"
REPS="${REPS:-3}"
PY=/usr/bin/python3     # Debian python (python3-rasterio etc.), not a pyenv shim
D="$OUT/data"; R="$OUT/results"
mkdir -p "$D" "$R"
T="/usr/bin/time -f wall=%es,maxrss=%MkB"

echo "== 1. rasters (20000x20000, 0.5 m, EPSG:32725) =="
if [ ! -s "$D/bench_dem_cog.tif" ]; then
  $PY "$HERE/make_raster.py" "$SRC" "$D"
  gdal_translate -q -of COG -co COMPRESS=DEFLATE -co PREDICTOR=3 -co NUM_THREADS=2 \
      -co BLOCKSIZE=512 "$D/bench_dem.tif" "$D/bench_dem_cog.tif"
  gdal_translate -q -of COG -co COMPRESS=DEFLATE -co PREDICTOR=2 -co NUM_THREADS=2 \
      -co BLOCKSIZE=512 -co RESAMPLING=NEAREST "$D/bench_class.tif" "$D/bench_class_cog.tif"
  rm -f "$D/bench_dem.tif" "$D/bench_class.tif"
fi

echo "== 2. geometries (1000 polygons, 100000 points, GeoJSON EPSG:4326) =="
$PY "$HERE/make_geoms.py" "$D"
rm -f "$D/polygons_multi.gpkg"
ogr2ogr -f GPKG "$D/polygons_multi.gpkg" "$D/polygons.geojson" -nlt MULTIPOLYGON -nln polygons 2>/dev/null

echo "== 3. reference answers (oracle) =="
$T $PY "$HERE/ref_polygons.py" "$D/polygons.geojson" "$D/bench_dem_cog.tif" \
    "$D/bench_class_cog.tif" "$R/ref_polygons.csv"
$PY "$HERE/bench_points.py" blocks "$D/points.geojson" "$D/bench_dem_cog.tif" "$R/ref_points.csv"

# Points in tile order and the first 10 000 in input order, for gdallocationinfo and terrace-bench's PointsBench.
$PY - "$D" <<'EOF' >/dev/null
import csv, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + '/../results/ref_points.csv')))
order = sorted(range(len(rows)), key=lambda i: (int(rows[i]['row']) // 512, int(rows[i]['col']) // 512))
open(d + '/pts_lonlat_sorted.txt', 'w').writelines(f"{rows[i]['lon']} {rows[i]['lat']}\n" for i in order)
open(d + '/pts_lonlat_10k.txt', 'w').writelines(f"{r['lon']} {r['lat']}\n" for r in rows[:10000])
EOF

if [ -n "${SKIP_TIMINGS:-}" ]; then exit 0; fi

echo "== 4. timings ($REPS reps each; GDAL_CACHEMAX default = 5% of RAM unless stated) =="
TIM="$R/timings.txt"; : > "$TIM"
log() { echo "$*" | tee -a "$TIM"; }
for i in $(seq "$REPS"); do
  log "[polygons rasterio centre 1 proc] $( { $T $PY "$HERE/bench_polygons.py" "$D/polygons.geojson" "$D/bench_dem_cog.tif" "$R/bench_poly_center_w1.csv" 1; } 2>&1 | tr '\n' ' ')"
done
for i in $(seq "$REPS"); do
  log "[polygons rasterio centre 1 proc GDAL_CACHEMAX=64MB] $( { GDAL_CACHEMAX=64 $T $PY "$HERE/bench_polygons.py" "$D/polygons.geojson" "$D/bench_dem_cog.tif" "$R/bench_poly_center_w1.csv" 1; } 2>&1 | tr '\n' ' ')"
  log "[polygons rasterio centre 2 procs] $( { $T $PY "$HERE/bench_polygons.py" "$D/polygons.geojson" "$D/bench_dem_cog.tif" "$R/bench_poly_center_w2.csv" 2; } 2>&1 | tr '\n' ' ')"
  log "[polygons rasterio all_touched 1 proc] $( { $T $PY "$HERE/bench_polygons.py" "$D/polygons.geojson" "$D/bench_dem_cog.tif" "$R/bench_poly_touched_w1.csv" 1 true; } 2>&1 | tr '\n' ' ')"
  log "[points blocks (tile-grouped)] $( { $T $PY "$HERE/bench_points.py" blocks "$D/points.geojson" "$D/bench_dem_cog.tif" "$R/points_blocks.csv"; } 2>&1 | tr '\n' ' ')"
  log "[points gdallocationinfo tile-sorted 100k] $( { $T gdallocationinfo -valonly -wgs84 "$D/bench_dem_cog.tif" < "$D/pts_lonlat_sorted.txt" > "$R/gdalloc_sorted.txt"; } 2>&1 | tr '\n' ' ')"
done
log "[points full-read] $( { $T $PY "$HERE/bench_points.py" full "$D/points.geojson" "$D/bench_dem_cog.tif" "$R/points_full.csv"; } 2>&1 | tr '\n' ' ')"
log "[points rasterio sample(), input order] $( { $T $PY "$HERE/bench_points.py" sample "$D/points.geojson" "$D/bench_dem_cog.tif" "$R/points_sample.csv"; } 2>&1 | tr '\n' ' ')"
log "[points gdallocationinfo input order, first 10k only] $( { $T gdallocationinfo -valonly -wgs84 "$D/bench_dem_cog.tif" < "$D/pts_lonlat_10k.txt" > "$R/gdalloc_10k.txt"; } 2>&1 | tr '\n' ' ')"
if [ -z "${SKIP_TERRA:-}" ] && command -v Rscript >/dev/null; then
  for m in poly points; do
    log "[terra $m] $( { $T Rscript "$HERE/bench_terra.R" $m "$D" "$R"; } 2>&1 | grep -v -i codetools | tr '\n' ' ')"
  done
fi

echo "== 5. cross-check =="
$PY "$HERE/check_results.py" "$R" | tee -a "$TIM"
