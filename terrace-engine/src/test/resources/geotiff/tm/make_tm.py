#!/usr/bin/env python3
"""Transverse Mercator fixtures: where PROJ puts points 1, 3 and 10 degrees from the central meridian.

Writes one small synthetic GeoTIFF per TM CRS (its CRS stored as an EPSG code), a fine lon/lat raster for
points given in a TM CRS, and tm_points.csv with PROJ's coordinates and GDAL's cell for each point.
Run from this directory with GDAL_PAM_ENABLED=NO.
"""
import csv

import numpy as np
from osgeo import gdal, osr

osr.UseExceptions()
gdal.UseExceptions()

# code, central meridian, a latitude in the zone's area, and which way to step from the meridian (west for
# NZTM, whose east side crosses the antimeridian: a different question)
CRSS = [
    (32145, -72.5, 43.0, 1),   # NAD83 / Vermont: tmerc with lat_0 42.5
    (2193, 173.0, -41.0, -1),  # NZGD2000 / NZTM: tmerc on GRS80
    (32725, -33.0, -8.0, 1),   # WGS 84 / UTM 25S: utm
]
OFFSETS = [1, 3, 10]
CELL = 10.0
FINE = 1e-8  # degrees; about a millimetre, so a millimetre's error changes the cell


def srs(code):
    s = osr.SpatialReference()
    s.ImportFromEPSG(code)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def write(path, code, gt, width, height):
    ds = gdal.GetDriverByName("GTiff").Create(path, width, height, 1, gdal.GDT_Float64)
    ds.SetGeoTransform(gt)
    ds.SetProjection(srs(code).ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.arange(width * height, dtype=np.float64).reshape(height, width))
    ds = None


rows = []
wgs84 = srs(4326)
for code, lon0, lat, side in CRSS:
    to_tm = osr.CoordinateTransformation(wgs84, srs(code))
    x0, y0, _ = to_tm.TransformPoint(lon0, lat)
    gt = (round(x0), CELL, 0, round(y0), 0, -CELL)
    write(f"epsg{code}.tif", code, gt, 4, 4)
    for d in OFFSETS:
        lon = lon0 + side * d
        x, y, _ = to_tm.TransformPoint(lon, lat)
        # A fine lon/lat grid whose cell (1, 1) holds the point: where GDAL reads it.
        fine_gt = (lon - 1.5 * FINE, FINE, 0, lat + 1.5 * FINE, 0, -FINE)
        fine = f"fine_{code}_{d}.tif"
        write(fine, 4326, fine_gt, 3, 3)
        col = int(np.floor((lon - fine_gt[0]) / FINE))
        row = int(np.floor((fine_gt[3] - lat) / FINE))
        rows.append(dict(code=code, offset_deg=d, lon=repr(lon), lat=repr(lat), x=repr(x), y=repr(y),
                         file=f"epsg{code}.tif", fine_file=fine, fine_value=row * 3 + col))

with open("tm_points.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
