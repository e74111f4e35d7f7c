"""Writes the fixtures of the cells aggregation tests: see README.md. Run here with the system Python."""
import csv

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
osr.UseExceptions()

# A 16 x 12 grid whose world coordinates are its pixel coordinates (y flipped), as rasterize.csv's GDAL grid is;
# each cell holds 100 * row + col, so that a cell's value names it.
grid = gdal.GetDriverByName("GTiff").Create("grid_16x12.tif", 16, 12, 1, gdal.GDT_Float32)
grid.SetGeoTransform((0, 1, 0, 12, 0, -1))
wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
grid.SetProjection(wgs84.ExportToWkt())
rows, cols = np.mgrid[0:12, 0:16]
grid.GetRasterBand(1).WriteArray((100 * rows + cols).astype(np.float32))
grid = None

# The cell under a few longitude/latitude points on the projected Olinda DEM, and that cell's centre in the
# raster's CRS and back in longitude/latitude, as GDAL and PROJ place them.
dem = gdal.Open("../../../main/resources/dev/terrace/engine/samples/olinda_dem_utm25s.tif")
gt = dem.GetGeoTransform()
utm = osr.SpatialReference(wkt=dem.GetProjection())
lonlat = osr.SpatialReference()
lonlat.ImportFromEPSG(4326)
lonlat.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
forward = osr.CoordinateTransformation(lonlat, utm)
back = osr.CoordinateTransformation(utm, lonlat)
values = dem.GetRasterBand(1).ReadAsArray()
with open("olinda_points.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["lon", "lat", "row", "col", "value", "raster_x", "raster_y", "center_x", "center_y"])
    for lon, lat in [(-34.86, -8.01), (-34.85, -8.02), (-34.875, -8.035), (-34.841, -7.998)]:
        x, y, _ = forward.TransformPoint(lon, lat)
        col = int(np.floor((x - gt[0]) / gt[1]))
        row = int(np.floor((y - gt[3]) / gt[5]))
        cx = gt[0] + (col + 0.5) * gt[1]
        cy = gt[3] + (row + 0.5) * gt[5]
        clon, clat, _ = back.TransformPoint(cx, cy)
        out.writerow([lon, lat, row, col, repr(float(values[row, col])), repr(cx), repr(cy), repr(clon),
                      repr(clat)])
