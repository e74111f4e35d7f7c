#!/usr/bin/python3
"""Regenerate the georeferencing / CRS / colour-space fixtures in this folder (see README.md).

Run through ./make_crs_variants.sh (sets GDAL_PAM_ENABLED=NO and uses Debian's /usr/bin/python3).
Needs Debian packages: gdal-bin python3-gdal python3-numpy.
The Java tests never run this: they only read the committed outputs.

Deterministic: fixed numpy seeds; GDAL writes no timestamps, so the same GDAL version gives
byte-identical files.
"""
import csv
import glob
import math
import os
import re
import struct
import subprocess
import sys
import tempfile

os.environ["GDAL_PAM_ENABLED"] = "NO"

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
osr.UseExceptions()

OUT = os.path.dirname(os.path.abspath(__file__))
GW, GH = 17, 13          # like the crs_* fixtures one folder up
POINTS_PER_FILE = 5
FAILURES = []
LOG = []

# ---------------------------------------------------------------------------------------------
# What to write. Georeferenced files that a reader must place exactly as GDAL does:
# (file, CRS as GDAL is given it, WGS 84 lon/lat of the centre, pixel size in CRS units,
#  creation options, what it tests)
PLACED = [
    ("ud_laea_grs80", "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m",
     (10.5, 51.0), 1000.0, [], "CT_LambertAzimEqualArea (10), ProjCenterLat/Long, ellipsoid code 7019"),
    ("ud_eqc_wgs84", "+proj=eqc +lat_ts=30 +lat_0=10 +lon_0=10 +x_0=100 +y_0=200 +datum=WGS84",
     (12.0, 15.0), 1000.0, [], "CT_Equirectangular (17): ProjStdParallel1 = latitude of true scale, ProjCenterLat = 10"),
    ("ud_sinu_modis_sphere", "+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +R=6371007.181 +units=m",
     (20.0, 30.0), 1000.0, [], "CT_Sinusoidal (24) on MODIS's sphere (semi-major = semi-minor axis)"),
    ("ud_merc1sp_wgs84", "+proj=merc +lon_0=10 +k=0.997 +x_0=1000 +y_0=2000 +datum=WGS84",
     (15.0, 40.0), 1000.0, [], "CT_Mercator (7) with ProjScaleAtNatOrigin (1SP)"),
    ("ud_merc2sp_wgs84", "+proj=merc +lon_0=10 +lat_ts=20 +x_0=1000 +y_0=2000 +datum=WGS84",
     (15.0, 40.0), 1000.0, [], "CT_Mercator (7) with ProjStdParallel1 (2SP)"),
    ("ud_stere_oblique_wgs84", "+proj=stere +lat_0=45 +lon_0=10 +k=0.9999 +x_0=1000 +y_0=2000 +datum=WGS84",
     (11.0, 46.0), 1000.0, [], "CT_Stereographic (14), ProjCenterLat/Long"),
    ("ud_stere_polar_a_wgs84",
     "+proj=stere +lat_0=90 +lon_0=10 +k=0.994 +x_0=2000000 +y_0=2000000 +datum=WGS84",
     (20.0, 80.0), 5000.0, [], "CT_PolarStereographic (15) variant A: ProjNatOriginLat 90 + ProjScaleAtNatOrigin"),
    ("ud_omerc_a_evrstss",
     "+proj=omerc +no_uoff +lat_0=4 +lonc=115 +alpha=53.3158204722222 +gamma=53.1301023611111 +k=0.99984 "
     "+x_0=590476.87 +y_0=442857.65 +ellps=evrstSS +units=m",
     (115.5, 4.5), 1000.0, [], "CT_ObliqueMercator (3) = Hotine variant A, ProjRectifiedGridAngle"),
    ("ud_omerc_b_evrstss",
     "+proj=omerc +lat_0=4 +lonc=115 +alpha=53.3158204722222 +gamma=53.1301023611111 +k=0.99984 "
     "+x_0=590476.87 +y_0=442857.65 +ellps=evrstSS +units=m",
     (115.5, 4.5), 1000.0, [], "ProjCoordTrans 9815 = Hotine variant B (libgeotiff's CT_HotineObliqueMercatorAzimuthCenter)"),
    ("ud_cass_clarke_links",
     "+proj=cass +lat_0=10.4416666666667 +lon_0=-61.3333333333333 +x_0=86501.46392052 +y_0=65379.0134283 "
     "+a=6378293.64520876 +b=6356617.98767984 +to_meter=0.201166195164",
     (-61.3, 10.5), 5000.0, [], "CT_CassiniSoldner (18), user-defined linear unit (Clarke's links, ProjLinearUnitSize)"),
    ("ud_nzmg_intl", "+proj=nzmg +lat_0=-41 +lon_0=173 +x_0=2510000 +y_0=6023150 +ellps=intl +units=m",
     (174.0, -41.0), 1000.0, [], "CT_NewZealandMapGrid (26)"),
    ("ud_aeqd_wgs84", "+proj=aeqd +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84",
     (-99.0, 41.0), 1000.0, [], "CT_AzimuthalEquidistant (12)"),
    ("ud_gnom_wgs84", "+proj=gnom +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84",
     (-99.0, 41.0), 1000.0, [], "CT_Gnomonic (19)"),
    ("ud_mill_wgs84", "+proj=mill +lon_0=10 +x_0=1000 +y_0=2000 +R_A +datum=WGS84",
     (12.0, 40.0), 1000.0, [], "CT_MillerCylindrical (20), read on the authalic sphere (+R_A) as GDAL does"),
    ("ud_robin_wgs84", "+proj=robin +lon_0=10 +x_0=1000 +y_0=2000 +datum=WGS84",
     (12.0, 40.0), 1000.0, [], "CT_Robinson (23)"),
    ("ud_vandg_wgs84", "+proj=vandg +lon_0=10 +x_0=1000 +y_0=2000 +R_A +datum=WGS84",
     (12.0, 40.0), 1000.0, [], "CT_VanDerGrinten (25), authalic sphere (+R_A)"),
    ("ud_cea_wgs84", "+proj=cea +lon_0=10 +lat_ts=30 +x_0=1000 +y_0=2000 +datum=WGS84",
     (12.0, 40.0), 1000.0, [], "CT_CylindricalEqualArea (28)"),
    ("pe_krovak_bessel",
     "+proj=krovak +lat_0=49.5 +lon_0=24.8333333333333 +alpha=30.2881397527778 +k=0.9999 +x_0=0 +y_0=0 "
     "+ellps=bessel +units=m",
     (15.0, 50.0), 1000.0, [], "no GeoKeys method for Krovak: GTModelType 32767 and an ESRI PE string (X_Scale -1, XY_Plane_Rotation 90 = east/north)"),
    ("pe_moll_wgs84", "+proj=moll +lon_0=10 +datum=WGS84",
     (12.0, 45.0), 1000.0, [], "no GeoKeys method for Mollweide: ESRI PE string only"),
    ("pe_flavor_epsg32633", "EPSG:32633", (15.0, 50.0), 1000.0, ["GEOTIFF_KEYS_FLAVOR=ESRI_PE"],
     "GEOTIFF_KEYS_FLAVOR=ESRI_PE: GTModelType 32767, ProjectedCSTypeGeoKey 32633 and an ESRI PE string"),
    ("pe_flavor_laea_grs80", "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m",
     (10.5, 51.0), 1000.0, ["GEOTIFF_KEYS_FLAVOR=ESRI_PE"],
     "GEOTIFF_KEYS_FLAVOR=ESRI_PE on a user-defined CRS: GTModelType 32767, LAEA keys and the ESRI PE string"),
    ("grads_epsg4807", "EPSG:4807", (2.5, 48.8), 0.01, [],
     "EPSG:4807 NTF (Paris): geotransform in grads from the Paris meridian, GeogAngularUnitsGeoKey 9105; TOWGS84 -168,-60,320"),
    ("grads_user_wgs84",
     'GEOGCS["grads on WGS 84 ellipsoid",DATUM["unknown",SPHEROID["WGS 84",6378137,298.257223563]],'
     'PRIMEM["Greenwich",0],UNIT["grad",0.015707963267949]]', (10.0, 50.0), 0.01, [],
     "user-defined geographic CRS (GeographicTypeGeoKey 32767) in grads: GeogAngularUnitsGeoKey 9105"),
    ("radians_user_wgs84",
     'GEOGCS["radians on WGS 84 ellipsoid",DATUM["unknown",SPHEROID["WGS 84",6378137,298.257223563]],'
     'PRIMEM["Greenwich",0],UNIT["radian",1]]', (10.0, 50.0), 0.0002, [],
     "user-defined geographic CRS in radians: GeogAngularUnitsGeoKey 9101"),
]

