#!/usr/bin/python3
"""Writes small GeoTIFFs with the codecs GDAL 3.6 can write beyond the classic ones (LZMA, JPEG, WebP,
LERC, Float16), and expected.csv: for every band, GDAL's dimensions, data type and the SHA-256 of its
ReadAsArray() bytes in little-endian order. Run through ./make_codecs.sh. Synthetic data from fixed
numpy seeds, so the same GDAL version writes the same bytes.
"""
import csv
import glob
import hashlib
import os
import struct

os.environ["GDAL_PAM_ENABLED"] = "NO"

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

OUT = os.path.dirname(os.path.abspath(__file__))
W, H = 80, 50   # 32 x 32 tiles: 3 x 2, the last column and row partial


def surface(seed, bands, dtype, lo, hi, noise, step=None):
    """A smooth field plus noise, scaled to [lo, hi] (floats rounded to multiples of step): compressible
    like real rasters, not constant, and small enough to commit."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:H, 0:W].astype(np.float64)
    out = []
    for b in range(bands):
        f = np.sin(x / (9.0 + 3 * b)) * np.cos(y / (7.0 + 2 * b)) + 0.3 * np.sin((x + 2 * y) / 17.0)
        f = (f - f.min()) / (f.max() - f.min())
        f = f + noise * rng.standard_normal(f.shape)
        f = np.clip(f, 0, 1) * (hi - lo) + lo
        if np.issubdtype(dtype, np.floating):
            out.append((np.round(f / step) * step if step else f).astype(dtype))
        else:
            out.append(np.round(f).astype(dtype))
    return out


def write(name, arrays, gdal_type, options, nan_cells=None):
    """Writes the arrays through an in-memory dataset and gdal_translate-style CreateCopy with options."""
    mem = gdal.GetDriverByName("MEM").Create("", W, H, len(arrays), gdal_type)
    mem.SetGeoTransform((10.0, 0.01, 0.0, 50.0, 0.0, -0.01))
    mem.SetProjection("EPSG:4326")
    for i, a in enumerate(arrays):
        a = a.copy()
        if nan_cells is not None:
            for (r, c, bands) in nan_cells:
                if i in bands:
                    a[r, c] = np.nan
        mem.GetRasterBand(i + 1).WriteArray(a)
    path = os.path.join(OUT, name)
    gdal.GetDriverByName("GTiff").CreateCopy(path, mem, options=options)
    return path


def nan_block(r0, r1, c0, c1, bands):
    return [(r, c, bands) for r in range(r0, r1) for c in range(c0, c1)]


TILED = ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"]
STRIPS = ["BLOCKYSIZE=16"]


def main():
    for f in glob.glob(os.path.join(OUT, "*.tif")):
        os.remove(f)
    made = []  # (file, codec)

    def add(name, codec, arrays, gdal_type, options, nan_cells=None):
        write(name, arrays, gdal_type, options, nan_cells)
        made.append((name, codec))

    u8_3 = surface(1, 3, np.uint8, 0, 255, 0.03)
    u8_1 = surface(2, 1, np.uint8, 0, 255, 0.05)
    i16_1 = surface(3, 1, np.int16, -3000, 3000, 0.01)
    u16_3 = surface(4, 3, np.uint16, 0, 60000, 0.01)
    i32_1 = surface(5, 1, np.int32, -2000000, 2000000, 0.01)
    u32_1 = surface(6, 1, np.uint32, 0, 4000000000, 0.01)
    f32_1 = surface(7, 1, np.float32, -500, 3000, 0.0002, 0.05)
    f32_3 = surface(8, 3, np.float32, -1, 1, 0.002, 1.0 / 1024)
    f64_1 = surface(9, 1, np.float64, -1e6, 1e6, 0.0001, 0.5)
    i8_1 = surface(10, 1, np.int16, -128, 127, 0.02)

    # LZMA, with each predictor
    add("lzma_u8_p1_tiled.tif", "LZMA", u8_3, gdal.GDT_Byte, TILED + ["COMPRESS=LZMA"])
    add("lzma_i16_p2_strips.tif", "LZMA", i16_1, gdal.GDT_Int16, STRIPS + ["COMPRESS=LZMA", "PREDICTOR=2"])
    add("lzma_f32_p3_tiled.tif", "LZMA", f32_3, gdal.GDT_Float32, TILED + ["COMPRESS=LZMA", "PREDICTOR=3"])
    add("lzma_f64_p3_band.tif", "LZMA", [f64_1[0], f64_1[0] * 0.5], gdal.GDT_Float64,
        TILED + ["COMPRESS=LZMA", "PREDICTOR=3", "INTERLEAVE=BAND"])

    # JPEG: grey, RGB stored as YCbCr (4:2:0, libjpeg's colour conversion on read), RGB stored as RGB,
    # strips, and planar bands
    add("jpeg_u8_gray_tiled.tif", "JPEG", u8_1, gdal.GDT_Byte, TILED + ["COMPRESS=JPEG", "JPEG_QUALITY=80"])
    add("jpeg_u8_ycbcr_tiled.tif", "JPEG", u8_3, gdal.GDT_Byte,
        TILED + ["COMPRESS=JPEG", "PHOTOMETRIC=YCBCR", "JPEG_QUALITY=75"])
    add("jpeg_u8_rgb_tiled.tif", "JPEG", u8_3, gdal.GDT_Byte, TILED + ["COMPRESS=JPEG", "JPEG_QUALITY=90"])
    add("jpeg_u8_ycbcr_strips.tif", "JPEG", u8_3, gdal.GDT_Byte,
        STRIPS + ["COMPRESS=JPEG", "PHOTOMETRIC=YCBCR"])
    add("jpeg_u8_band_tiled.tif", "JPEG", u8_3, gdal.GDT_Byte,
        TILED + ["COMPRESS=JPEG", "INTERLEAVE=BAND"])

    # WebP: lossless and lossy (which our reader refuses: see README.md), RGB and RGBA
    add("webp_u8_lossless_tiled.tif", "WEBP", u8_3, gdal.GDT_Byte,
        TILED + ["COMPRESS=WEBP", "WEBP_LOSSLESS=YES"])
    add("webp_u8_rgba_lossless_tiled.tif", "WEBP", u8_3 + [u8_1[0]], gdal.GDT_Byte,
        TILED + ["COMPRESS=WEBP", "WEBP_LOSSLESS=YES"])
    add("webp_u8_lossy_tiled.tif", "WEBP", u8_3, gdal.GDT_Byte, TILED + ["COMPRESS=WEBP", "WEBP_LEVEL=80"])
    add("webp_u8_rgba_lossy_tiled.tif", "WEBP", u8_3 + [u8_1[0]], gdal.GDT_Byte,
        TILED + ["COMPRESS=WEBP", "WEBP_LEVEL=70"])

    # LERC: every data type, lossless and lossy, NaN masks (shared and per band), planar, strips, and
    # the deflate and zstd wrappers
    add("lerc_u8_tiled.tif", "LERC", u8_3, gdal.GDT_Byte, TILED + ["COMPRESS=LERC"])
    add("lerc_u8_gray_strips.tif", "LERC", u8_1, gdal.GDT_Byte, STRIPS + ["COMPRESS=LERC"])
    add("lerc_i8_tiled.tif", "LERC", [i8_1[0].astype(np.int8).view(np.uint8)], gdal.GDT_Byte,
        TILED + ["COMPRESS=LERC", "PIXELTYPE=SIGNEDBYTE"])
    add("lerc_i16_tiled.tif", "LERC", i16_1, gdal.GDT_Int16, TILED + ["COMPRESS=LERC"])
    add("lerc_u16_z2_tiled.tif", "LERC", u16_3, gdal.GDT_UInt16, TILED + ["COMPRESS=LERC", "MAX_Z_ERROR=2"])
    add("lerc_i32_tiled.tif", "LERC", i32_1, gdal.GDT_Int32, TILED + ["COMPRESS=LERC"])
    add("lerc_u32_z10_strips.tif", "LERC", u32_1, gdal.GDT_UInt32, STRIPS + ["COMPRESS=LERC", "MAX_Z_ERROR=10"])
    add("lerc_f32_tiled.tif", "LERC", f32_1, gdal.GDT_Float32, TILED + ["COMPRESS=LERC"])
    add("lerc_f32_z001_tiled.tif", "LERC", f32_1, gdal.GDT_Float32, TILED + ["COMPRESS=LERC", "MAX_Z_ERROR=0.01"])
    add("lerc_f32_nan_tiled.tif", "LERC", f32_1, gdal.GDT_Float32, TILED + ["COMPRESS=LERC", "MAX_Z_ERROR=0.5"],
        nan_cells=nan_block(5, 20, 3, 40, [0]) + nan_block(0, 32, 64, 80, [0]))
    # (NaN in every band of the same pixels of a chunky multi-band raster is left out: GDAL 3.6.2 with
    # libtiff 4.5.0 cannot read back such a file, "TIFFReadEncodedTile() failed".)
    add("lerc_f32_nan_perband_3band.tif", "LERC", f32_3, gdal.GDT_Float32,
        TILED + ["COMPRESS=LERC", "MAX_Z_ERROR=0.001"],
        nan_cells=nan_block(10, 30, 10, 50, [0]) + nan_block(40, 50, 20, 70, [2]))
    add("lerc_f32_band.tif", "LERC", f32_3, gdal.GDT_Float32,
        TILED + ["COMPRESS=LERC", "INTERLEAVE=BAND", "MAX_Z_ERROR=0.0001"],
        nan_cells=nan_block(0, 5, 0, 5, [1]))
    add("lerc_f64_tiled.tif", "LERC", f64_1, gdal.GDT_Float64, TILED + ["COMPRESS=LERC"],
        nan_cells=nan_block(40, 50, 70, 80, [0]))
    add("lerc_f64_z1_strips.tif", "LERC", f64_1, gdal.GDT_Float64, STRIPS + ["COMPRESS=LERC", "MAX_Z_ERROR=1"])
    add("lerc_deflate_f32_tiled.tif", "LERC_DEFLATE", f32_1, gdal.GDT_Float32,
        TILED + ["COMPRESS=LERC_DEFLATE", "MAX_Z_ERROR=0.1"])
    add("lerc_deflate_u8_tiled.tif", "LERC_DEFLATE", u8_3, gdal.GDT_Byte, TILED + ["COMPRESS=LERC_DEFLATE"])
    add("lerc_zstd_i16_tiled.tif", "LERC_ZSTD", i16_1, gdal.GDT_Int16, TILED + ["COMPRESS=LERC_ZSTD"])
    add("lerc_zstd_f64_strips.tif", "LERC_ZSTD", f64_1, gdal.GDT_Float64,
        STRIPS + ["COMPRESS=LERC_ZSTD", "MAX_Z_ERROR=0.5"])

    # Float16: Float32 stored in 16 bits, with each predictor GDAL allows
    add("f16_none_tiled.tif", "NONE", f32_1, gdal.GDT_Float32, TILED + ["NBITS=16"])
    add("f16_deflate_p2_strips.tif", "DEFLATE", f32_1, gdal.GDT_Float32,
        STRIPS + ["NBITS=16", "COMPRESS=DEFLATE", "PREDICTOR=2"])
    add("f16_zstd_p3_tiled.tif", "ZSTD", f32_3, gdal.GDT_Float32,
        TILED + ["NBITS=16", "COMPRESS=ZSTD", "PREDICTOR=3"], nan_cells=nan_block(0, 3, 0, 3, [0]))
    add("f16_lzw_p3_band.tif", "LZW", f32_3, gdal.GDT_Float32,
        TILED + ["NBITS=16", "COMPRESS=LZW", "PREDICTOR=3", "INTERLEAVE=BAND"])

    rows = []
    for name, codec in made:
        ds = gdal.Open(os.path.join(OUT, name))
        tag = ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") or "NONE"
        for b in range(1, ds.RasterCount + 1):
            band = ds.GetRasterBand(b)
            arr = band.ReadAsArray()
            data = arr.astype(arr.dtype.newbyteorder("<"), copy=False).tobytes()
            pixeltype = band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE")
            dtype = "Int8" if pixeltype == "SIGNEDBYTE" else gdal.GetDataTypeName(band.DataType)
            rows.append({"file": name, "band": b, "width": ds.RasterXSize, "height": ds.RasterYSize,
                         "data_type": dtype, "codec": codec, "gdal_compression": tag,
                         "nbits": band.GetMetadataItem("NBITS", "IMAGE_STRUCTURE") or "",
                         "sha256": hashlib.sha256(data).hexdigest()})
    with open(os.path.join(OUT, "expected.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print("%d files, %d bands, GDAL %s" % (len(made), len(rows), gdal.__version__))


if __name__ == "__main__":
    main()
