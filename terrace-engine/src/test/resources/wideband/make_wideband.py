#!/usr/bin/env python3
"""Writes wideband.tif, a synthetic Float32 lon/lat grid for the wide- and polar-polygon tests.

The grid covers longitudes -180..180 and latitudes 60..80 N at 1/6 degree (2160 x 120 cells). Each cell holds
a value made from its row and column, so means over different cell sets differ. Run it with GDAL's Python
bindings; GDAL_PAM_ENABLED=NO keeps it from writing an .aux.xml next to the file.
"""
import os
import numpy as np
from osgeo import gdal, osr

os.environ.setdefault("GDAL_PAM_ENABLED", "NO")
gdal.UseExceptions()

STEP = 1.0 / 6.0
WIDTH, HEIGHT = 2160, 120
here = os.path.dirname(os.path.abspath(__file__))
rows, cols = np.mgrid[0:HEIGHT, 0:WIDTH]
values = (rows * 7 + (cols % 97) * 0.5).astype(np.float32)

driver = gdal.GetDriverByName("GTiff")
ds = driver.Create(os.path.join(here, "wideband.tif"), WIDTH, HEIGHT, 1, gdal.GDT_Float32,
                   ["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=128"])
ds.SetGeoTransform((-180.0, STEP, 0.0, 80.0, 0.0, -STEP))
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
ds.SetProjection(srs.ExportToWkt())
band = ds.GetRasterBand(1)
band.WriteArray(values)
band.SetNoDataValue(-9999.0)
ds = None
