#!/usr/bin/python3
"""Writes the weights fixtures: small synthetic GeoTIFFs, seeded polygons, and exactextract's answers.

Run from this folder: python3 make_weights.py [path to the exactextract CLI]. Everything is derived from fixed
seeds, so a rerun with the same GDAL and exactextract writes the same files. See README.md.
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from osgeo import gdal, osr
from shapely.geometry import Polygon, box, mapping, shape

gdal.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
EXACTEXTRACT = sys.argv[1] if len(sys.argv) > 1 else "exactextract"

# The value grid: 36 x 24 cells of 1/64 degree, north-up, from (10, 50). A binary fraction, so that every
# aligned grid's origin and edges are exact in floating point, as both tools need to see them aligned.
X0, Y0, CELL, COLS, ROWS = 10.0, 50.0, 1 / 64, 36, 24
MERC_X0, MERC_Y0, MERC_CELL = 1112900.5, 6446700.25, 1500.0


def write(name, array, x0, y0, cell, gdal_type, nodata, epsg=4326):
    path = os.path.join(HERE, name)
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal_type, ["COMPRESS=DEFLATE"])
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None


def rasters():
    rng = np.random.default_rng(20261207)
    values = np.round(rng.normal(100, 30, (ROWS, COLS)) * 4) / 4
    values[rng.random((ROWS, COLS)) < 0.06] = -9999
    write("values.tif", values.astype(np.float32), X0, Y0, CELL, gdal.GDT_Float32, -9999)

    # Classes in blocks of 3 x 3 cells, a few flipped, some nodata: land cover for weighted_frac.
    blocks = rng.integers(1, 5, (ROWS // 3, COLS // 3))
    classes = np.kron(blocks, np.ones((3, 3), dtype=np.int64))
    flip = rng.random((ROWS, COLS)) < 0.1
    classes[flip] = rng.integers(1, 5, int(flip.sum()))
    classes[rng.random((ROWS, COLS)) < 0.04] = 255
    write("classes.tif", classes.astype(np.uint8), X0, Y0, CELL, gdal.GDT_Byte, 255)

    def weights(rows, cols, holes):
        w = np.round(rng.uniform(0, 3, (rows, cols)) * 16) / 16
        if holes:
            w[rng.random((rows, cols)) < holes] = -1
        return w.astype(np.float32)

    write("w_same.tif", weights(ROWS, COLS, 0), X0, Y0, CELL, gdal.GDT_Float32, -1)
    write("w_holes.tif", weights(ROWS, COLS, 0.1), X0, Y0, CELL, gdal.GDT_Float32, -1)
    write("w_coarse.tif", weights(ROWS // 2, COLS // 2, 0.03), X0, Y0, 2 * CELL, gdal.GDT_Float32, -1)
    write("w_fine2.tif", weights(ROWS * 2, COLS * 2, 0.02), X0, Y0, CELL / 2, gdal.GDT_Float32, -1)
    # 1/192 degree is not a binary fraction: aligned to within rounding, which both tools allow.
    write("w_fine3.tif", weights(ROWS * 3, COLS * 3, 0), X0, Y0, CELL / 3, gdal.GDT_Float32, -1)
    # Columns 10 to 25 and rows 6 to 17 of the value grid only.
    write("w_small.tif", weights(12, 16, 0), X0 + 10 * CELL, Y0 - 6 * CELL, CELL, gdal.GDT_Float32, -1)
    # Aligned, but their origins are not the value grid's: a value cell's west and north of the coarse one, and
    # half a value cell east and south of the fine one.
    write("w_coarse_off.tif", weights(ROWS // 2 + 1, COLS // 2 + 1, 0), X0 - CELL, Y0 + CELL, 2 * CELL,
          gdal.GDT_Float32, -1)
    write("w_fine2_off.tif", weights(ROWS * 2, COLS * 2, 0), X0 + CELL / 2, Y0 - CELL / 2, CELL / 2,
          gdal.GDT_Float32, -1)
    # Web Mercator cells of 1500 m over the value grid, weighing 1 + col % 7 + (row % 5) / 4: exactextract refuses
    # weights in another CRS; Terrace takes the weight under each value cell's centre (OtherCrsWeightsTest).
    row, col = np.mgrid[0:46, 0:32]
    write("w_mercator.tif", (1 + col % 7 + (row % 5) / 4).astype(np.float32), MERC_X0, MERC_Y0, MERC_CELL,
          gdal.GDT_Float32, -1, 3857)


def cells(c0, c1, r0, r1):
    """Columns c0 to c1 and rows r0 to r1 of the value grid, in fractional cells."""
    return box(X0 + c0 * CELL, Y0 - r1 * CELL, X0 + c1 * CELL, Y0 - r0 * CELL)


def polygons():
    rng = np.random.default_rng(7)
    out = []
    for _ in range(14):
        cx = X0 + CELL * rng.uniform(-2, COLS + 2)
        cy = Y0 - CELL * rng.uniform(-2, ROWS + 2)
        radius = CELL * rng.uniform(1.5, 7)
        n = int(rng.integers(5, 10))
        angles = np.sort(rng.uniform(0, 2 * math.pi, n))
        radii = radius * rng.uniform(0.5, 1.0, n)
        out.append(Polygon([(cx + r * math.cos(a), cy + r * math.sin(a)) for a, r in zip(angles, radii)]))
    # On cell edges; a donut; wholly outside w_small; across the value grid's west edge.
    out.append(cells(3, 8, 4, 9))
    out.append(cells(14, 24, 8, 16).difference(cells(17, 20.5, 10.5, 14)))
    out.append(cells(28.5, 33.5, 18.5, 22.5))
    out.append(cells(-2, 3.5, 4.5, 9.5))
    features = []
    for i, p in enumerate(out, start=1):
        p = Polygon([(round(x, 9), round(y, 9)) for x, y in p.exterior.coords],
                    [[(round(x, 9), round(y, 9)) for x, y in r.coords] for r in p.interiors])
        assert p.is_valid, i
        features.append({"type": "Feature", "properties": {"id": i}, "geometry": mapping(p)})
    with open(os.path.join(HERE, "polygons.geojson"), "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, indent=None, separators=(",", ":"))
        f.write("\n")


# Each case is one exactextract run: values, weights (or none), options, statistics.
STATS4 = ["weighted_mean", "weighted_sum", "weighted_std", "weighted_variance"]
CASES = [
    ("same", "values", "w_same", {}, STATS4),
    ("coarse", "values", "w_coarse", {}, STATS4),
    ("fine2", "values", "w_fine2", {}, STATS4),
    ("fine3", "values", "w_fine3", {}, ["weighted_mean", "weighted_sum"]),
    ("coarse_off", "values", "w_coarse_off", {}, ["weighted_mean", "weighted_sum"]),
    ("fine2_off", "values", "w_fine2_off", {"default_weight": "2"}, ["weighted_mean", "weighted_sum"]),
    ("holes", "values", "w_holes", {}, ["weighted_mean", "weighted_sum"]),
    ("holes_default", "values", "w_holes", {"default_weight": "0.5"}, STATS4),
    ("small", "values", "w_small", {}, ["weighted_mean"]),
    ("small_default", "values", "w_small", {"default_weight": "1.5"}, ["weighted_mean", "weighted_sum"]),
    ("frac_same", "classes", "w_same", {}, ["weighted_frac"]),
    ("frac_coarse", "classes", "w_coarse", {}, ["weighted_frac"]),
    ("frac_fine2", "classes", "w_fine2", {}, ["weighted_frac"]),
    ("frac_holes", "classes", "w_holes", {}, ["weighted_frac"]),
    ("frac_holes_default", "classes", "w_holes", {"default_weight": "3"}, ["weighted_frac"]),
    ("frac_fine2_none", "classes", "w_fine2", {"coverage_weight": "none", "default_weight": "0"},
     ["weighted_frac"]),
    ("cov_none", "values", None, {"coverage_weight": "none"}, ["mean", "sum", "count"]),
    ("cov_cartesian", "values", None, {"coverage_weight": "area_cartesian"}, ["mean", "sum", "count"]),
    ("cov_spherical", "values", None, {"coverage_weight": "area_spherical_m2"}, ["mean", "sum", "count"]),
    ("same_none", "values", "w_same", {"coverage_weight": "none"}, ["weighted_mean", "weighted_sum"]),
    ("same_spherical", "values", "w_same", {"coverage_weight": "area_spherical_m2"}, STATS4),
    ("fine2_none", "values", "w_fine2", {"coverage_weight": "none", "default_weight": "1"}, STATS4),
    ("coarse_cartesian", "values", "w_coarse", {"coverage_weight": "area_cartesian"}, STATS4),
    ("fine2_spherical", "values", "w_fine2", {"coverage_weight": "area_spherical_m2"},
     ["weighted_mean", "weighted_sum"]),
    ("same_min_cov", "values", "w_same", {"min_coverage_frac": "0.5"}, ["weighted_mean", "weighted_sum"]),
    ("holes_default_value", "values", "w_holes", {"default_value": "50", "default_weight": "1"},
     ["weighted_mean", "weighted_sum"]),
    ("fine2_min_cov", "values", "w_fine2", {"min_coverage_frac": "0.5", "default_weight": "1"},
     ["weighted_mean", "weighted_sum"]),
    ("fine2_default_value", "values", "w_fine2", {"default_value": "50"}, ["weighted_mean", "weighted_sum"]),
]
OPTIONS = ["default_weight", "coverage_weight", "min_coverage_frac", "default_value"]
# Terrace's names where exactextract's differ.
EXACTEXTRACT_NAMES = {"weighted_std": "weighted_stdev"}


def number(text):
    """exactextract's CSV field as written, or empty for NaN (no value)."""
    if text == "" or text.lower() in ("nan", "-nan"):
        return ""
    return repr(float(text))


