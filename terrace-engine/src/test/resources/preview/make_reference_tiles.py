#!/usr/bin/python3
"""Renders the reference preview tiles with GDAL: for each case, gdalwarp to the tile's bounds in
EPSG:3857 (nearest neighbour, exact transformation, the overview GDAL picks itself), then the colours
by gdaldem color-relief over the same ramp (colormaps.txt beside the renderer) or the file's colour
table (gdal_translate -expand rgb), the warp's alpha band as the tile's alpha.

Run from anywhere with Debian's GDAL 3.6 Python bindings:
    GDAL_PAM_ENABLED=NO /usr/bin/python3 make_reference_tiles.py
Writes manifest.csv, one PNG per case and antimeridian.tif (a synthetic raster across 180°) here.
"""
import csv
import math
import os
import subprocess
import tempfile

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../../.."))
SAMPLES = os.path.join(ROOT, "src/main/resources/dev/terrace/engine/samples")
RAMPS = os.path.join(ROOT, "src/main/resources/dev/terrace/engine/internal/preview/colormaps.txt")
HALF = math.pi * 6378137.0


def ramps():
    out = {}
    for line in open(RAMPS):
        line = line.strip()
        if line and not line.startswith("#"):
            words = line.split()
            out[words[0]] = [tuple(int(w[i:i + 2], 16) for i in (1, 3, 5)) for w in words[1:]]
    return out


def tile_bounds(z, x, y):
    size = 2 * HALF / 2 ** z
    west = -HALF + x * size
    north = HALF - y * size
    return west, north - size, west + size, north


