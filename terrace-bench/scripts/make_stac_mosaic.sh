#!/usr/bin/env bash
# Cuts the 20000² reference DEM into a 4 × 4 static STAC catalog of 5000² COGs, for StacMosaicBench:
#
#   terrace-bench/scripts/make_stac_mosaic.sh [DATA_DIR]
#
# DATA_DIR defaults to $TMPDIR/terrace-bench/data (where make_bench.sh writes bench_dem_cog.tif); the catalog goes
# to DATA_DIR/stac16/catalog.json, each item beside its COG under DATA_DIR/stac16/items/. The COGs keep the
# reference's compression (DEFLATE, floating-point predictor, 512² blocks); each item's footprint is GDAL's
# wgs84Extent of its file. Needs GDAL (gdal_translate, gdalinfo) and python3.
set -euo pipefail
data=${1:-${TMPDIR:-/tmp}/terrace-bench/data}
dem="$data/bench_dem_cog.tif"
out="$data/stac16"
[ -f "$dem" ] || { echo "no $dem: run terrace-bench/scripts/make_bench.sh first" >&2; exit 1; }
mkdir -p "$out/items"
for row in 0 1 2 3; do
  for col in 0 1 2 3; do
    id="dem_r${row}c${col}"
    tif="$out/items/$id.tif"
    if [ ! -f "$tif" ]; then
      gdal_translate -q -srcwin $((col * 5000)) $((row * 5000)) 5000 5000 -of COG \
        -co COMPRESS=DEFLATE -co PREDICTOR=FLOATING_POINT -co BLOCKSIZE=512 -co OVERVIEWS=NONE "$dem" "$tif"
    fi
    gdalinfo -json "$tif" > "$out/items/$id.gdalinfo.json"
  done
done
python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
links = [{"rel": "root", "href": "./catalog.json", "type": "application/json"},
         {"rel": "self", "href": "./catalog.json", "type": "application/json"}]
for name in sorted(os.listdir(os.path.join(out, "items"))):
    if not name.endswith(".gdalinfo.json"):
        continue
    ident = name[: -len(".gdalinfo.json")]
    info = json.load(open(os.path.join(out, "items", name)))
    ring = info["wgs84Extent"]["coordinates"][0]
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    item = {
        "type": "Feature", "stac_version": "1.0.0", "id": ident,
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "geometry": info["wgs84Extent"],
        "properties": {"datetime": "2020-01-01T00:00:00Z"},
        "links": [{"rel": "root", "href": "../catalog.json", "type": "application/json"}],
        "assets": {"data": {"href": "./" + ident + ".tif",
                            "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                            "roles": ["data"]}},
    }
    json.dump(item, open(os.path.join(out, "items", ident + ".json"), "w"))
    links.append({"rel": "item", "href": "./items/" + ident + ".json", "type": "application/geo+json"})
json.dump({"type": "Catalog", "stac_version": "1.0.0", "id": "bench-dem-16",
           "description": "The reference DEM in 16 items", "links": links},
          open(os.path.join(out, "catalog.json"), "w"))
PY
echo "wrote $out/catalog.json"