# User-defined projections GDAL writes as GeoKeys but proj4j computes otherwise than PROJ (on an ellipsoid
# proj4j has only the spherical sinusoidal, orthographic and polyconic; its equidistant conic differs
# everywhere): a reader on proj4j must refuse them. (file, CRS, ProjCoordTransGeoKey)
REFUSED_CRS = [
    ("unresolvable_sinu_wgs84", "+proj=sinu +lon_0=10 +x_0=1000 +y_0=2000 +datum=WGS84", 24),
    ("unresolvable_eqdc_wgs84", "+proj=eqdc +lat_0=40 +lon_0=-100 +lat_1=30 +lat_2=50 +x_0=1000 +y_0=2000 +datum=WGS84", 13),
    ("unresolvable_ortho_wgs84", "+proj=ortho +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84", 21),
    ("unresolvable_poly_wgs84", "+proj=poly +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84", 22),
]

# Georeferenced but without any GeoKeys; the points are GDAL's once the CRS is assigned (-a_srs), as a
# catalog's "crs" does.
NO_CRS = ("nocrs_utm33n_geotransform", "EPSG:32633", (15.0, 50.0), 1000.0)

# WKT translation cases: (name, CRS, WGS 84 lon, lat). Each is exported as OGC WKT1 and as ESRI WKT;
# x, y are what PROJ computes from WGS 84 reading that very text.
WKT_CASES = [
    ("tmerc", "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +datum=WGS84", -1.5, 51.5),
    ("utm33n", "EPSG:32633", 15.3, 50.2),
    ("merc1sp", "+proj=merc +lon_0=10 +k=0.997 +x_0=1000 +y_0=2000 +datum=WGS84", 15.0, 40.0),
    ("merc2sp", "+proj=merc +lon_0=10 +lat_ts=20 +x_0=1000 +y_0=2000 +datum=WGS84", 15.0, 40.0),
    ("webmerc", "EPSG:3857", 2.3, 45.1),
    ("lcc1sp", "+proj=lcc +lat_1=46.5 +lat_0=46.5 +lon_0=3 +k_0=0.99905 +x_0=700000 +y_0=6600000 +ellps=GRS80", 4.8, 45.75),
    ("lcc2sp", "+proj=lcc +lat_1=33 +lat_2=45 +lat_0=39 +lon_0=-96 +x_0=0 +y_0=0 +ellps=GRS80", -95.0, 38.0),
    ("lcc2sp_usft", "+proj=lcc +lat_1=38.4333333333333 +lat_2=37.0666666666667 +lat_0=36.5 +lon_0=-120.5 "
     "+x_0=2000000.0001016 +y_0=500000.0001016 +ellps=GRS80 +units=us-ft", -122.27, 37.8),
    ("aea", "+proj=aea +lat_0=23 +lon_0=-96 +lat_1=29.5 +lat_2=45.5 +x_0=0 +y_0=0 +ellps=GRS80", -100.0, 40.0),
    ("laea", "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80", 10.5, 51.0),
    ("aeqd", "+proj=aeqd +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84", -99.0, 41.0),
    ("eqdc", "+proj=eqdc +lat_0=40 +lon_0=-100 +lat_1=30 +lat_2=50 +x_0=1000 +y_0=2000 +datum=WGS84", -99.0, 41.0),
    ("stere", "+proj=stere +lat_0=45 +lon_0=10 +k=0.9999 +x_0=1000 +y_0=2000 +datum=WGS84", 11.0, 46.0),
    ("sterea", "+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 "
     "+y_0=463000 +ellps=bessel", 5.12, 52.09),
    ("stere_polar_a", "+proj=stere +lat_0=90 +lon_0=10 +k=0.994 +x_0=2000000 +y_0=2000000 +datum=WGS84", 20.0, 80.0),
    ("stere_polar_b_south", "+proj=stere +lat_0=-90 +lat_ts=-71 +lon_0=0 +x_0=0 +y_0=0 +datum=WGS84", 100.0, -75.0),
    ("eqc", "+proj=eqc +lat_ts=30 +lat_0=10 +lon_0=10 +x_0=100 +y_0=200 +datum=WGS84", 12.0, 15.0),
    ("cass", "+proj=cass +lat_0=10.4416666666667 +lon_0=-61.3333333333333 +x_0=86501.46392052 "
     "+y_0=65379.0134283 +a=6378293.64520876 +b=6356617.98767984 +to_meter=0.201166195164", -61.3, 10.5),
    ("sinu", "+proj=sinu +lon_0=10 +x_0=1000 +y_0=2000 +datum=WGS84", 20.0, 30.0),
    ("moll", "+proj=moll +lon_0=10 +datum=WGS84", 12.0, 45.0),
    ("robin", "+proj=robin +lon_0=10 +x_0=1000 +y_0=2000 +datum=WGS84", 12.0, 40.0),
    ("mill", "+proj=mill +lon_0=10 +x_0=1000 +y_0=2000 +R_A +datum=WGS84", 12.0, 40.0),
    ("vandg", "+proj=vandg +lon_0=10 +x_0=1000 +y_0=2000 +R_A +datum=WGS84", 12.0, 40.0),
    ("gnom", "+proj=gnom +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84", -99.0, 41.0),
    ("ortho", "+proj=ortho +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84", -99.0, 41.0),
    ("poly", "+proj=poly +lat_0=40 +lon_0=-100 +x_0=1000 +y_0=2000 +datum=WGS84", -99.0, 41.0),
    ("cea", "+proj=cea +lon_0=10 +lat_ts=30 +x_0=1000 +y_0=2000 +datum=WGS84", 12.0, 40.0),
    ("nzmg", "+proj=nzmg +lat_0=-41 +lon_0=173 +x_0=2510000 +y_0=6023150 +ellps=intl", 174.0, -41.0),
    ("omerc_a", "+proj=omerc +no_uoff +lat_0=4 +lonc=115 +alpha=53.3158204722222 +gamma=53.1301023611111 "
     "+k=0.99984 +x_0=590476.87 +y_0=442857.65 +ellps=evrstSS", 115.5, 4.5),
    ("omerc_b", "+proj=omerc +lat_0=4 +lonc=115 +alpha=53.3158204722222 +gamma=53.1301023611111 +k=0.99984 "
     "+x_0=590476.87 +y_0=442857.65 +ellps=evrstSS", 115.5, 4.5),
    ("krovak", "+proj=krovak +lat_0=49.5 +lon_0=24.8333333333333 +alpha=30.2881397527778 +k=0.9999 +x_0=0 "
     "+y_0=0 +ellps=bessel", 15.0, 50.0),
    ("geog_grads", 'GEOGCS["grads on WGS 84 ellipsoid",DATUM["unknown",SPHEROID["WGS 84",6378137,'
     '298.257223563]],PRIMEM["Greenwich",0],UNIT["grad",0.015707963267949]]', 10.0, 50.0),
]


