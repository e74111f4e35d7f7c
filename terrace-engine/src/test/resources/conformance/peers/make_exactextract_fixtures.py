#!/usr/bin/env python3
"""Writes the GeoTIFFs exactextract's python/tests/test_exact_extract.py writes with its create_gdal_raster helper,
for the cases the test tree's own writer (SyntheticGeoTiff) cannot express: a GDAL scale and offset, a per-dataset
mask band, a nodata value outside the sample type, a rotated grid, and two bands.

Usage: make_exactextract_fixtures.py

As create_gdal_raster: the raster is values.shape[-2] wide and values.shape[-1] high (square arrays here), its
geotransform (0, 1, 0, rows, 0, -1) unless the test gives one. The test's rasters have no CRS; these say EPSG:3857,
as PeerRasters' do, so that the cases send EPSG:3857 geometries and no coordinate is transformed. Deterministic:
GDAL's GTiff driver writes no timestamp.
"""
import os

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
gdal.SetConfigOption("GDAL_TIFF_INTERNAL_MASK", "YES")
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "exactextract")


def create_gdal_raster(name, values, *, gt=None, gdal_type, nodata=None, scale=None, offset=None):
    path = os.path.join(OUT, name)
    if os.path.exists(path):
        os.remove(path)
    bands = 1 if len(values.shape) == 2 else values.shape[0]
    ds = gdal.GetDriverByName("GTiff").Create(path, values.shape[-2], values.shape[-1], bands=bands,
                                              eType=gdal_type)
    ds.SetGeoTransform(gt if gt is not None else (0.0, 1.0, 0.0, values.shape[-2], 0.0, -1.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    ds.SetSpatialRef(srs)
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    if scale is not None:
        band.SetScale(scale)
    if offset is not None:
        band.SetOffset(offset)
    if len(values.shape) == 2:
        ds.WriteArray(np.ma.getdata(values))
    else:
        for i in range(bands):
            ds.GetRasterBand(i + 1).WriteArray(values[i, :, :])
    if hasattr(values, "mask"):
        band.CreateMaskBand(gdal.GMF_PER_DATASET)
        band.GetMaskBand().WriteArray((~values.mask).astype(np.uint8) * 255)
    ds = None


def main():
    os.makedirs(OUT, exist_ok=True)
    # test_nodata_scale_offset
    create_gdal_raster("scale_offset.tif", np.array([[1, 2, 3], [-999, -999, -999], [4, 5, -499]]),
                       gdal_type=gdal.GDT_Int16, nodata=-999, scale=2, offset=-1)
    # test_gdal_mask_band
    data = np.array([[1, 2, 3], [0, 0, 0], [4, 5, 6]])
    create_gdal_raster("mask_band.tif", np.ma.masked_array(data, data == 0), gdal_type=gdal.GDT_Int16)
    # test_gdal_invalid_nodata_value
    create_gdal_raster("invalid_nodata.tif", np.array([[1, 1, 1], [2, 2, 2], [3, 2, 3]]),
                       gdal_type=gdal.GDT_Byte, nodata=-2)
    # test_error_rotated_inputs
    create_gdal_raster("rotated.tif", np.array([[1, 2], [3, 4]], dtype=np.int16), gdal_type=gdal.GDT_Int16,
                       gt=(10000.0, 42.402, 26.496, 200000.0, 26.496, -42.402))
    # test_multiband: rast1 and rast2, two bands each.
    a = np.arange(1, 10).reshape(3, 3)
    create_gdal_raster("multiband1.tif", np.stack([a, 2 * a]).astype(np.int32), gdal_type=gdal.GDT_Int32)
    create_gdal_raster("multiband2.tif", np.stack([3 * a, 4 * a]).astype(np.int32), gdal_type=gdal.GDT_Int32)


if __name__ == "__main__":
    main()
