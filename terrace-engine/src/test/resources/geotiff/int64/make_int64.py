#!/usr/bin/env python3
"""Builds the Int64 / UInt64 GeoTIFF fixtures of this folder and GDAL's answers for them.

Run from anywhere with a python3 that has GDAL >= 3.5 bindings and numpy (Debian: python3-gdal python3-numpy):

    GDAL_PAM_ENABLED=NO python3 make_int64.py

Writes, next to this script: the four rasters, polygons.geojson, and
  expected_pixels.csv  per file: GDAL's data type, nodata (text), SHA-256 of ReadAsArray().tobytes()
                       (little-endian), width, height
  expected_points.csv  per file and point: lon, lat, GDAL's value as an exact integer ('' = nodata)
  expected_zonal.csv   per file and polygon, centre rule (gdal.RasterizeLayer, no ALL_TOUCHED): count, min,
                       max, majority (ties to the smallest value), minority, variety, unique (ascending,
                       space-separated); every value an exact integer written as text
Data are synthetic. Nodata values are chosen so that a comparison through doubles would get them wrong.
"""
import hashlib
import json
import os

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 40, 24
GT = (10.0, 0.01, 0.0, 50.0, 0.0, -0.01)
P53 = 2 ** 53

# Int64: nodata -(2^63 - 1) is the double -2^63, like the valid cells holding -2^63.
I64_NODATA = -(2 ** 63 - 1)
# UInt64: nodata 2^64 - 2 is the double 2^64, like the valid cells holding 2^64 - 1.
U64_NODATA = 2 ** 64 - 2


def int64_values():
    r, c = np.mgrid[0:H, 0:W].astype(np.int64)
    v = np.where(c < 20, P53 + (r * 3 + c) % 5 - 1, -(2 ** 62) + (r + 2 * c) % 4).astype(np.int64)
    v[2, 3] = 2 ** 63 - 1
    v[3, 3] = -(2 ** 63)
    v[20, 30] = -(2 ** 63)
    v[21, 30] = 2 ** 63 - 1
    v[4, 4] = 2 ** 62
    v[5, 5] = v[5, 6] = v[10, 25] = I64_NODATA
    v[16:24, 32:40] = I64_NODATA  # a whole tile: left out of the tiled file (sparse)
    return v


def uint64_values():
    r, c = np.mgrid[0:H, 0:W].astype(np.uint64)
    left = np.uint64(2 ** 64 - 1) - ((r + c) % np.uint64(3)) * np.uint64(2)
    right = np.uint64(P53) + (r * c) % np.uint64(3)
    v = np.where(c < 20, left, right).astype(np.uint64)
    v[1, 1] = 0
    v[2, 2] = 2 ** 63
    v[3, 3] = 2 ** 63 + 1
    v[6, 6] = v[7, 8] = v[12, 30] = U64_NODATA
    v[16:24, 32:40] = U64_NODATA
    return v


FILES = [
    # name, GDAL type, values, nodata, creation options
    ('i64_deflate_p2_tiled.tif', gdal.GDT_Int64, int64_values, I64_NODATA,
     ['TILED=YES', 'BLOCKXSIZE=16', 'BLOCKYSIZE=16', 'COMPRESS=DEFLATE', 'PREDICTOR=2', 'SPARSE_OK=TRUE']),
    ('i64_none_strip5.tif', gdal.GDT_Int64, int64_values, I64_NODATA, ['BLOCKYSIZE=5', 'COMPRESS=NONE']),
    ('u64_deflate_p2_tiled.tif', gdal.GDT_UInt64, uint64_values, U64_NODATA,
     ['TILED=YES', 'BLOCKXSIZE=16', 'BLOCKYSIZE=16', 'COMPRESS=DEFLATE', 'PREDICTOR=2', 'SPARSE_OK=TRUE']),
    ('u64_none_strip5.tif', gdal.GDT_UInt64, uint64_values, U64_NODATA, ['BLOCKYSIZE=5', 'COMPRESS=NONE']),
]

# Polygons in lon/lat; vertices off the cell centres so that the centre rule is unambiguous.
POLYGONS = [
    ('left', [(10.013, 49.987), (10.187, 49.973), (10.164, 49.873), (10.092, 49.902), (10.021, 49.861),
              (10.013, 49.987)]),
    ('right', [(10.223, 49.968), (10.394, 49.952), (10.391, 49.763), (10.251, 49.781), (10.223, 49.968)]),
]