def log(msg):
    print(msg)
    LOG.append(msg)


def check(cond, msg):
    LOG.append(("ok   " if cond else "FAIL ") + msg)
    if not cond:
        FAILURES.append(msg)
        print("FAIL " + msg, file=sys.stderr)


def srs_from(defn):
    s = osr.SpatialReference()
    if defn.startswith("EPSG:"):
        s.ImportFromEPSG(int(defn[5:]))
    elif defn.startswith("+"):
        s.ImportFromProj4(defn)
    else:
        s.ImportFromWkt(defn)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def wgs84():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def pixels(seed, nbands=1):
    rng = np.random.default_rng(seed)
    return [rng.permutation(256)[:GW * GH].reshape(GH, GW).astype(np.uint8) for _ in range(nbands)]


def write(name, seed, gt=None, srs=None, co=(), nbands=1, gcps=None, rpc=None):
    """Writes OUT/name.tif from an in-memory copy, so GDAL writes every tag in one go."""
    mem = gdal.GetDriverByName("MEM").Create("", GW, GH, nbands, gdal.GDT_Byte)
    for b, arr in enumerate(pixels(seed, nbands)):
        mem.GetRasterBand(b + 1).WriteArray(arr)
    if gt is not None:
        mem.SetGeoTransform(gt)
    if srs is not None:
        mem.SetSpatialRef(srs)
    if gcps is not None:
        mem.SetGCPs(gcps, wgs84())
    if rpc is not None:
        mem.SetMetadata(rpc, "RPC")
    path = os.path.join(OUT, name + ".tif")
    gdal.GetDriverByName("GTiff").CreateCopy(path, mem, options=list(co))
    return path


