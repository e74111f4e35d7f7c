"""Writes the STAC catalog of this folder from its GeoTIFFs (see README.md)."""
import json
import subprocess

WEST, EAST, NORTH, SOUTH = 5.741666666666666, 6.533333333333333, 50.191666666666663, 49.441666666666663


def extent(tif):
    info = json.loads(subprocess.check_output(["gdalinfo", "-json", tif]))
    x0, dx, _, y0, _, dy = info["geoTransform"]
    w, h = info["size"]
    return [x0, y0 + h * dy, x0 + w * dx, y0]


def write(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def item(collection, name, day, href, bbox, epsg=None):
    w, s, e, n = bbox
    props = {"datetime": day + "T00:00:00Z"}
    if epsg:
        props["proj:epsg"] = epsg
    doc = {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": ["https://stac-extensions.github.io/projection/v1.1.0/schema.json"] if epsg else [],
        "id": name,
        "collection": collection,
        "bbox": bbox,
        "geometry": {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]},
        "properties": props,
        "links": [{"rel": "collection", "href": "./collection.json", "type": "application/json"}],
        "assets": {"data": {"href": href, "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                            "roles": ["data"]}},
    }
    write(f"{collection}/{name}.json", doc)
    return name


def collection(name, description, items, bbox, times, item_assets=None):
    extra = {"item_assets": item_assets} if item_assets else {}
    write(f"{name}/collection.json", {
        "type": "Collection", "stac_version": "1.0.0", "stac_extensions": [], "id": name,
        "description": description, "license": "GPL-3.0-or-later", **extra,
        "extent": {"spatial": {"bbox": [bbox]}, "temporal": {"interval": [[times[0], times[-1]]]}},
        "links": [{"rel": "root", "href": "../catalog.json", "type": "application/json"}]
        + [{"rel": "item", "href": f"./{i}.json", "type": "application/geo+json"} for i in items],
    })


lux = [item("lux", t, "2024-01-01", f"../{t}.tif", extent(f"{t}.tif")) for t in ["nw", "ne", "sw", "se"]]
# Its item_assets say what a dataset's catalog entry may leave out: the band's unit and nodata, and
# (for the test of a categorical dataset over these items) a class.
collection("lux", "elev_lux.tif cut into four items", lux, [WEST, SOUTH, EAST, NORTH],
           ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"],
           {"data": {"raster:bands": [{"nodata": -32768, "unit": "m"}],
                     "classification:classes": [{"value": 300, "description": "three hundred metres"}]}})

series = []
for day in ["2024-01-01", "2024-02-01", "2024-03-01"]:
    series.append(item("series", "nw-" + day, day, "../nw.tif", extent("nw.tif")))
    # In March the north-east item's asset is missing.
    href = "../ne_missing.tif" if day == "2024-03-01" else "../ne.tif"
    series.append(item("series", "ne-" + day, day, href, extent("ne.tif")))
collection("series", "The northern items of lux on three dates, the last one's north-east asset missing",
           series, [WEST, 49.81666666666667, EAST, NORTH], ["2024-01-01T00:00:00Z", "2024-03-01T00:00:00Z"])

utm = [item("utm", "utm31", "2024-01-01", "../utm31.tif", [WEST, SOUTH, 6.0, NORTH], 32631),
       item("utm", "utm32", "2024-01-01", "../utm32.tif", [6.0, SOUTH, EAST, NORTH], 32632)]
collection("utm", "elev_lux.tif cut at 6°E, each side warped to its UTM zone", utm, [WEST, SOUTH, EAST, NORTH],
           ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"])

# Two items that overlap over columns 24-47: the raster's north-western quarter, and raised.tif, the
# raster's columns 24-71 of the same rows plus 1000; listed in both orders.
for name, first, second in [("overlap", "nw", "raised"), ("overlap_reversed", "raised", "nw")]:
    pair = [item(name, t, "2024-01-01", f"../{t}.tif", extent(f"{t}.tif")) for t in [first, second]]
    collection(name, f"{first}.tif and {second}.tif, overlapping, {first} first", pair,
               [WEST, 49.81666666666667, 6.341666666666667, NORTH],
               ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"])

# The olinda sample (UTM zone 25S) in four quarters on its own grid: projected items of one CRS, each
# standing for GDAL's wgs84Extent of its file.
def footprint(tif):
    info = json.loads(subprocess.check_output(["gdalinfo", "-json", tif]))
    ring = info["wgs84Extent"]["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return [min(lons), min(lats), max(lons), max(lats)], info["wgs84Extent"]


olinda = []
for t in ["olinda_nw", "olinda_ne", "olinda_sw", "olinda_se"]:
    bbox, geometry = footprint(f"{t}.tif")
    name = item("olinda", t, "2024-01-01", f"../{t}.tif", bbox, 32725)
    doc = json.load(open(f"olinda/{name}.json"))
    doc["geometry"] = geometry
    write(f"olinda/{name}.json", doc)
    olinda.append(name)
whole, _ = footprint("../../../main/resources/dev/terrace/engine/samples/olinda_dem_utm25s.tif")
collection("olinda", "olinda_dem_utm25s.tif cut into four items in its UTM zone", olinda, whole,
           ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"])

write("catalog.json", {
    "type": "Catalog", "stac_version": "1.0.0", "stac_extensions": [], "id": "terrace-test",
    "description": "Items cut from the built-in sample elev_lux.tif",
    "links": [{"rel": "root", "href": "./catalog.json", "type": "application/json"}]
    + [{"rel": "child", "href": f"./{c}/collection.json", "type": "application/json"} for c in ["lux", "series", "utm", "overlap", "overlap_reversed", "olinda"]],
})
