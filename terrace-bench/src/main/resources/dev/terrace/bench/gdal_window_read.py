"""GDAL's side of WindowReadBench: reads one window of a raster and prints timings as JSON.

usage: gdal_window_read.py PATH_OR_URL COL ROW WIDTH HEIGHT REPS
  cold: a fresh dataset per repetition (GDAL's block cache starts empty; the file is in the page cache)
  warm: one dataset read REPS more times (blocks come from GDAL's cache)
  warm_buf: the same, into one preallocated array (ReadAsArray's buf_obj)
  REPS 0: one open and one read only, for counting HTTP requests
Prints {"cold_ms": [...], "warm_ms": [...], "warm_buf_ms": [...], "sha256": of the window's little-endian sample bytes}.
"""
import hashlib
import json
import sys
import time

from osgeo import gdal

gdal.UseExceptions()
path = sys.argv[1]
col, row, width, height, reps = (int(v) for v in sys.argv[2:7])

cold = []
for _ in range(max(reps, 1)):
    t = time.perf_counter()
    ds = gdal.Open(path)
    a = ds.GetRasterBand(1).ReadAsArray(col, row, width, height)
    cold.append((time.perf_counter() - t) * 1000)
    ds = None

warm = []
if reps > 0:
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray(col, row, width, height)
for _ in range(reps):
    t = time.perf_counter()
    a = band.ReadAsArray(col, row, width, height)
    warm.append((time.perf_counter() - t) * 1000)

warm_buf = []
if reps > 0:
    buf = a.copy()
for _ in range(reps):
    t = time.perf_counter()
    band.ReadAsArray(col, row, width, height, buf_obj=buf)
    warm_buf.append((time.perf_counter() - t) * 1000)

digest = hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest()
print(json.dumps({"cold_ms": cold, "warm_ms": warm, "warm_buf_ms": warm_buf, "sha256": digest}))