# ---------------------------------------------------------------------------------------------
# our own reading of the tags, to check what GDAL wrote

TSIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8}
TFMT = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 11: "f", 12: "d", 16: "Q"}
GEOKEY_NAMES = {
    1024: "GTModelTypeGeoKey", 1025: "GTRasterTypeGeoKey", 1026: "GTCitationGeoKey",
    2048: "GeographicTypeGeoKey", 2049: "GeogCitationGeoKey", 2050: "GeogGeodeticDatumGeoKey",
    2051: "GeogPrimeMeridianGeoKey", 2054: "GeogAngularUnitsGeoKey", 2055: "GeogAngularUnitSizeGeoKey",
    2056: "GeogEllipsoidGeoKey", 2057: "GeogSemiMajorAxisGeoKey", 2058: "GeogSemiMinorAxisGeoKey",
    2059: "GeogInvFlatteningGeoKey", 2061: "GeogPrimeMeridianLongGeoKey", 2062: "GeogTOWGS84GeoKey",
    3059: "GeogLinearUnitsGeoKey?", 3072: "ProjectedCSTypeGeoKey", 3073: "PCSCitationGeoKey",
    3074: "ProjectionGeoKey", 3075: "ProjCoordTransGeoKey", 3076: "ProjLinearUnitsGeoKey",
    3077: "ProjLinearUnitSizeGeoKey", 3078: "ProjStdParallel1GeoKey", 3079: "ProjStdParallel2GeoKey",
    3080: "ProjNatOriginLongGeoKey", 3081: "ProjNatOriginLatGeoKey", 3082: "ProjFalseEastingGeoKey",
    3083: "ProjFalseNorthingGeoKey", 3084: "ProjFalseOriginLongGeoKey", 3085: "ProjFalseOriginLatGeoKey",
    3086: "ProjFalseOriginEastingGeoKey", 3087: "ProjFalseOriginNorthingGeoKey",
    3088: "ProjCenterLongGeoKey", 3089: "ProjCenterLatGeoKey", 3090: "ProjCenterEastingGeoKey",
    3091: "ProjCenterNorthingGeoKey", 3092: "ProjScaleAtNatOriginGeoKey", 3093: "ProjScaleAtCenterGeoKey",
    3094: "ProjAzimuthAngleGeoKey", 3095: "ProjStraightVertPoleLongGeoKey",
    3096: "ProjRectifiedGridAngleGeoKey",
}


