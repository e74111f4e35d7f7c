#!/usr/bin/env python3
"""Writes wideband_expected.csv: what GDAL's rasterizer makes of each polygon in wideband_polygons.geojson on
wideband.tif.

For each polygon and pixel rule (center: GDAL's default; all_touched: ALL_TOUCHED=TRUE, as gdal_rasterize -at)
the count of cells burned and the mean of their values; for the exact rule, the polygon's area in cells, which
is what an exact coverage sums to where the raster holds the whole polygon. A feature's "reference" property,
when present, is the geometry GDAL is given instead: a polygon crossing the antimeridian written as its two
parts, which is how GDAL reads such a polygon correctly.
"""
import csv
import json
import os
import numpy as np
from osgeo import gdal, ogr, osr

os.environ.setdefault("GDAL_PAM_ENABLED", "NO")
gdal.UseExceptions()
here = os.path.dirname(os.path.abspath(__file__))

raster = gdal.Open(os.path.join(here, "wideband.tif"))
values = raster.GetRasterBand(1).ReadAsArray().astype(np.float64)
gt = raster.GetGeoTransform()
cell_area = gt[1] * -gt[5]
wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)


def burn(geometry, all_touched):
    mem = gdal.GetDriverByName("MEM").Create("", raster.RasterXSize, raster.RasterYSize, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(gt)
    mem.SetProjection(raster.GetProjection())
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("p", wgs84, ogr.wkbUnknown)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(geometry)
    layer.CreateFeature(feature)
    options = ["ALL_TOUCHED=TRUE"] if all_touched else []
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1], options=options)
    return mem.GetRasterBand(1).ReadAsArray() == 1


with open(os.path.join(here, "wideband_polygons.geojson")) as f:
    features = json.load(f)["features"]
rows = []
for feature in features:
    spec = feature["properties"].get("reference") or feature["geometry"]
    geometry = ogr.CreateGeometryFromJson(json.dumps(spec))
    for rule, touched in (("center", False), ("all_touched", True)):
        mask = burn(geometry, touched)
        rows.append([feature["properties"]["id"], rule, int(mask.sum()), repr(float(values[mask].mean()))])
    rows.append([feature["properties"]["id"], "exact", repr(geometry.GetArea() / cell_area), ""])

with open(os.path.join(here, "wideband_expected.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["id", "pixel_rule", "pixel_count", "mean"])
    out.writerows(rows)
