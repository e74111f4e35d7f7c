#!/usr/bin/env python3
"""Copies python-rasterstats' test rasters and converts its test vectors for Terrace's peer conformance tests.

Usage: make_rasterstats_fixtures.py RASTERSTATS_CHECKOUT

The rasters are copied byte for byte. Every vector (shapefile) is written as GeoJSON in lon/lat (EPSG:4326),
because a Terrace request names its CRS by EPSG code and slope.tif's CRS is a custom Albers with none; Terrace
transforms the geometry back into the raster's CRS. The shapefiles' coordinates are all in slope.tif's CRS,
whatever their .prj says (multipolygons.prj claims WGS 84), so slope.tif's CRS is forced as the source CRS.
The points of tests/test_point.py are converted the same way into point_queries.csv.

Deterministic: the same checkout gives the same bytes.
"""
import csv
import os
import shutil
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "rasterstats")
RASTERS = ["slope.tif", "slope_classes.tif", "slope_nodata.tif", "all_nodata.tif", "dataset_mask.tif"]
VECTORS = ["polygons", "lines", "points", "multipolygons", "multilines", "multipoints",
           "polygons_no_overlap", "polygons_partial_overlap"]
# tests/test_point.py: the points it queries, in slope.tif's CRS.
POINTS = [(245309, 1000064), (245309, 1000308), (244000, 1000308), (245905, 1000361)]


def main(checkout):
    data = os.path.join(checkout, "tests", "data")
    os.makedirs(OUT, exist_ok=True)
    for name in RASTERS:
        shutil.copyfile(os.path.join(data, name), os.path.join(OUT, name))
    src = osr.SpatialReference(wkt=gdal.Open(os.path.join(data, "slope.tif")).GetProjection())
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    for name in VECTORS:
        out = os.path.join(OUT, name + ".geojson")
        if os.path.exists(out):
            os.remove(out)
        gdal.VectorTranslate(out, os.path.join(data, name + ".shp"), format="GeoJSON",
                             srcSRS=src.ExportToWkt(), dstSRS="EPSG:4326",
                             layerCreationOptions=["RFC7946=NO", "COORDINATE_PRECISION=12", "WRITE_NAME=NO"])
    to_lonlat = osr.CoordinateTransformation(src, dst)
    with open(os.path.join(OUT, "point_queries.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x", "y", "lon", "lat"])
        for x, y in POINTS:
            lon, lat, _ = to_lonlat.TransformPoint(x, y)
            w.writerow([x, y, "%.12f" % lon, "%.12f" % lat])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