def ifd0(path):
    """{tag: values} of the first IFD of a little-endian classic TIFF"""
    data = open(path, "rb").read()
    assert data[:4] == b"II*\x00", path
    off = struct.unpack("<I", data[4:8])[0]
    n = struct.unpack("<H", data[off:off + 2])[0]
    tags = {}
    for i in range(n):
        ent = off + 2 + 12 * i
        tag, typ, count = struct.unpack("<HHI", data[ent:ent + 8])
        size = TSIZE.get(typ, 1) * count
        pos = ent + 8 if size <= 4 else struct.unpack("<I", data[ent + 8:ent + 12])[0]
        raw = data[pos:pos + size]
        if typ in (2, 7):
            tags[tag] = raw
        elif typ in (5, 10):
            v = struct.unpack("<" + ("I" if typ == 5 else "i") * (2 * count), raw)
            tags[tag] = tuple(v[2 * k] / v[2 * k + 1] for k in range(count))
        else:
            tags[tag] = struct.unpack("<" + TFMT[typ] * count, raw)
    return tags


def geokeys(tags):
    if 34735 not in tags:
        return {}
    d, dbl, asc = tags[34735], tags.get(34736, ()), tags.get(34737, b"")
    keys = {}
    for k in range(d[3]):
        kid, loc, cnt, val = d[4 + 4 * k:8 + 4 * k]
        if loc == 0:
            keys[kid] = val
        elif loc == 34736:
            keys[kid] = dbl[val:val + cnt] if cnt > 1 else dbl[val]
        else:
            keys[kid] = asc[val:val + cnt].decode("latin1").rstrip("|\x00")
    return keys


def dump(path):
    tags = ifd0(path)
    lines = ["== " + os.path.basename(path)]
    for tag, name in [(262, "PhotometricInterpretation"), (259, "Compression"), (277, "SamplesPerPixel"),
                      (33550, "ModelPixelScaleTag"), (33922, "ModelTiepointTag"),
                      (34264, "ModelTransformationTag")]:
        if tag in tags:
            lines.append("  %s = %r" % (name, tags[tag]))
    if 50844 in tags:
        lines.append("  RPCCoefficientTag = %d values" % len(tags[50844]))
    for k, v in sorted(geokeys(tags).items()):
        lines.append("  %-30s (%d) = %r" % (GEOKEY_NAMES.get(k, "?"), k, v))
    return lines


# ---------------------------------------------------------------------------------------------
# points: lon/lat -> GDAL's pixel