def tile_of(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def lonlat_box(path):
    ds = gdal.Open(path)
    gt = ds.GetGeoTransform()
    src = osr.SpatialReference(wkt=ds.GetProjection()) if ds.GetProjection() else None
    xs = [gt[0], gt[0] + gt[1] * ds.RasterXSize]
    ys = [gt[3], gt[3] + gt[5] * ds.RasterYSize]
    corners = [(a, b) for a in xs for b in ys]
    if src is not None and not src.IsGeographic():
        dst = osr.SpatialReference()
        dst.ImportFromEPSG(4326)
        dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        t = osr.CoordinateTransformation(src, dst)
        corners = [t.TransformPoint(a, b)[:2] for a, b in corners]
    lons = [c[0] for c in corners]
    lats = [c[1] for c in corners]
    return min(lons), min(lats), max(lons), max(lats)


def warp(source, z, x, y, scale, out):
    w, s, e, n = tile_bounds(z, x, y)
    size = 256 * scale
    src = gdal.Open(source)
    paletted = src.GetRasterBand(1).GetColorTable() is not None
    gdal.Warp(out, src, format="GTiff", dstSRS="EPSG:3857", outputBounds=(w, s, e, n),
              width=size, height=size, resampleAlg="near", errorThreshold=0, dstAlpha=True,
              outputType=gdal.GDT_Byte if paletted else gdal.GDT_Float64)


def colour(warped, colormap, lo, hi, tmp):
    ds = gdal.Open(warped)
    alpha = ds.GetRasterBand(ds.RasterCount).ReadAsArray()
    if colormap == "classes":
        rgb_path = os.path.join(tmp, "rgb.tif")
        # the colour table survives the warp; expand it by the band's palette
        gdal.Translate(rgb_path, warped, bandList=[1], rgbExpand="rgb")
    else:
        stops = ramps()[colormap]
        table = os.path.join(tmp, "colours.txt")
        with open(table, "w") as f:
            for i, (r, g, b) in enumerate(stops):
                f.write("%r %d %d %d 255\n" % (lo + (hi - lo) * i / (len(stops) - 1), r, g, b))
        rgb_path = os.path.join(tmp, "rgb.tif")
        subprocess.run(["gdaldem", "color-relief", "-q", "-b", "1", warped, table, rgb_path], check=True)
    rgb = gdal.Open(rgb_path)
    bands = [rgb.GetRasterBand(i + 1).ReadAsArray() for i in range(3)]
    rgba = np.stack(bands + [np.where(alpha > 0, 255, 0)]).astype(np.uint8)
    rgba[:, alpha == 0] = 0
    return rgba


def write_png(rgba, path):
    mem = gdal.GetDriverByName("MEM").Create("", rgba.shape[2], rgba.shape[1], 4, gdal.GDT_Byte)
    for i in range(4):
        mem.GetRasterBand(i + 1).WriteArray(rgba[i])
    gdal.GetDriverByName("PNG").CreateCopy(path, mem)


def native_zoom(path):
    ds = gdal.Open(path)
    gt = ds.GetGeoTransform()
    w, s, e, n = lonlat_box(path)
    lat = (s + n) / 2
    srs = osr.SpatialReference(wkt=ds.GetProjection()) if ds.GetProjection() else None
    res = abs(gt[1])
    if srs is None or srs.IsGeographic():
        metres = res * 6378137.0 * math.pi / 180 * math.cos(math.radians(lat))
    else:
        metres = res
    return math.ceil(math.log2(2 * HALF / 256 * math.cos(math.radians(lat)) / metres) - 1e-9)


def antimeridian_raster():
    """40 x 20 cells of 0.5°, from 170° E to 190° E (170° W) and 10° N to 10° S; value 100 + column,
    nodata -9999 in the first row's first 5 cells."""
    path = os.path.join(HERE, "antimeridian.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 40, 20, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((170.0, 0.5, 0, 10.0, 0, -0.5))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    values = np.tile(np.arange(40, dtype=np.float32) + 100, (20, 1))
    values[0, :5] = -9999
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999)
    band.WriteArray(values)
    band = None
    ds = None
    # the same cells placed 360° west, which GDAL warps into the tiles west of the antimeridian
    shifted = os.path.join(tempfile.gettempdir(), "antimeridian_west.tif")
    gdal.Translate(shifted, path, outputBounds=[-190.0, 10.0, -170.0, -10.0])
    return path, shifted


def cases():
    nc = os.path.join(SAMPLES, "bcsd_obs_1999.nc")
    datasets = [
        # id, GDAL source, band, file for bounds, colormap variants (name, rescale or None, step or None)
        ("lux:elevation", os.path.join(SAMPLES, "elev_lux.tif"), 1, [("viridis", None), ("terrain", (141, 547))]),
        ("olinda:elevation", os.path.join(SAMPLES, "olinda_dem_utm25s.tif"), 1, [("viridis", None), ("magma", (-1, 88))]),
        ("pr_landcover:land_cover", os.path.join(SAMPLES, "lc.tif"), 1, [("classes", None)]),
        ("landsat_olinda:band1", os.path.join(SAMPLES, "L7_ETMs.tif"), 1, [("viridis", None), ("greys", (47, 160))]),
        ("bcsd:pr", 'NETCDF:"%s":pr' % nc, 1, [("viridis", None), ("blues", (0, 340))]),
        ("bcsd:pr", 'NETCDF:"%s":pr' % nc, 7, [("spectral", (0, 340))]),
    ]
    for dataset, source, band, variants in datasets:
        bounds_file = source
        w, s, e, n = lonlat_box(bounds_file)
        top = native_zoom(bounds_file)
        for z in range(0, top + 1):
            tiles = {tile_of((w + e) / 2, (s + n) / 2, z)}
            if z == top:
                tiles.add(tile_of(w + 1e-9, s + 1e-9, z))
            for x, y in sorted(tiles):
                for i, (colormap, rescale) in enumerate(variants):
                    if i > 0 and z not in (top - 1, top):
                        continue
                    yield dataset, source, band, z, x, y, 1, colormap, rescale
        x, y = tile_of((w + e) / 2, (s + n) / 2, top)
        yield dataset, source, band, top, x, y, 2, variants[0][0], variants[0][1]


def valid_range(dataset):
    return {"lux:elevation": (-500, 9000), "olinda:elevation": (-500, 9000),
            "landsat_olinda:band1": (0, 255), "bcsd:pr": (0, 2000)}.get(dataset)


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        antimeridian, west = antimeridian_raster()
        extra = [("test:antimeridian", antimeridian, 1, 3, 7, 3, 1, "viridis", (100, 140), None),
                 ("test:antimeridian", west, 1, 3, 0, 3, 1, "viridis", (100, 140), "antimeridian west of 180")]
        generated = [(d, s, b, z, x, y, sc, c, r, None) for d, s, b, z, x, y, sc, c, r in cases()] + extra
        for dataset, source, band, z, x, y, scale, colormap, rescale, note in generated:
            src = source
            if source.startswith("NETCDF:"):
                # the file states no CRS; its degrees are WGS 84's, as the engine takes them
                src = os.path.join(tmp, "band.vrt")
                gdal.Translate(src, source, format="VRT", bandList=[band], outputSRS="EPSG:4326")
            warped = os.path.join(tmp, "warped.tif")
            warp(src, z, x, y, scale, warped)
            lo, hi = rescale if rescale else (valid_range(dataset) or (0, 0))
            rgba = colour(warped, colormap, lo, hi, tmp)
            name = "%s_%d_%d_%d%s_%s%s.png" % (
                dataset.replace(":", "-"), z, x, y, "@2x" if scale == 2 else "", colormap,
                "" if band == 1 else "_step%d" % (band - 1))
            if rescale:
                name = name.replace(".png", "_%g_%g.png" % rescale)
            write_png(rgba, os.path.join(HERE, name))
            rows.append([name, dataset, z, x, y, scale, colormap,
                         "" if rescale is None else "%g,%g" % rescale,
                         "" if band == 1 else band - 1, int((rgba[3] > 0).sum()), note or ""])
    with open(os.path.join(HERE, "manifest.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["file", "dataset", "z", "x", "y", "scale", "colormap", "rescale", "step",
                      "opaque_pixels", "note"])
        out.writerows(rows)
    print(len(rows), "tiles")


if __name__ == "__main__":
    main()