def exactextract(values, weights, options, stats, out):
    """Runs the CLI once; returns its CSV rows. Stats are (column, statistic, weighted) triples."""
    args = "".join(",%s=%s" % kv for kv in options.items())
    cmd = [EXACTEXTRACT, "-p", "polygons.geojson", "-f", "id", "-r", values + ":" + values + ".tif", "-o", out]
    if weights is not None:
        cmd += ["-r", weights + ":" + weights + ".tif"]
    for column, stat, weighted in stats:
        operand = values + "," + weights if weighted else values
        cmd += ["-s", "%s=%s(%s%s)" % (column, EXACTEXTRACT_NAMES.get(stat, stat), operand, args)]
    subprocess.run(cmd, cwd=HERE, check=True)
    with open(out, newline="") as f:
        return list(csv.DictReader(f))


def extent(name):
    ds = gdal.Open(os.path.join(HERE, name + ".tif"))
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    return box(x0, y0 + ds.RasterYSize * dy, x0 + ds.RasterXSize * dx, y0)


def run(case, values, weights, options, stats, work):
    """One case: exactextract's answer per (polygon, statistic), and Terrace's where it deliberately differs."""
    weighted = weights is not None
    # cells: the polygon's valid cells, unweighted, as exactextract counts them even where it skips the weights.
    columns = [(s, s, weighted) for s in stats] + [("cells", "count", False)]
    if "weighted_frac" in stats:
        columns.append(("classes", "unique", True))
    answers = exactextract(values, weights, options, columns, os.path.join(work, case + ".csv"))
    # exactextract skips a polygon whose box misses the weights' extent, default_weight or not (operation.cpp,
    # Operation::intersects): Terrace weighs its covered cells default_weight, so that its answers are the
    # unweighted ones, the sum times default_weight.
    plain = {}
    if weights is not None and "default_weight" in options:
        unweighted = {k: v for k, v in options.items() if k != "default_weight"}
        for r in exactextract(values, None, unweighted, [("mean", "mean", False), ("sum", "sum", False)],
                              os.path.join(work, case + "_plain.csv")):
            plain[r["id"]] = r
    shapes = {f["properties"]["id"]: shape(f["geometry"]) for f in json.load(open(os.path.join(HERE,
                                                                                           "polygons.geojson")))["features"]}
    rows = []
    for r in answers:
        base = [case, values, weights or "", *(options.get(o, "") for o in OPTIONS), r["id"]]
        for s in stats:
            # The CSV writer unnests a list statistic into one row per class.
            cls = r["classes"] if s == "weighted_frac" else ""
            value = number(r[s])
            terrace, why = "", ""
            if r["id"] in plain and float(r["cells"]) > 0 and not box(*shapes[int(r["id"])].bounds).intersects(extent(weights)):
                assert value == "" or float(value) == 0, (case, r["id"], s, value)
                p = plain[r["id"]]
                d = float(options["default_weight"])
                terrace = {"weighted_mean": number(p["mean"]),
                           "weighted_sum": number(str(float(p["sum"]) * d))}[s] or "null"
                why = "outside_weights"
            rows.append(base + [s, cls, value, terrace, why])
    return rows


def main():
    rasters()
    polygons()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for case in CASES:
            rows.extend(run(*case, work))
    with open(os.path.join(HERE, "expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "values", "weights", *OPTIONS, "id", "aggregation", "class", "value", "terrace", "why"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