def place(srs, centre, px):
    cx, cy = osr.CoordinateTransformation(wgs84(), srs).TransformPoint(centre[0], centre[1])[:2]
    x0 = math.floor((cx - GW * px / 2) / px) * px
    y0 = math.ceil((cy + GH * px / 2) / px) * px
    return (x0, px, 0.0, y0, 0.0, -px)


def operation(dst):
    """the first (best) PROJ operation from WGS 84 to dst, as projinfo lists it"""
    out = subprocess.run(["projinfo", "-s", "EPSG:4326", "-t", dst.ExportToWkt(["FORMAT=WKT2_2019"]), "--summary",
                          "--spatial-test", "intersects"], capture_output=True, text=True).stdout
    ops = [l for l in out.splitlines() if l and not l.startswith("Candidate")]
    return ops[0] if ops else "none found"


def points(name, path, srs, given, seed):
    """POINTS_PER_FILE random points >= 0.05 px inside a cell, as WGS 84 lon/lat, and GDAL's answers."""
    ds = gdal.Open(path)
    gt = ds.GetGeoTransform()
    inv = gdal.InvGeoTransform(gt)
    to_ll = osr.CoordinateTransformation(srs, wgs84())
    to_xy = osr.CoordinateTransformation(wgs84(), srs)
    degrees = round(srs.GetAngularUnits() * 180 / math.pi, 12) if srs.IsGeographic() else ""
    band = ds.GetRasterBand(1).ReadAsArray()
    rng = np.random.default_rng(seed)
    rows = []
    log("%s: PROJ operation WGS 84 -> raster CRS: %s" % (name, operation(srs)))
    for _ in range(POINTS_PER_FILE):
        r, c = int(rng.integers(0, GH)), int(rng.integers(0, GW))
        fc, fr = rng.uniform(0.05, 0.95, 2)
        x, y = gdal.ApplyGeoTransform(gt, c + fc, r + fr)
        lon, lat = to_ll.TransformPoint(x, y)[:2]
        lon, lat = float(repr(lon)), float(repr(lat))
        # recompute from the written lon/lat, as a reader under test does
        x, y = to_xy.TransformPoint(lon, lat)[:2]
        col_f, row_f = gdal.ApplyGeoTransform(inv, x, y)
        check(abs(col_f - (c + fc)) < 1e-6 and abs(row_f - (r + fr)) < 1e-6,
              "%s: lon/lat round trip stays in pixel (%d, %d)" % (name, c, r))
        value = int(band[r, c])
        if not given:
            out = subprocess.run(["gdallocationinfo", "-valonly", "-b", "1", "-wgs84", path, repr(lon), repr(lat)],
                                 capture_output=True, text=True, check=True).stdout.strip()
            check(out == str(value), "%s: gdallocationinfo -wgs84 %r %r gives %s (expected %d)"
                  % (name, lon, lat, out, value))
        rows.append([name + ".tif", given, repr(lon), repr(lat), repr(x), repr(y),
                     repr(degrees) if degrees != "" else "", repr(col_f), repr(row_f), c, r, value]
                    + [repr(v) for v in gt])
    return rows


# ---------------------------------------------------------------------------------------------

def make_placed():
    rows = []
    seed = 500
    for name, defn, centre, px, co, what in PLACED:
        seed += 1
        srs = srs_from(defn)
        path = write(name, seed, place(srs, centre, px), srs, co)
        read = gdal.Open(path).GetSpatialRef()
        read.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        log("%s: %s; GDAL reads %s" % (name, what, read.ExportToProj4()))
        rows += points(name, path, read, "", seed)
    name, defn, centre, px = NO_CRS
    srs = srs_from(defn)
    write(name, 599, place(srs, centre, px))
    with tempfile.TemporaryDirectory() as tmp:
        assigned = os.path.join(tmp, "assigned.tif")
        subprocess.run(["gdal_translate", "-q", "-a_srs", defn, os.path.join(OUT, name + ".tif"), assigned],
                       check=True)
        rows += points(name, assigned, srs, defn, 599)
    return rows


