#!/usr/bin/python3
"""Writes rasterize.csv: the cells GDAL burns for lines and polygons, and exact line lengths per cell.

Run from this directory with the system Python (GDAL bindings, numpy, shapely):  ./make_rasterize.py
Geometries are given in pixel space (x = column, y = row growing down) on a 16 x 12 grid; for GDAL they
are mapped onto a north-up grid, geotransform (0, 1, 0, 12, 0, -1), so world y = 12 - row. Every
coordinate is a multiple of 1/64, so that mapping is exact.
"""
import csv
import random

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkt as shapely_wkt
from shapely.geometry import box

gdal.UseExceptions()
W, H = 16, 12


def to_world(geom):
    """The pixel-space OGR geometry mapped onto the north-up grid (y -> H - y)."""
    g = geom.Clone()

    def flip(part):
        if part.GetGeometryCount() > 0:
            for i in range(part.GetGeometryCount()):
                flip(part.GetGeometryRef(i))
        else:
            for i in range(part.GetPointCount()):
                x, y = part.GetX(i), part.GetY(i)
                part.SetPoint_2D(i, x, H - y)

    flip(g)
    return g


def burn(pixel_wkt, all_touched):
    ds = gdal.GetDriverByName('MEM').Create('', W, H, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((0, 1, 0, H, 0, -1))
    # One CRS on both sides: GDAL then maps the geometry with the geotransform alone.
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    ds.SetSpatialRef(srs)
    src = ogr.GetDriverByName('Memory').CreateDataSource('src')
    layer = src.CreateLayer('g', srs=srs)
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetGeometry(to_world(ogr.CreateGeometryFromWkt(pixel_wkt)))
    layer.CreateFeature(f)
    options = ['ALL_TOUCHED=TRUE'] if all_touched else []
    gdal.RasterizeLayer(ds, [1], layer, burn_values=[1], options=options)
    a = ds.ReadAsArray()
    return [(int(r), int(c)) for r, c in zip(*np.nonzero(a))]


def lengths(pixel_wkt):
    """Length of line in each cell of the raster, part by part (parts add), by shapely's intersection."""
    g = shapely_wkt.loads(pixel_wkt)
    parts = list(g.geoms) if hasattr(g, 'geoms') else [g]
    out = {}
    for part in parts:
        for r in range(H):
            for c in range(W):
                length = part.intersection(box(c, r, c + 1, r + 1)).length
                if length > 0:
                    out[(r, c)] = out.get((r, c), 0.0) + length
    return sorted(out.items())


def q(v):
    """v on the 1/64 grid, nudged off whole numbers so that no vertex lies on a cell side."""
    k = round(v * 64)
    if k % 64 == 0:
        k += 1
    return k / 64


def fmt(v):
    return repr(float(v))


LINES = {
    'line_row': 'LINESTRING (0.5 2.5, 5.5 2.5)',
    'line_gentle': 'LINESTRING (0.5 0.5, 5.5 2.5)',
    'line_steep': 'LINESTRING (2.3125 0.203125, 3.09375 9.703125)',
    'line_right_to_left_up': 'LINESTRING (14.640625 10.234375, 1.171875 3.828125)',
    'line_polyline': 'LINESTRING (10.203125 1.296875, 3.703125 4.40625, 8.890625 10.59375, 14.109375 2.203125)',
    'line_partly_outside': 'LINESTRING (-3.203125 5.5, 6.703125 -2.09375, 12.5 3.5)',
    'multiline_crossing': 'MULTILINESTRING ((1.109375 1.046875, 13.890625 10.953125), (1.109375 10.953125, 13.890625 1.046875))',
}
rnd = random.Random(20240607)
for i in range(16):
    n = rnd.randint(2, 5)
    pts = ', '.join(f'{fmt(q(rnd.uniform(0.1, W - 0.1)))} {fmt(q(rnd.uniform(0.1, H - 0.1)))}' for _ in range(n))
    LINES[f'line_random_{i:02d}'] = f'LINESTRING ({pts})'

# No polygon edge lies on a line of cell centres (y = row + 0.5): GDAL fills a horizontal edge lying exactly
# there by a rule of its own that depends on the edge's direction, which the engine does not copy.
POLYGONS = {
    # The example: two 2 x 2-cell squares overlapping by one column; GDAL burns the union, 6 cells.
    'multipolygon_overlap_one_column': 'MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((2 1, 4 1, 4 3, 2 3, 2 1)))',
    'multipolygon_overlap_offset':
        'MULTIPOLYGON (((1.25 1.375, 6.75 1.375, 6.75 7.625, 1.25 7.625, 1.25 1.375)), '
        '((4.125 3.25, 10.875 3.25, 10.875 9.75, 4.125 9.75, 4.125 3.25)))',
    # A polygon with a hole, a second part inside the hole, a third overlapping the shell and the hole.
    'multipolygon_hole_and_overlaps':
        'MULTIPOLYGON (((0.25 0.25, 11.75 0.25, 11.75 11.75, 0.25 11.75, 0.25 0.25), (3.25 3.25, 8.75 3.25, 8.75 8.75, 3.25 8.75, 3.25 3.25)), '
        '((4.25 4.25, 6.75 4.25, 6.75 6.75, 4.25 6.75, 4.25 4.25)), '
        '((7.5 6.25, 15.25 6.25, 15.25 10.75, 7.5 10.75, 7.5 6.25)))',
    'multipolygon_three_triangles':
        'MULTIPOLYGON (((0.3 0.7, 9.1 2.2, 3.4 10.6, 0.3 0.7)), ((5.2 0.4, 14.8 5.9, 2.6 8.1, 5.2 0.4)), '
        '((8.3 3.3, 15.6 11.4, 6.1 11.2, 8.3 3.3)))',
}


def main():
    rows = []
    for name, g in list(LINES.items()) + list(POLYGONS.items()):
        for rule, all_touched in (('center', False), ('all_touched', True)):
            cells = burn(g, all_touched)
            rows.append((name, rule, g, ' '.join(f'{r}:{c}' for r, c in cells)))
        if name in LINES:
            rows.append((name, 'exact', g, ' '.join(f'{r}:{c}:{fmt(v)}' for (r, c), v in lengths(g))))
    with open('rasterize.csv', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'rule', 'wkt', 'cells'])
        w.writerows(rows)
    print(f'{len(rows)} rows, GDAL {gdal.__version__}')


if __name__ == '__main__':
    main()
