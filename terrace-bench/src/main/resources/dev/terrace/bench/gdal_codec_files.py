"""Writes CodecBench's input files with GDAL, once: one 3000 x 3000 GeoTIFF per codec, 512 x 512 tiles.

usage: gdal_codec_files.py DIR
Synthetic data (smooth fields plus seeded noise, like a DEM and an image). Skips files that exist.
Prints the file names, one per line, as "codec<TAB>path".
"""
import os
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
N = 3000
TILED = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"]

rng = np.random.default_rng(42)
y, x = np.mgrid[0:N, 0:N].astype(np.float32)
dem = (800 * np.sin(x / 300) * np.cos(y / 200) + 300 * np.sin((x + y) / 97) + 1200
       + rng.normal(0, 0.5, (N, N))).astype(np.float32)
rgb = [np.clip(128 + 100 * np.sin(x / (40 + 10 * b)) * np.cos(y / (55 + 7 * b)) + rng.normal(0, 6, (N, N)),
               0, 255).astype(np.uint8) for b in range(3)]

FILES = [
    ("LZMA", "lzma_f32_p3.tif", [dem], gdal.GDT_Float32, ["COMPRESS=LZMA", "PREDICTOR=3"]),
    ("JPEG", "jpeg_ycbcr_u8.tif", rgb, gdal.GDT_Byte, ["COMPRESS=JPEG", "PHOTOMETRIC=YCBCR"]),
    ("JPEG", "jpeg_gray_u8.tif", rgb[:1], gdal.GDT_Byte, ["COMPRESS=JPEG"]),
    ("WEBP", "webp_lossless_u8.tif", rgb, gdal.GDT_Byte, ["COMPRESS=WEBP", "WEBP_LOSSLESS=YES"]),
    ("LERC", "lerc_f32_z001.tif", [dem], gdal.GDT_Float32, ["COMPRESS=LERC", "MAX_Z_ERROR=0.01"]),
    ("LERC", "lerc_f32_lossless.tif", [dem], gdal.GDT_Float32, ["COMPRESS=LERC"]),
    ("LERC_DEFLATE", "lerc_deflate_f32_z001.tif", [dem], gdal.GDT_Float32,
     ["COMPRESS=LERC_DEFLATE", "MAX_Z_ERROR=0.01"]),
    ("LERC", "lerc_u8.tif", rgb[:1], gdal.GDT_Byte, ["COMPRESS=LERC"]),
    ("FLOAT16", "f16_deflate_p3.tif", [dem], gdal.GDT_Float32, ["NBITS=16", "COMPRESS=DEFLATE", "PREDICTOR=3"]),
]

for codec, name, arrays, dtype, options in FILES:
    path = os.path.join(out, name)
    if not os.path.exists(path):
        mem = gdal.GetDriverByName("MEM").Create("", N, N, len(arrays), dtype)
        mem.SetGeoTransform((0, 1, 0, 0, 0, -1))
        mem.SetProjection("EPSG:32633")  # the reader refuses a grid without a CRS
        for i, a in enumerate(arrays):
            mem.GetRasterBand(i + 1).WriteArray(a)
        gdal.GetDriverByName("GTiff").CreateCopy(path + ".part", mem, options=TILED + options)
        os.replace(path + ".part", path)
    print(codec + "\t" + path)