# Points on cell centres: (column, row).
POINTS = [(2, 0), (3, 2), (3, 3), (4, 4), (0, 0), (5, 5), (30, 20), (30, 21), (25, 10), (35, 18), (1, 1), (2, 2), (6, 6),
          (21, 0), (39, 23)]


def write(name, gdal_type, values, nodata, options):
    path = os.path.join(HERE, name)
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = gdal.GetDriverByName('GTiff').Create(path, W, H, 1, gdal_type, options)
    ds.SetGeoTransform(GT)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)  # GDAL >= 3.5 keeps a 64-bit band's nodata as an integer
    if 'SPARSE_OK=TRUE' in options:
        # GDAL 3.6 writes all-nodata Int64 tiles anyway: leave the last tile of the second row unwritten instead,
        # so that the file has no bytes for it and readers fill it with nodata.
        for row in range(0, H, 16):
            for col in range(0, W, 16):
                if (col, row) != (32, 16):
                    band.WriteArray(values[row:row + 16, col:col + 16], col, row)
    else:
        band.WriteArray(values)
    ds = None


def centre_mask(ring):
    mem = gdal.GetDriverByName('MEM').Create('', W, H, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(GT)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    mem.SetProjection(srs.ExportToWkt())
    layer_ds = ogr.GetDriverByName('Memory').CreateDataSource('')
    layer = layer_ds.CreateLayer('p', srs, ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromJson(json.dumps({'type': 'Polygon', 'coordinates': [ring]})))
    layer.CreateFeature(feature)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1])
    return mem.GetRasterBand(1).ReadAsArray() == 1


def main():
    gdal.SetConfigOption('GDAL_PAM_ENABLED', 'NO')
    with open(os.path.join(HERE, 'polygons.geojson'), 'w') as f:
        json.dump({'type': 'FeatureCollection', 'features': [
            {'type': 'Feature', 'properties': {'name': n}, 'geometry': {'type': 'Polygon', 'coordinates': [ring]}}
            for n, ring in POLYGONS]}, f, indent=1)
    pixels = ['file,data_type,nodata,sha256,width,height']
    points = ['file,col,row,lon,lat,value']
    zonal = ['file,polygon,count,min,max,majority,minority,variety,unique']
    for name, gdal_type, make, nodata, options in FILES:
        write(name, gdal_type, make(), nodata, options)
        ds = gdal.Open(os.path.join(HERE, name))
        band = ds.GetRasterBand(1)
        a = band.ReadAsArray()
        want = make()
        assert a.dtype == want.dtype and np.array_equal(a, want), name
        if 'SPARSE_OK=TRUE' in options:
            assert band.GetMetadataItem('BLOCK_SIZE_2_1', 'TIFF') is None, name + ': the sparse tile was written'
        gdal_nodata = band.GetNoDataValueAsInt64() if gdal_type == gdal.GDT_Int64 else band.GetNoDataValueAsUInt64()
        assert gdal_nodata == nodata, (name, gdal_nodata)
        pixels.append(f'{name},{gdal.GetDataTypeName(band.DataType)},{gdal_nodata},'
                      f'{hashlib.sha256(a.astype(a.dtype.newbyteorder("<")).tobytes()).hexdigest()},{W},{H}')
        valid = a != a.dtype.type(nodata)
        for col, row in POINTS:
            lon, lat = GT[0] + (col + 0.5) * GT[1], GT[3] + (row + 0.5) * GT[5]
            value = str(int(a[row, col])) if valid[row, col] else ''
            points.append(f'{name},{col},{row},{lon!r},{lat!r},{value}')
        for poly, ring in POLYGONS:
            cells = a[centre_mask(ring) & valid]
            keys, counts = np.unique(cells, return_counts=True)  # keys ascending, exact integers
            majority = keys[np.flatnonzero(counts == counts.max())[0]]
            minority = keys[np.flatnonzero(counts == counts.min())[0]]
            zonal.append(f'{name},{poly},{cells.size},{int(cells.min())},{int(cells.max())},{int(majority)},'
                         f'{int(minority)},{keys.size},{" ".join(str(int(k)) for k in keys)}')
        ds = None
    for file, lines in (('expected_pixels.csv', pixels), ('expected_points.csv', points),
                        ('expected_zonal.csv', zonal)):
        with open(os.path.join(HERE, file), 'w') as f:
            f.write('\n'.join(lines) + '\n')
    print('GDAL', gdal.__version__)


if __name__ == '__main__':
    main()
