"""GDAL's side of CodecBench: decodes one window of band 1 with empty block caches and prints timings as JSON.

usage: gdal_codec_read.py PATH COL ROW WIDTH HEIGHT REPS
One untimed open and read first (loads GDAL's drivers and codec libraries, as a running service would
have them), then REPS timed repetitions of open + ReadAsArray on a fresh dataset.
Prints {"cold_ms": [...], "sha256": of the window's little-endian sample bytes}.
"""
import hashlib
import json
import sys
import time

from osgeo import gdal

gdal.UseExceptions()
path = sys.argv[1]
col, row, width, height, reps = (int(v) for v in sys.argv[2:7])

ds = gdal.Open(path)
a = ds.GetRasterBand(1).ReadAsArray(col, row, width, height)
ds = None
cold = []
for _ in range(reps):
    t = time.perf_counter()
    ds = gdal.Open(path)
    a = ds.GetRasterBand(1).ReadAsArray(col, row, width, height)
    cold.append((time.perf_counter() - t) * 1000)
    ds = None

digest = hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest()
print(json.dumps({"cold_ms": cold, "sha256": digest}))