def make_refused():
    # a plain TIFF: no geotransform, no GCPs, no CRS
    write("nogeo_plain", 601)
    # GCPs only (4 tiepoints, no ModelPixelScale)
    gcps = [gdal.GCP(10.0, 50.0, 0, 0, 0), gdal.GCP(10.17, 50.0, 0, GW, 0),
            gdal.GCP(10.0, 49.87, 0, 0, GH), gdal.GCP(10.17, 49.87, 0, GW, GH)]
    write("nogeo_gcps", 602, gcps=gcps)
    # RPCs only (RPCCoefficientTag), no geotransform and no GCPs
    rpc = {"LINE_OFF": "6", "SAMP_OFF": "8", "LAT_OFF": "50", "LONG_OFF": "10", "HEIGHT_OFF": "0",
           "LINE_SCALE": "7", "SAMP_SCALE": "9", "LAT_SCALE": "0.1", "LONG_SCALE": "0.1", "HEIGHT_SCALE": "100",
           "LINE_NUM_COEFF": " ".join(["0", "0", "-1"] + ["0"] * 17),
           "LINE_DEN_COEFF": " ".join(["1"] + ["0"] * 19),
           "SAMP_NUM_COEFF": " ".join(["0", "1"] + ["0"] * 18),
           "SAMP_DEN_COEFF": " ".join(["1"] + ["0"] * 19)}
    write("nogeo_rpc", 603, rpc=rpc, co=["RPB=NO"])
    # a CRS nothing can compute: GDAL falls back to an ESRI PE string of a projection proj4j lacks
    srs = srs_from("+proj=tpeqd +lat_1=40 +lon_1=-100 +lat_2=45 +lon_2=-90 +datum=WGS84")
    write("unresolvable_tpeqd", 604, (0.0, 1000.0, 0.0, 0.0, 0.0, -1000.0), srs)
    for i, (name, defn, _) in enumerate(REFUSED_CRS):
        write(name, 610 + i, (0.0, 1000.0, 0.0, 0.0, 0.0, -1000.0), srs_from(defn))
    # colour spaces GDAL converts to RGB when reading
    geo = (10.0, 0.01, 0.0, 50.0, 0.0, -0.01)
    write("photometric_cmyk", 605, geo, wgs84(), ["PHOTOMETRIC=CMYK"], nbands=4)
    write("photometric_cielab", 606, geo, wgs84(), ["PHOTOMETRIC=CIELAB"], nbands=3)
    write("photometric_ycbcr_jpeg", 607, geo, wgs84(), ["PHOTOMETRIC=YCBCR", "COMPRESS=JPEG"], nbands=3)


def check_tags():
    t = {os.path.basename(p)[:-4]: ifd0(p) for p in glob.glob(os.path.join(OUT, "*.tif"))}
    k = {n: geokeys(v) for n, v in t.items()}
    check(all(x not in t["nogeo_plain"] for x in (33550, 33922, 34264, 34735, 50844)),
          "nogeo_plain has no model tags, GeoKeys or RPCs")
    check(len(t["nogeo_gcps"].get(33922, ())) == 24 and 33550 not in t["nogeo_gcps"]
          and 34264 not in t["nogeo_gcps"], "nogeo_gcps has 4 tiepoints and no ModelPixelScale")
    check(50844 in t["nogeo_rpc"] and all(x not in t["nogeo_rpc"] for x in (33550, 33922, 34264)),
          "nogeo_rpc has RPCCoefficientTag and no model tags")
    check(34735 not in t["nocrs_utm33n_geotransform"] and 33550 in t["nocrs_utm33n_geotransform"],
          "nocrs_utm33n_geotransform has tiepoint + scale and no GeoKeyDirectory")
    check(str(k["unresolvable_tpeqd"].get(3073, "")).startswith("ESRI PE String = ")
          and "Two_Point_Equidistant" in k["unresolvable_tpeqd"][3073], "unresolvable_tpeqd is an ESRI PE string")
    for n in ("pe_krovak_bessel", "pe_moll_wgs84", "pe_flavor_epsg32633", "pe_flavor_laea_grs80"):
        check(k[n].get(1024) == 32767 and str(k[n].get(3073, "")).startswith("ESRI PE String = "),
              n + ": GTModelType 32767 and an ESRI PE string in PCSCitationGeoKey")
    check(3075 not in k["pe_krovak_bessel"] and 3075 not in k["pe_moll_wgs84"],
          "the Krovak and Mollweide files have no ProjCoordTransGeoKey")
    expected_ct = {"ud_laea_grs80": 10, "ud_eqc_wgs84": 17, "ud_sinu_modis_sphere": 24, "ud_merc1sp_wgs84": 7,
                   "ud_merc2sp_wgs84": 7, "ud_stere_oblique_wgs84": 14, "ud_stere_polar_a_wgs84": 15,
                   "ud_omerc_a_evrstss": 3, "ud_omerc_b_evrstss": 9815, "ud_cass_clarke_links": 18,
                   "ud_nzmg_intl": 26, "ud_aeqd_wgs84": 12, "ud_gnom_wgs84": 19,
                   "ud_mill_wgs84": 20, "ud_robin_wgs84": 23, "ud_vandg_wgs84": 25, "ud_cea_wgs84": 28}
    expected_ct.update({name: ct for name, _, ct in REFUSED_CRS})
    for n, ct in expected_ct.items():
        check(k[n].get(3072) == 32767 and k[n].get(3075) == ct, "%s: ProjectedCSTypeGeoKey 32767, ProjCoordTrans %d"
              % (n, ct))
    check(k["grads_epsg4807"].get(2048) == 4807 and k["grads_epsg4807"].get(2054) == 9105,
          "grads_epsg4807: GeographicTypeGeoKey 4807, GeogAngularUnitsGeoKey 9105")
    check(k["grads_user_wgs84"].get(2048) == 32767 and k["grads_user_wgs84"].get(2054) == 9105,
          "grads_user_wgs84: user-defined geographic CRS, GeogAngularUnitsGeoKey 9105")
    check(k["radians_user_wgs84"].get(2048) == 32767 and k["radians_user_wgs84"].get(2054) == 9101,
          "radians_user_wgs84: user-defined geographic CRS, GeogAngularUnitsGeoKey 9101")
    check(t["photometric_cmyk"][262] == (5,) and t["photometric_cielab"][262] == (8,)
          and t["photometric_ycbcr_jpeg"][262] == (6,) and t["photometric_ycbcr_jpeg"][259] == (7,),
          "photometric files: CMYK 5, CIELab 8, YCbCr 6 with JPEG 7")
    for n in ("photometric_cmyk", "photometric_cielab"):
        d = gdal.Open(os.path.join(OUT, n + ".tif"))
        names = [gdal.GetColorInterpretationName(d.GetRasterBand(b + 1).GetColorInterpretation())
                 for b in range(d.RasterCount)]
        check(names == ["Red", "Green", "Blue", "Alpha"], "%s: GDAL reads it as RGBA (%s)" % (n, names))


def wkt_cases():
    rows = []
    for name, defn, lon, lat in WKT_CASES:
        s = srs_from(defn)
        esri = s.Clone()
        esri.MorphToESRI()
        # GDAL adds EXTENSION["PROJ4", ...] to OGC WKT1 for what WKT1 cannot say (Web Mercator, +R_A), which
        # PROJ then reads by other rules; GeoTIFF citations never carry it, so the cases go without.
        ogc = re.sub(r',EXTENSION\["PROJ4","[^"]*"\]', "", s.ExportToWkt())
        for flavour, wkt in (("ogc", ogc), ("esri", esri.ExportToWkt())):
            r = osr.SpatialReference()
            r.ImportFromWkt(wkt)
            r.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            # from WGS 84, as a reader locating WGS 84 points does; every case's datum is WGS 84 or one PROJ
            # relates to it by a null or ballpark shift, so this tests the projection alone
            g = wgs84()
            x, y = osr.CoordinateTransformation(g, r).TransformPoint(lon, lat)[:2]
            rows.append([name, flavour, wkt, repr(lon), repr(lat), repr(x), repr(y)])
    return rows


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    for p in glob.glob(os.path.join(OUT, "*.tif")):
        os.remove(p)
    log("GDAL %s, PROJ %d.%d.%d" % (gdal.__version__, osr.GetPROJVersionMajor(), osr.GetPROJVersionMinor(),
                                   osr.GetPROJVersionMicro()))
    rows = make_placed()
    make_refused()
    check_tags()
    write_csv(os.path.join(OUT, "points.csv"),
              ["file", "crs_given", "lon", "lat", "x", "y", "degrees_per_unit", "col_f", "row_f", "col", "row",
               "value", "gt0", "gt1", "gt2", "gt3", "gt4", "gt5"], rows)
    write_csv(os.path.join(OUT, "wkt_cases.csv"), ["name", "flavour", "wkt", "lon", "lat", "x", "y"], wkt_cases())
    lines = []
    for p in sorted(glob.glob(os.path.join(OUT, "*.tif"))):
        lines += dump(p)
    with open(os.path.join(OUT, "geokeys.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT, "checks.txt"), "w") as f:
        f.write("\n".join(LOG) + "\n")
    if FAILURES:
        print("%d checks failed" % len(FAILURES), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
