#!/usr/bin/python3
"""Regenerate the GeoTIFF reader fixtures in this folder (see README.md).

Run through ./make_fixtures.sh (sets GDAL_PAM_ENABLED=NO and uses Debian's /usr/bin/python3).
Needs Debian packages: gdal-bin python3-gdal python3-numpy python3-pyproj.
The Java tests never run this: they only read the committed outputs.

Deterministic: fixed numpy seeds; GDAL writes no timestamps, so the same GDAL version gives
byte-identical files.
"""
import csv
import glob
import hashlib
import io
import math
import os
import shutil
import struct
import zlib
import subprocess
import sys
import tempfile

os.environ["GDAL_PAM_ENABLED"] = "NO"

import numpy as np
from osgeo import gdal, osr
import pyproj

gdal.UseExceptions()
osr.UseExceptions()

OUT = os.path.dirname(os.path.abspath(__file__))
# The sample rasters and their point answers; by default the committed copies in data/ (kept aside before
# clean() removes data/).
SAMPLE_DIR = os.environ.get("SAMPLE_DATA_DIR")
TMP = None   # temporary folder, created in main()
CHECKS = []     # lines for checks.txt
FAILURES = []
WARNINGS = []   # stderr of GDAL command line tools

HAS_INT8 = hasattr(gdal, "GDT_Int8")  # GDAL >= 3.7

W, H = 67, 43          # base raster size: odd, partial 16x16 tiles and partial 5-row strip
BW, BH = 150, 110      # larger base for overview variants
BASE_GT = (10.0, 0.01, 0.0, 50.0, 0.0, -0.01)   # EPSG:4326, north-up

# name: (numpy dtype, GDAL type, extra creation options, nodata, seed)
TYPES = {
    "u8":  (np.uint8,   gdal.GDT_Byte,    [], None, 11),
    "i8":  (np.int8,    gdal.GDT_Int8 if HAS_INT8 else gdal.GDT_Byte,
            [] if HAS_INT8 else ["PIXELTYPE=SIGNEDBYTE"], None, 12),
    "u16": (np.uint16,  gdal.GDT_UInt16,  [], 65535, 13),
    "i16": (np.int16,   gdal.GDT_Int16,   [], None, 14),
    "u32": (np.uint32,  gdal.GDT_UInt32,  [], None, 15),
    "i32": (np.int32,   gdal.GDT_Int32,   [], -2147483648, 16),
    "f32": (np.float32, gdal.GDT_Float32, [], -9999.0, 17),
    "f64": (np.float64, gdal.GDT_Float64, [], float("nan"), 18),
}
FLOATS = ("f32", "f64")
COMPS = ["none", "deflate", "lzw", "packbits", "zstd"]
PRED_COMPS = ("deflate", "lzw", "zstd")   # libtiff applies predictors only with these


def log(msg):
    print(msg)
    CHECKS.append(msg)


def check(cond, msg):
    if cond:
        CHECKS.append("ok   " + msg)
    else:
        CHECKS.append("FAIL " + msg)
        FAILURES.append(msg)
        print("FAIL " + msg, file=sys.stderr)


def run(args):
    p = subprocess.run(args, capture_output=True, text=True,
                       env=dict(os.environ, GDAL_PAM_ENABLED="NO"))
    if p.returncode != 0:
        raise RuntimeError("command failed: %s\n%s%s" % (" ".join(args), p.stdout, p.stderr))
    if p.stderr.strip():
        WARNINGS.append("%s: %s" % (" ".join(os.path.basename(a) if a.endswith(".tif") else a
                                              for a in args), p.stderr.strip()))
    return p.stdout


# --------------------------------------------------------------------------------------------
# pixel data

def gen_int(dt, w, h, b, rng):
    ii = np.iinfo(dt)
    lo, hi = int(ii.min), int(ii.max)
    span = hi - lo
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    ht = int(h * 0.45)
    c1, c2 = w // 3, 2 * w // 3
    # A: row-major ramp over the full range (min at top-left, max at the last pixel of A)
    ramp = lo + np.floor(span * ((y * c1 + x) / (ht * c1 - 1)))
    # B: smooth sinusoid covering 90 % of the range
    sinu = np.round((lo + hi) / 2.0 + 0.45 * span * np.sin(x / 6.0 + b) * np.cos(y / 5.0))
    # C: 8x8 plateaus at random levels with +-2 jitter (clipped)
    levels = rng.integers(lo, hi, size=(h // 8 + 1, w // 8 + 1), endpoint=True).astype(np.float64)
    plat = levels[(y // 8).astype(int), (x // 8).astype(int)] + rng.integers(-2, 3, size=(h, w))
    # bottom: full-range uniform noise, and extremes next to each other (predictor wrap-around)
    noise = rng.integers(lo, hi, size=(h, w), endpoint=True).astype(np.float64)
    ext = [lo, lo + 1, hi - 1, hi, 0, 1] + ([-1] if lo < 0 else [])
    wrap = rng.choice(np.array(ext, dtype=np.float64), size=(h, w))
    top = y < ht
    out = np.where(top & (x < c1), ramp,
                   np.where(top & (x < c2), sinu,
                            np.where(top, plat, np.where(x < c2, noise, wrap))))
    out = np.clip(out, lo, hi)
    fixed = [lo, hi, 0, 1, lo + 1, hi - 1] + ([-1, -2] if lo < 0 else [2])
    out[ht, :len(fixed)] = fixed
    return out.astype(dt)


def bits(dt, pattern):
    it = np.uint32 if dt == np.float32 else np.uint64
    return np.array([pattern], dtype=it).view(dt)[0]


def gen_float(dt, w, h, b, rng, nodata):
    is32 = dt == np.float32
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    ht = int(h * 0.45)
    c1, c2 = w // 3, 2 * w // 3
    smooth = 1000.0 * np.sin(x / 7.0 + b) * np.cos(y / 5.0) + 250.0 * b + 0.5 * x
    if is32:
        big = {1: 1e20, 2: -1e20, 3: 1e35}[b]
        tiny = 1e-30
        e_lo, e_hi = -46.0, 36.0      # below 1e-38: subnormals (and underflow to 0)
    else:
        big = {1: 1e250, 2: -1e250, 3: 1e300}[b]
        tiny = 1e-300
        e_lo, e_hi = -324.0, 280.0
    bigs = big * (1.0 + 0.5 * np.sin(x / 9.0) * np.cos(y / 4.0))
    tinys = tiny * (1.0 + 0.5 * np.cos(x / 5.0 + y / 7.0))
    plat = ((y // 8) * 10 + (x // 8)) * 0.125 - 5.0
    normal = np.round(rng.normal(0.0, 100.0, size=(h, w)) * 1024.0) / 1024.0   # 10 fraction bits
    sign = np.where(rng.random(size=(h, w)) < 0.5, -1.0, 1.0)
    logu = sign * 10.0 ** rng.uniform(e_lo, e_hi, size=(h, w))
    top = y < ht
    out = np.where(top & (x < c1), smooth,
                   np.where(top & (x < c2), np.where(y < ht // 2, bigs, tinys),
                            np.where(top, plat, np.where(x < c1, normal,
                                                         np.where(x < c2, logu, 0.0)))))
    with np.errstate(over="ignore", under="ignore"):
        out = out.astype(dt)
    fi = np.finfo(dt)
    if is32:
        nans = [0x7FC00000, 0xFFC00000, 0x7FC00123]
        sub_min, sub_max, norm_min = 0x00000001, 0x007FFFFF, 0x00800000
    else:
        nans = [0x7FF8000000000000, 0xFFF8000000000000, 0x7FF8000000000123]
        sub_min, sub_max, norm_min = 0x1, 0x000FFFFFFFFFFFFF, 0x0010000000000000
    specials = [bits(dt, p) for p in nans] + [
        dt(np.inf), dt(-np.inf), dt(-0.0), dt(0.0),
        bits(dt, sub_min), -bits(dt, sub_min), bits(dt, sub_max), -bits(dt, sub_max),
        bits(dt, norm_min), -bits(dt, norm_min), dt(1.0), dt(-1.0), dt(1.0) + fi.eps,
        dt(1.0) - fi.epsneg, dt(math.pi), dt(-2.5)]
    sp = np.array(specials, dtype=dt)
    region = (~top) & (x >= c2)
    n = int(region.sum())
    idx = rng.permutation(np.resize(np.arange(len(sp)), n))
    out[region] = sp[idx]
    # single extremes (one per band so the float64 sum cannot overflow)
    if b == 1:
        out[ht, 0] = fi.max
        out[ht, 1] = fi.tiny
    elif b == 2:
        out[ht, 0] = fi.min
        out[ht, 1] = -fi.tiny
    else:
        out[ht, 0] = dt(1e38) if is32 else dt(1e308)
        out[ht, 1] = dt(-1e38) if is32 else dt(-1e307)
    if nodata is not None and not math.isnan(nodata):
        out[2:5, c2 + 2:c2 + 6] = nodata
    return out


def gen_band(t, w, h, b, rng):
    dt, _, _, nodata, _ = TYPES[t]
    if t in FLOATS:
        return gen_float(dt, w, h, b, rng, nodata)
    return gen_int(dt, w, h, b, rng)


def write_base(t, path, w, h, seed, nbands=3):
    dt, gtype, opts, nodata, _ = TYPES[t]
    rng = np.random.default_rng(seed)
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(path, w, h, nbands, gtype, opts)
    ds.SetGeoTransform(BASE_GT)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetSpatialRef(srs)
    for b in range(1, nbands + 1):
        arr = gen_band(t, w, h, b, rng)
        band = ds.GetRasterBand(b)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(arr.view(np.uint8) if (t == "i8" and not HAS_INT8) else arr)
    ds = None


# --------------------------------------------------------------------------------------------
# TIFF structure (small IFD parser, classic + BigTIFF, both byte orders)

TSIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4,
         16: 8, 17: 8, 18: 8}
TFMT = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 11: "f", 12: "d", 13: "I", 16: "Q",
        17: "q", 18: "Q"}


def read_tiff(path):
    data = open(path, "rb").read()
    bo = data[:2]
    assert bo in (b"II", b"MM"), path
    e = "<" if bo == b"II" else ">"
    magic = struct.unpack(e + "H", data[2:4])[0]
    big = magic == 43
    assert magic in (42, 43), path
    off = struct.unpack(e + "Q", data[8:16])[0] if big else struct.unpack(e + "I", data[4:8])[0]
    ifds = []
    while off:
        if big:
            n = struct.unpack(e + "Q", data[off:off + 8])[0]
            pos, esz = off + 8, 20
        else:
            n = struct.unpack(e + "H", data[off:off + 2])[0]
            pos, esz = off + 2, 12
        tags = {}
        for i in range(n):
            ent = pos + i * esz
            tag, typ = struct.unpack(e + "HH", data[ent:ent + 4])
            if big:
                count = struct.unpack(e + "Q", data[ent + 4:ent + 12])[0]
                vpos, inline = ent + 12, 8
            else:
                count = struct.unpack(e + "I", data[ent + 4:ent + 8])[0]
                vpos, inline = ent + 8, 4
            size = TSIZE.get(typ, 1) * count
            if size > inline:
                vpos = struct.unpack(e + ("Q" if big else "I"), data[vpos:vpos + (8 if big else 4)])[0]
            raw = data[vpos:vpos + size]
            if typ in (2, 7):
                val = raw
            elif typ in (5, 10):
                f = "I" if typ == 5 else "i"
                v = struct.unpack(e + f * (2 * count), raw)
                val = tuple(v[2 * k] / v[2 * k + 1] for k in range(count))
            else:
                val = struct.unpack(e + TFMT[typ] * count, raw)
            tags[tag] = {"type": typ, "count": count, "value": val, "entry": ent, "vpos": vpos}
        off = struct.unpack(e + ("Q" if big else "I"),
                            data[pos + n * esz:pos + n * esz + (8 if big else 4)])[0]
        ifds.append(tags)
    return {"byte_order": "little" if e == "<" else "big", "bigtiff": big, "ifds": ifds,
            "endian": e}


def tv(ifd, tag, default=None):
    """first value of a tag"""
    if tag not in ifd:
        return default
    v = ifd[tag]["value"]
    return v[0] if isinstance(v, tuple) else v


def patch_compression(path, new_code):
    info = read_tiff(path)
    e = info["endian"]
    with open(path, "r+b") as f:
        for ifd in info["ifds"]:
            t = ifd[259]
            assert t["type"] == 3 and t["count"] == 1
            f.seek(t["vpos"])
            f.write(struct.pack(e + "H", new_code))


def ifd_summary(ifd):
    tiled = 322 in ifd
    nblocks = ifd[324]["count"] if tiled else ifd[273]["count"]
    return {
        "subfile_type": tv(ifd, 254, 0), "width": tv(ifd, 256), "height": tv(ifd, 257),
        "bits_per_sample": tv(ifd, 258, 1), "sample_format": tv(ifd, 339, 1),
        "samples_per_pixel": tv(ifd, 277, 1), "compression": tv(ifd, 259, 1),
        "predictor": tv(ifd, 317, 1), "planar_config": tv(ifd, 284, 1),
        "photometric": tv(ifd, 262), "tiled": "yes" if tiled else "no",
        "tile_width": tv(ifd, 322, ""), "tile_height": tv(ifd, 323, ""),
        "rows_per_strip": "" if tiled else tv(ifd, 278, 2 ** 32 - 1), "n_blocks": nblocks,
    }


GEOKEY_NAMES = {
    1024: "GTModelTypeGeoKey", 1025: "GTRasterTypeGeoKey", 1026: "GTCitationGeoKey",
    2048: "GeographicTypeGeoKey", 2049: "GeogCitationGeoKey", 2050: "GeogGeodeticDatumGeoKey",
    2051: "GeogPrimeMeridianGeoKey", 2052: "GeogLinearUnitsGeoKey", 2053: "GeogLinearUnitSizeGeoKey",
    2054: "GeogAngularUnitsGeoKey", 2055: "GeogAngularUnitSizeGeoKey", 2056: "GeogEllipsoidGeoKey",
    2057: "GeogSemiMajorAxisGeoKey", 2058: "GeogSemiMinorAxisGeoKey", 2059: "GeogInvFlatteningGeoKey",
    2060: "GeogAzimuthUnitsGeoKey", 2061: "GeogPrimeMeridianLongGeoKey", 2062: "GeogTOWGS84GeoKey",
    3072: "ProjectedCSTypeGeoKey", 3073: "PCSCitationGeoKey", 3074: "ProjectionGeoKey",
    3075: "ProjCoordTransGeoKey", 3076: "ProjLinearUnitsGeoKey", 3077: "ProjLinearUnitSizeGeoKey",
    3078: "ProjStdParallel1GeoKey", 3079: "ProjStdParallel2GeoKey", 3080: "ProjNatOriginLongGeoKey",
    3081: "ProjNatOriginLatGeoKey", 3082: "ProjFalseEastingGeoKey", 3083: "ProjFalseNorthingGeoKey",
    3084: "ProjFalseOriginLongGeoKey", 3085: "ProjFalseOriginLatGeoKey",
    3086: "ProjFalseOriginEastingGeoKey", 3087: "ProjFalseOriginNorthingGeoKey",
    3088: "ProjCenterLongGeoKey", 3089: "ProjCenterLatGeoKey", 3090: "ProjCenterEastingGeoKey",
    3091: "ProjCenterNorthingGeoKey", 3092: "ProjScaleAtNatOriginGeoKey",
    3093: "ProjScaleAtCenterGeoKey", 3094: "ProjAzimuthAngleGeoKey",
    3095: "ProjStraightVertPoleLongGeoKey", 3096: "ProjRectifiedGridAngleGeoKey",
    4096: "VerticalCSTypeGeoKey", 4097: "VerticalCitationGeoKey", 4098: "VerticalDatumGeoKey",
    4099: "VerticalUnitsGeoKey",
}


def geokeys(ifd):
    """{key_id: value} from GeoKeyDirectoryTag"""
    if 34735 not in ifd:
        return {}
    d = ifd[34735]["value"]
    dbl = ifd.get(34736, {}).get("value", ())
    asc = ifd.get(34737, {}).get("value", b"")
    keys = {}
    for k in range(d[3]):
        kid, loc, cnt, val = d[4 + 4 * k:8 + 4 * k]
        if loc == 0:
            keys[kid] = val
        elif loc == 34736:
            keys[kid] = dbl[val:val + cnt] if cnt > 1 else dbl[val]
        elif loc == 34737:
            keys[kid] = asc[val:val + cnt].decode("latin1").rstrip("|\x00")
        else:
            keys[kid] = ("tag", loc, cnt, val)
    keys["_version"] = tuple(d[:3])
    return keys


def geokey_dump(path, rel):
    info = read_tiff(path)
    ifd = info["ifds"][0]
    lines = ["== %s" % rel]
    if 33550 in ifd:
        lines.append("  ModelPixelScaleTag = %r" % (ifd[33550]["value"],))
    if 33922 in ifd:
        lines.append("  ModelTiepointTag = %r" % (ifd[33922]["value"],))
    if 34264 in ifd:
        lines.append("  ModelTransformationTag = %r" % (ifd[34264]["value"],))
    gk = geokeys(ifd)
    if "_version" in gk:
        lines.append("  GeoKeyDirectory version %d.%d.%d" % gk["_version"])
    for k in sorted(x for x in gk if x != "_version"):
        lines.append("  %-30s (%d) = %r" % (GEOKEY_NAMES.get(k, "?"), k, gk[k]))
    return lines


# --------------------------------------------------------------------------------------------
# variants

def translate(src, dst, co=(), extra=()):
    args = ["gdal_translate", "-q"]
    for c in co:
        args += ["-co", c]
    args += list(extra) + [src, dst]
    run(args)


def comp_opts(comp, pred):
    co = []
    if comp != "none":
        co.append("COMPRESS=" + comp.upper())
    if pred != 1:
        co.append("PREDICTOR=%d" % pred)
    return co


VARIANTS = []   # dicts: file, type, compression, predictor, layout, interleave, bigtiff, byte_order, bands


def add_variant(t, comp, pred, layout, interleave="PIXEL", bigtiff=False, be=False,
                one_band=False, src=None, suffix="", extra=(), comp_name=None):
    src = src or os.path.join(OUT, "base_%s.tif" % t)
    name = "%s_%s_p%d_%s" % (t, comp_name or comp, pred,
                             "tiled" if layout == "tiled" else "strip5")
    if interleave == "BAND":
        name += "_band"
    if be:
        name += "_be"
    if bigtiff:
        name += "_bigtiff"
    if one_band:
        name += "_1band"
    name += suffix + ".tif"
    co = comp_opts(comp, pred)
    if layout == "tiled":
        co += ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"]
    else:
        co += ["BLOCKYSIZE=5"]   # = ROWS_PER_STRIP 5
    co.append("INTERLEAVE=" + interleave)
    if bigtiff:
        co.append("BIGTIFF=YES")
    if be:
        co.append("ENDIANNESS=BIG")
    ex = list(extra) + (["-b", "1"] if one_band else [])
    if be and pred == 3:
        # GDAL 3.6.2 / libtiff 4.5.0 byte-swap the samples BEFORE the floating-point predictor
        # when writing a big-endian file on a little-endian host, so the file holds byte-swapped
        # values (GDAL reads them back byte-swapped; an independent Technote-3 decoder agrees).
        # Feed it pre-swapped samples so that the file holds the base values, correctly encoded.
        src = byteswapped_copy(src)
    translate(src, os.path.join(OUT, name), co, ex)
    VARIANTS.append(dict(file=name, type=t, compression=comp, predictor=pred, layout=layout,
                         interleave=interleave if not one_band else "PIXEL", bigtiff=bigtiff,
                         be=be, bands=1 if one_band else 3))
    return name


def byteswapped_copy(src):
    dst = os.path.join(TMP, "swapped_" + os.path.basename(src))
    if os.path.exists(dst):
        return dst
    s = gdal.Open(src)
    ds = gdal.GetDriverByName("GTiff").CreateCopy(dst, s)
    for b in range(1, s.RasterCount + 1):
        a = s.GetRasterBand(b).ReadAsArray()
        ds.GetRasterBand(b).WriteArray(a.byteswap())
    ds = None
    return dst


def make_variants():
    # 1. full matrix, tiled 16x16, pixel interleaved
    for t in TYPES:
        for comp in COMPS:
            preds = [1]
            if comp in PRED_COMPS:
                preds += [2] + ([3] if t in FLOATS else [])
            for p in preds:
                add_variant(t, comp, p, "tiled")
    # 2. DEFLATE with the old Adobe/PKZIP code 32946 (same zlib streams, tag patched in place)
    for t, p, layout in [("u8", 1, "tiled"), ("u16", 2, "tiled"), ("i32", 2, "strip"),
                         ("f32", 3, "tiled"), ("f64", 1, "strip")]:
        co_name = add_variant(t, "deflate", p, layout, comp_name="deflate32946")
        patch_compression(os.path.join(OUT, co_name), 32946)
        VARIANTS[-1]["compression_tag"] = 32946
    # 3. striped, ROWS_PER_STRIP=5
    for t in ("u8", "i16", "f32", "f64"):
        for comp, p in [("none", 1), ("packbits", 1), ("deflate", 2), ("lzw", 2), ("zstd", 1),
                        ("zstd", 2)]:
            add_variant(t, comp, p, "strip")
        if t in FLOATS:
            for comp in PRED_COMPS:
                add_variant(t, comp, 3, "strip")
    # 4. BigTIFF
    for t, comp, p, layout in [("u8", "deflate", 2, "tiled"), ("i16", "none", 1, "strip"),
                               ("f32", "lzw", 3, "strip"), ("u32", "zstd", 2, "tiled"),
                               ("f64", "packbits", 1, "tiled")]:
        add_variant(t, comp, p, layout, bigtiff=True)
    # 5. big-endian (incl. predictor 2 on u16/i32/f32 and 3 on f32/f64)
    for t, comp, p, layout in [("u8", "packbits", 1, "tiled"), ("i8", "deflate", 2, "tiled"),
                               ("u16", "deflate", 2, "tiled"), ("u16", "none", 1, "strip"),
                               ("i16", "none", 1, "tiled"), ("i16", "lzw", 2, "strip"),
                               ("u32", "zstd", 1, "tiled"), ("i32", "lzw", 2, "strip"),
                               ("i32", "zstd", 2, "tiled"), ("f32", "deflate", 2, "tiled"),
                               ("f32", "zstd", 3, "tiled"), ("f32", "none", 1, "strip"),
                               ("f64", "lzw", 3, "strip"), ("f64", "deflate", 3, "tiled"),
                               ("f64", "none", 1, "tiled")]:
        add_variant(t, comp, p, layout, be=True)
    add_variant("u16", "deflate", 2, "tiled", be=True, bigtiff=True)
    add_variant("f32", "lzw", 3, "strip", be=True, bigtiff=True, interleave="BAND")
    # 6. band interleaved (PLANARCONFIG=2), tiled and striped; pixel counterparts are above
    for t, comp, p, layout in [("u8", "deflate", 2, "tiled"), ("u8", "none", 1, "strip"),
                               ("u16", "none", 1, "tiled"), ("i16", "lzw", 2, "strip"),
                               ("f32", "deflate", 3, "tiled"), ("f32", "none", 1, "strip"),
                               ("f64", "zstd", 3, "strip"), ("i32", "packbits", 1, "tiled")]:
        add_variant(t, comp, p, layout, interleave="BAND")
    # 7. single band
    add_variant("u16", "deflate", 2, "tiled", one_band=True)
    add_variant("f32", "none", 1, "strip", one_band=True)
    add_variant("i8", "lzw", 2, "strip", one_band=True)
    # 8. scale/offset + nodata on i16
    add_variant("i16", "deflate", 2, "tiled", suffix="_scale0.1_offset-5_nodata-32768",
                extra=["-a_scale", "0.1", "-a_offset", "-5", "-a_nodata", "-32768"])


def make_overviews():
    out = []
    # COG: overviews generated by the COG driver (default resampling), 16x16 tiles
    # (files with "_1band" hold band 1 of the 150 x 110 base only, to keep the folder small)
    for t, pname, nb in [("u16", "p2", 3), ("f32", "p3", 1)]:
        name = "ovr_cog_%s_deflate_%s_%dx%d%s.tif" % (t, pname, BW, BH, "_1band" if nb == 1 else "")
        translate(os.path.join(TMP, "base150_%s.tif" % t), os.path.join(OUT, name),
                  ["COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=16"],
                  ["-of", "COG"] + (["-b", "1"] if nb == 1 else []))
        out.append(dict(file=name, type=t, compression="deflate", predictor=int(pname[1]),
                        layout="tiled", interleave="PIXEL", bigtiff=False, be=False, bands=nb))
    # GTiff + gdaladdo internal overviews (levels 2 4 8)
    for t, comp, p, layout, rs, nb in [("u16", "deflate", 2, "tiled", "average", 3),
                                       ("f32", "lzw", 3, "tiled", "nearest", 1),
                                       ("u16", "none", 1, "strip", "nearest", 1)]:
        name = "ovr_gdaladdo_%s_%s_%s_p%d_%s_%dx%d%s.tif" % (
            rs, t, comp, p, "tiled" if layout == "tiled" else "strip5", BW, BH,
            "_1band" if nb == 1 else "")
        co = comp_opts(comp, p) + (["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"]
                                   if layout == "tiled" else ["BLOCKYSIZE=5"])
        translate(os.path.join(TMP, "base150_%s.tif" % t), os.path.join(OUT, name), co,
                  ["-b", "1"] if nb == 1 else [])
        run(["gdaladdo", "-q", "-r", rs, os.path.join(OUT, name), "2", "4", "8"])
        out.append(dict(file=name, type=t, compression=comp, predictor=p, layout=layout,
                        interleave="PIXEL", bigtiff=False, be=False, bands=nb))
    VARIANTS.extend(out)


# --------------------------------------------------------------------------------------------
# georeferencing variants (u8, 17 x 13, one band, every value distinct)

GW, GH = 17, 13

CRS_VARIANTS = [
    # name, srs definition, centre lon/lat, pixel size
    # the parameters of UTM zone 25S on a custom (GRS80, null TOWGS84) datum: GDAL recognises the
    # conversion and writes ProjectionGeoKey = 16125 instead of the individual parameters
    ("crs_tmerc_utm25s_params_grs80",
     "+proj=tmerc +lat_0=0 +lon_0=-33 +k=0.9996 +x_0=500000 +y_0=10000000 +ellps=GRS80 "
     "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs", (-34.9, -8.05), 500.0),
    # a transverse Mercator that matches no EPSG conversion: written as parameters
    ("crs_tmerc_custom_grs80",
     "+proj=tmerc +lat_0=-8 +lon_0=-35 +k=0.9999 +x_0=400000 +y_0=2000000 +ellps=GRS80 "
     "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs", (-34.9, -8.05), 500.0),
    ("crs_aea_nad83",
     "+proj=aea +lat_0=23 +lon_0=-96 +lat_1=29.5 +lat_2=45.5 +x_0=0 +y_0=0 +datum=NAD83 "
     "+units=m +no_defs", (-100.0, 40.0), 1000.0),
    ("crs_lcc2sp_nad83",
     "+proj=lcc +lat_1=33 +lat_2=45 +lat_0=39 +lon_0=-96 +x_0=0 +y_0=0 +datum=NAD83 "
     "+units=m +no_defs", (-95.0, 38.0), 1000.0),
    ("crs_lcc2sp_nad83_usft",
     "+proj=lcc +lat_1=38.43333333333333 +lat_2=37.06666666666667 +lat_0=36.5 +lon_0=-120.5 "
     "+x_0=2000000.0001016 +y_0=500000.0001016001 +datum=NAD83 +units=us-ft +no_defs",
     (-122.27, 37.8), 1000.0),
    ("crs_lcc1sp_grs80",
     "+proj=lcc +lat_1=46.5 +lat_0=46.5 +lon_0=3 +k_0=0.99905 +x_0=700000 +y_0=6600000 "
     "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs", (4.8, 45.75), 1000.0),
    ("crs_stere_north_wgs84",
     "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m "
     "+no_defs", (-40.0, 72.0), 5000.0),
    ("crs_stere_south_wgs84",
     "+proj=stere +lat_0=-90 +lat_ts=-71 +lon_0=0 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m "
     "+no_defs", (100.0, -75.0), 5000.0),
    ("crs_sterea_bessel",
     "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 "
     "+x_0=155000 +y_0=463000 +ellps=bessel "
     "+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs",
     (5.12, 52.09), 1000.0),
    ("crs_epsg32633", "EPSG:32633", (15.0, 50.0), 1000.0),
    ("crs_epsg3857", "EPSG:3857", (2.0, 45.0), 1000.0),
    ("crs_epsg2056", "EPSG:2056", (7.44, 46.95), 1000.0),
    ("crs_epsg27700", "EPSG:27700", (-0.12, 51.5), 1000.0),
    ("crs_epsg4326", "EPSG:4326", (10.0, 50.0), 0.01),
]


def srs_from(defn):
    s = osr.SpatialReference()
    if defn.startswith("EPSG:"):
        s.ImportFromEPSG(int(defn[5:]))
    else:
        s.ImportFromProj4(defn)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def wgs84():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def write_u8(path, gt, srs, seed, co=()):
    rng = np.random.default_rng(seed)
    arr = rng.permutation(256)[:GW * GH].reshape(GH, GW).astype(np.uint8)
    ds = gdal.GetDriverByName("GTiff").Create(path, GW, GH, 1, gdal.GDT_Byte, list(co))
    ds.SetGeoTransform(gt)
    ds.SetSpatialRef(srs)
    ds.GetRasterBand(1).WriteArray(arr)
    ds = None


def make_geo():
    names = []
    seed = 300
    for name, defn, (lon, lat), px in CRS_VARIANTS:
        seed += 1
        srs = srs_from(defn)
        ct = osr.CoordinateTransformation(wgs84(), srs)
        cx, cy = ct.TransformPoint(lon, lat)[:2]
        x0 = math.floor((cx - GW * px / 2) / px) * px
        y0 = math.ceil((cy + GH * px / 2) / px) * px
        write_u8(os.path.join(OUT, name + ".tif"), (x0, px, 0.0, y0, 0.0, -px), srs, seed)
        names.append(name + ".tif")
    # rotated by 30 degrees, UTM 33N -> ModelTransformationTag
    s, th = 1000.0, math.radians(30.0)
    gt = (480000.0, s * math.cos(th), s * math.sin(th), 5545000.0, s * math.sin(th),
          -s * math.cos(th))
    write_u8(os.path.join(OUT, "geo_rotated30_epsg32633.tif"), gt, srs_from("EPSG:32633"), 401)
    # sheared lon/lat grid
    write_u8(os.path.join(OUT, "geo_sheared_epsg4326.tif"),
             (10.0, 0.01, 0.003, 50.0, -0.002, -0.01), srs_from("EPSG:4326"), 402)
    # PixelIsPoint (GDAL writes RasterPixelIsPoint and a tiepoint at the centre of pixel (0,0))
    for epsg, gt, seed in [(4326, (10.0, 0.01, 0.0, 50.0, 0.0, -0.01), 403),
                           (32633, (480000.0, 1000.0, 0.0, 5545000.0, 0.0, -1000.0), 404)]:
        tmp = os.path.join(TMP, "pip_%d.tif" % epsg)
        write_u8(tmp, gt, srs_from("EPSG:%d" % epsg), seed)
        name = "geo_pixelispoint_epsg%d.tif" % epsg
        translate(tmp, os.path.join(OUT, name), [], ["-mo", "AREA_OR_POINT=Point"])
    names += ["geo_rotated30_epsg32633.tif", "geo_sheared_epsg4326.tif",
              "geo_pixelispoint_epsg4326.tif", "geo_pixelispoint_epsg32633.tif"]
    return names


# --------------------------------------------------------------------------------------------
# sample data

SAMPLE_SHA = {
    "L7_ETMs.tif": "3b722bf4470144b6691bf720bac08f47c99464acff4dd258252891c06312678e",
    "elev_lux.tif": "c6a4967fe5b720499e75a3453e9814f00a416167b8e0926a4c55f5100ae4ddb2",
    "lc.tif": "18bdce9d767cad9964e5e3e9525992a1706680e6c71852524d993b8cfe75bd17",
    "olinda_dem_utm25s.tif": "6954774429a04c827c8330943ee43a176a29d52be2f220100f352894c4b9f173",
}


def sha256_file(p):
    return hashlib.sha256(open(p, "rb").read()).hexdigest()


def copy_samples():
    dd = os.path.join(OUT, "data")
    os.makedirs(dd, exist_ok=True)
    names = []
    for f, sha in SAMPLE_SHA.items():
        src = os.path.join(SAMPLE_DIR, f)
        shutil.copyfile(src, os.path.join(dd, f))
        os.chmod(os.path.join(dd, f), 0o644)
        check(sha256_file(os.path.join(dd, f)) == sha, "data/%s SHA-256 = %s (as in the SET 1 fixture set's README, copied in README.md)" % (f, sha))
        names.append("data/" + f)
        stem = f[:-4]
        for extra in ("_points_expected.csv", "_points.geojson"):
            shutil.copyfile(os.path.join(SAMPLE_DIR, stem + extra), os.path.join(dd, stem + extra))
            os.chmod(os.path.join(dd, stem + extra), 0o644)
    return names


# --------------------------------------------------------------------------------------------
# expected answers

def fmt(v):
    return repr(float(v))


def is_signed_byte(band):
    return (band.DataType == gdal.GDT_Byte and
            band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE")


def read_band(band):
    arr = band.ReadAsArray()
    if is_signed_byte(band):
        arr = arr.view(np.int8)
    return arr


def type_name(band):
    return "Int8" if is_signed_byte(band) else gdal.GetDataTypeName(band.DataType)


def band_hash(arr):
    return hashlib.sha256(arr.astype(arr.dtype.newbyteorder("<")).tobytes()).hexdigest()


EXP_HEADER = ["file", "level", "band", "width", "height", "data_type", "sha256", "sum", "nodata",
              "scale", "offset", "gt0", "gt1", "gt2", "gt3", "gt4", "gt5", "proj4",
              "compression", "predictor", "interleave", "tiled", "bigtiff", "byte_order",
              "compression_tag", "block_width", "block_height", "bits_per_sample",
              "sample_format", "area_or_point", "min", "max", "n_nan", "n_posinf", "n_neginf",
              "n_nodata"]
TAG_HEADER = ["file", "ifd", "subfile_type", "width", "height", "bits_per_sample",
              "sample_format", "samples_per_pixel", "compression", "predictor", "planar_config",
              "photometric", "tiled", "tile_width", "tile_height", "rows_per_strip", "n_blocks",
              "byte_order", "bigtiff"]
COMP_NAMES = {1: "NONE", 5: "LZW", 8: "DEFLATE", 32946: "DEFLATE", 32773: "PACKBITS",
              50000: "ZSTD", 7: "JPEG"}


def level_ifds(info):
    """map GDAL level (0 = full, i = overview i) to IFD index, by size among image IFDs"""
    full = [i for i, d in enumerate(info["ifds"]) if not (tv(d, 254, 0) & 4)]
    return full


def expected_rows(rel, hashes):
    path = os.path.join(OUT, rel)
    ds = gdal.Open(path)
    info = read_tiff(path)
    img_ifds = level_ifds(info)
    gt = ds.GetGeoTransform(can_return_null=True)
    wkt = ds.GetProjection()
    proj4 = osr.SpatialReference(wkt).ExportToProj4() if wkt else ""
    ist = ds.GetMetadata("IMAGE_STRUCTURE")
    interleave = ist.get("INTERLEAVE", "")
    aop = ds.GetMetadataItem("AREA_OR_POINT") or ""
    rows = []
    for b in range(1, ds.RasterCount + 1):
        band0 = ds.GetRasterBand(b)
        nod = band0.GetNoDataValue()
        is_int = not np.issubdtype(read_band(band0).dtype, np.floating)
        if nod is None:
            nod_s = ""
        elif is_int and float(nod).is_integer():
            nod_s = str(int(nod))
        else:
            nod_s = repr(float(nod))
        sc, of = band0.GetScale(), band0.GetOffset()
        if (sc is None or sc == 1.0) and (of is None or of == 0.0):
            sc_s = of_s = ""
        else:
            sc_s, of_s = fmt(sc if sc is not None else 1.0), fmt(of if of is not None else 0.0)
        levels = [band0] + [band0.GetOverview(i) for i in range(band0.GetOverviewCount())]
        for lev, band in enumerate(levels):
            arr = read_band(band)
            h = band_hash(arr)
            hashes[(rel, lev, b)] = h
            a64 = arr.astype(np.float64)
            fin = np.isfinite(a64)
            # the IFD of this level: first image IFD with the same size (GDAL's order)
            cands = [i for i in img_ifds if tv(info["ifds"][i], 256) == band.XSize
                     and tv(info["ifds"][i], 257) == band.YSize]
            ifd = info["ifds"][cands[0]]
            s = ifd_summary(ifd)
            bx, by = band.GetBlockSize()
            if nod is None:
                n_nod = ""
            elif math.isnan(nod):
                n_nod = str(int(np.isnan(a64).sum()))
            else:
                n_nod = str(int((a64 == nod).sum()))
            row = {
                "file": rel, "level": lev, "band": b, "width": band.XSize, "height": band.YSize,
                "data_type": type_name(band), "sha256": h, "sum": fmt(a64[fin].sum()),
                "nodata": nod_s, "scale": sc_s, "offset": of_s,
                "proj4": proj4 if lev == 0 else "",
                "compression": COMP_NAMES.get(s["compression"], str(s["compression"])),
                "predictor": s["predictor"],
                "interleave": interleave, "tiled": s["tiled"],
                "bigtiff": "yes" if info["bigtiff"] else "no", "byte_order": info["byte_order"],
                "compression_tag": s["compression"], "block_width": bx, "block_height": by,
                "bits_per_sample": s["bits_per_sample"], "sample_format": s["sample_format"],
                "area_or_point": aop,
                "min": fmt(a64[fin].min()) if fin.any() else "",
                "max": fmt(a64[fin].max()) if fin.any() else "",
                "n_nan": int(np.isnan(a64).sum()), "n_posinf": int((a64 == np.inf).sum()),
                "n_neginf": int((a64 == -np.inf).sum()), "n_nodata": n_nod,
            }
            for k in range(6):
                row["gt%d" % k] = fmt(gt[k]) if (lev == 0 and gt is not None) else ""
            rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------
# points

PT_HEADER = ["file", "lon", "lat", "x", "y", "col_f", "row_f", "row", "col", "value",
             "geog_lon", "geog_lat"]


def make_points(names):
    rows = []
    ops = []
    for k, rel in enumerate(names):
        path = os.path.join(OUT, rel)
        ds = gdal.Open(path)
        gt = ds.GetGeoTransform()
        inv = gdal.InvGeoTransform(gt)
        srs = ds.GetSpatialRef()
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        geog = srs.CloneGeogCS()
        geog.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        to_ll = osr.CoordinateTransformation(srs, wgs84())
        from_ll = osr.CoordinateTransformation(wgs84(), srs)
        to_geog = osr.CoordinateTransformation(srs, geog)
        pj = pyproj.Transformer.from_crs(pyproj.CRS.from_wkt(srs.ExportToWkt()), "EPSG:4326",
                                         always_xy=True)
        arr = ds.GetRasterBand(1).ReadAsArray()
        rng = np.random.default_rng(500 + k)
        cells = rng.choice(ds.RasterXSize * ds.RasterYSize, size=8, replace=False)
        opnames = set()
        for cell in cells:
            r, c = divmod(int(cell), ds.RasterXSize)
            fu, fv = rng.uniform(0.05, 0.95, size=2)
            x, y = gdal.ApplyGeoTransform(gt, c + fu, r + fv)
            lon, lat = to_ll.TransformPoint(x, y)[:2]
            plon, plat = pj.transform(x, y)
            try:
                op = pj.get_last_used_operation()
                opnames.add("%s [%s]" % (op.description, op.definition))
            except pyproj.exceptions.ProjError:   # single-operation transformer
                opnames.add(pj.description)
            ok_pj = abs(plon - lon) < 1e-9 and abs(plat - lat) < 1e-9
            # answers from the lon/lat as written (round trip)
            x2, y2 = from_ll.TransformPoint(lon, lat)[:2]
            cf, rf = gdal.ApplyGeoTransform(inv, x2, y2)
            ok_rt = (math.floor(cf) == c and math.floor(rf) == r and
                     min(cf - c, c + 1 - cf, rf - r, r + 1 - rf) > 0.049)
            glon, glat = to_geog.TransformPoint(x2, y2)[:2]
            val = int(arr[r, c])
            out = run(["gdallocationinfo", "-valonly", "-b", "1", "-wgs84", path,
                       repr(lon), repr(lat)]).strip()
            check(out == str(val) and ok_pj and ok_rt,
                  "%s point lon=%r lat=%r (row %d col %d): gdallocationinfo -wgs84 -valonly = %s, "
                  "expected %d; osr == pyproj lon/lat: %s; round trip >= 0.049 px inside the pixel: %s"
                  % (rel, lon, lat, r, c, out, val, ok_pj, ok_rt))
            rows.append({"file": rel, "lon": repr(lon), "lat": repr(lat), "x": repr(x2),
                         "y": repr(y2), "col_f": repr(cf), "row_f": repr(rf), "row": r, "col": c,
                         "value": val, "geog_lon": repr(glon), "geog_lat": repr(glat)})
        ops.append("%s: raster CRS -> EPSG:4326: %s" % (rel, "; ".join(sorted(opnames))))
    return rows, ops


# --------------------------------------------------------------------------------------------
# independent decoder (spec-level, numpy): used only to cross-check what GDAL reads

try:
    import zstandard
except ImportError:   # optional (Debian python3-zstandard); ZSTD files are then not cross-checked
    zstandard = None


def lzw_decode(data):
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    nbits, bitpos, prev = 9, 0, None
    nbitstotal = len(data) * 8
    padded = bytes(data) + b"\0\0\0\0"
    while bitpos + nbits <= nbitstotal:
        i = bitpos >> 3
        chunk = int.from_bytes(padded[i:i + 4], "big")
        code = (chunk >> (32 - (bitpos & 7) - nbits)) & ((1 << nbits) - 1)
        bitpos += nbits
        if code == 257:
            break
        if code == 256:
            del table[258:]
            nbits, prev = 9, None
            continue
        if prev is None:
            entry = table[code]
        elif code < len(table):
            entry = table[code]
            table.append(prev + entry[:1])
        else:
            entry = prev + prev[:1]
            table.append(entry)
        out += entry
        prev = entry
        if len(table) + 1 >= (1 << nbits) and nbits < 12:
            nbits += 1
    return bytes(out)


def packbits_decode(data):
    out = bytearray()
    i = 0
    while i < len(data):
        n = data[i]
        i += 1
        if n < 128:
            out += data[i:i + n + 1]
            i += n + 1
        elif n > 128:
            out += bytes([data[i]]) * (257 - n)
            i += 1
    return bytes(out)


def decompress(code, raw):
    if code == 1:
        return raw
    if code in (8, 32946):
        return zlib.decompress(raw)
    if code == 5:
        return lzw_decode(raw)
    if code == 32773:
        return packbits_decode(raw)
    if code == 50000 and zstandard is not None:
        return zstandard.ZstdDecompressor().decompress(raw, max_output_size=1 << 26)
    return None


def decode_ifd(data, e, ifd):
    """-> array (bands, h, w) in native byte order, or None if the compression is unsupported"""
    w, h = tv(ifd, 256), tv(ifd, 257)
    spp, bps, sf = tv(ifd, 277, 1), tv(ifd, 258, 1), tv(ifd, 339, 1)
    comp, pred, planar = tv(ifd, 259, 1), tv(ifd, 317, 1), tv(ifd, 284, 1)
    if (comp == 50000 and zstandard is None) or comp not in (1, 5, 8, 32946, 32773, 50000):
        return None
    nb = bps // 8
    kind = {1: "u", 2: "i", 3: "f"}[sf]
    dt = np.dtype(e + kind + str(nb))
    udt = np.dtype(e + "u" + str(nb))
    tiled = 322 in ifd
    bw, bh = (tv(ifd, 322), tv(ifd, 323)) if tiled else (w, min(tv(ifd, 278, h), h))
    offs = ifd[324 if tiled else 273]["value"]
    cnts = ifd[325 if tiled else 279]["value"]
    nbx, nby = -(-w // bw), -(-h // bh)
    per_block_spp = spp if planar == 1 else 1
    nplanes = 1 if planar == 1 else spp
    out = np.zeros((spp, nby * bh, nbx * bw), dtype=dt.newbyteorder("="))
    for plane in range(nplanes):
        for by in range(nby):
            for bx in range(nbx):
                k = plane * nbx * nby + by * nbx + bx
                rows = bh if tiled else min(bh, h - by * bh)
                raw = decompress(comp, data[offs[k]:offs[k] + cnts[k]])
                need = rows * bw * per_block_spp * nb
                buf = np.frombuffer(raw[:need], dtype=np.uint8).reshape(rows, bw * per_block_spp * nb)
                if pred == 2:
                    u = buf.copy().view(udt).reshape(rows, bw, per_block_spp)
                    u = np.cumsum(u.astype(udt.newbyteorder("=")), axis=1, dtype=udt.newbyteorder("="))
                    vals = u.view(np.dtype(kind + str(nb))).reshape(rows, bw, per_block_spp)
                elif pred == 3:
                    b2 = buf.reshape(rows, bw * per_block_spp * nb // per_block_spp, per_block_spp)
                    b2 = np.cumsum(b2, axis=1, dtype=np.uint8).reshape(rows, bw * per_block_spp * nb)
                    planes_ = b2.reshape(rows, nb, bw * per_block_spp)       # plane 0 = MSB
                    be = np.ascontiguousarray(planes_.transpose(0, 2, 1))     # MSB-first bytes
                    vals = be.view(np.dtype(">" + kind + str(nb))).reshape(rows, bw, per_block_spp)
                else:
                    vals = buf.view(dt).reshape(rows, bw, per_block_spp)
                vals = vals.astype(dt.newbyteorder("="))
                ys, xs = by * bh, bx * bw
                if planar == 1:
                    out[:, ys:ys + rows, xs:xs + bw] = vals.transpose(2, 0, 1)
                else:
                    out[plane, ys:ys + rows, xs:xs + bw] = vals[:, :, 0]
    return out[:, :h, :w]


def crosscheck_decoder(rel):
    """compare every image IFD decoded independently with GDAL's read of that level"""
    path = os.path.join(OUT, rel)
    data = open(path, "rb").read()
    info = read_tiff(path)
    ds = gdal.Open(path)
    levels = {}
    b1 = ds.GetRasterBand(1)
    for lev, band in enumerate([b1] + [b1.GetOverview(i) for i in range(b1.GetOverviewCount())]):
        levels[(band.XSize, band.YSize)] = lev
    n = 0
    for i, ifd in enumerate(info["ifds"]):
        if tv(ifd, 254, 0) & 4:
            continue
        dec_ = decode_ifd(data, info["endian"], ifd)
        if dec_ is None:
            CHECKS.append("info %s IFD %d: compression %d not decoded by the cross-check decoder"
                          % (rel, i, tv(ifd, 259)))
            continue
        lev = levels[(tv(ifd, 256), tv(ifd, 257))]
        same = True
        for b in range(1, ds.RasterCount + 1):
            band = ds.GetRasterBand(b)
            if lev:
                band = band.GetOverview(lev - 1)
            g = read_band(band)
            d = dec_[b - 1]
            if d.dtype.itemsize == 1 and g.dtype != d.dtype:
                d = d.view(g.dtype)
            same = same and (g.dtype.itemsize == d.dtype.itemsize and
                             np.ascontiguousarray(g).view(np.uint8).tobytes() ==
                             np.ascontiguousarray(d).view(np.uint8).tobytes())
        check(same, "%s IFD %d (level %d, compression %d, predictor %d): independent decoder == GDAL, "
              "all %d bands" % (rel, i, lev, tv(ifd, 259), tv(ifd, 317, 1), ds.RasterCount))
        n += 1
    return n


# --------------------------------------------------------------------------------------------
# structural checks

def check_variant(v, hashes):
    path = os.path.join(OUT, v["file"])
    info = read_tiff(path)
    ifd = info["ifds"][0]
    s = ifd_summary(ifd)
    f = v["file"]
    dt = TYPES[v["type"]][0]
    want_code = v.get("compression_tag", {"none": 1, "deflate": 8, "lzw": 5, "packbits": 32773,
                                          "zstd": 50000}[v["compression"]])
    check(s["compression"] == want_code, "%s: Compression tag = %d" % (f, want_code))
    check(s["predictor"] == v["predictor"], "%s: Predictor tag = %d (absent = 1)" % (f, v["predictor"]))
    if v["layout"] == "tiled":
        check(s["tiled"] == "yes" and s["tile_width"] == 16 and s["tile_height"] == 16,
              "%s: tiled 16x16" % f)
    else:
        check(s["tiled"] == "no" and s["rows_per_strip"] == 5, "%s: striped, RowsPerStrip = 5" % f)
    want_planar = 2 if (v["interleave"] == "BAND" and v["bands"] > 1) else 1
    check(s["planar_config"] == want_planar, "%s: PlanarConfiguration = %d" % (f, want_planar))
    check(s["samples_per_pixel"] == v["bands"], "%s: SamplesPerPixel = %d" % (f, v["bands"]))
    check(info["bigtiff"] == v["bigtiff"], "%s: BigTIFF = %s" % (f, v["bigtiff"]))
    check(info["byte_order"] == ("big" if v["be"] else "little"),
          "%s: byte order %s" % (f, "big" if v["be"] else "little"))
    want_sf = 3 if v["type"] in FLOATS else (2 if np.issubdtype(dt, np.signedinteger) else 1)
    want_bps = np.dtype(dt).itemsize * 8
    check(s["sample_format"] == want_sf and s["bits_per_sample"] == want_bps,
          "%s: SampleFormat = %d, BitsPerSample = %d" % (f, want_sf, want_bps))
    ds = gdal.Open(path)
    ist = ds.GetMetadata("IMAGE_STRUCTURE")
    gcomp = ist.get("COMPRESSION", "NONE")
    want_gcomp = {"none": "NONE", "deflate": "DEFLATE", "lzw": "LZW", "packbits": "PACKBITS",
                  "zstd": "ZSTD"}[v["compression"]]
    check(gcomp == want_gcomp, "%s: GDAL IMAGE_STRUCTURE COMPRESSION = %s" % (f, want_gcomp))
    if s["compression"] == 32946:
        CHECKS.append("info %s: GDAL IMAGE_STRUCTURE PREDICTOR = %s (GDAL 3.6 omits it for code 32946)"
                      % (f, ist.get("PREDICTOR")))
    else:
        check(int(ist.get("PREDICTOR", "1")) == v["predictor"],
              "%s: GDAL IMAGE_STRUCTURE PREDICTOR = %d" % (f, v["predictor"]))
    if v["bands"] > 1:
        check(ist.get("INTERLEAVE") == v["interleave"],
              "%s: GDAL IMAGE_STRUCTURE INTERLEAVE = %s" % (f, v["interleave"]))
    # lossless: same pixels as the base raster
    if not f.startswith("ovr_"):
        check(all(hashes[(f, 0, b)] == hashes[("base_%s.tif" % v["type"], 0, b)]
                  for b in range(1, v["bands"] + 1)),
              "%s: pixels of all %d bands identical to base_%s.tif" % (f, v["bands"], v["type"]))
    if f.startswith("ovr_"):
        n = ds.GetRasterBand(1).GetOverviewCount()
        check(n >= 2, "%s: %d overview levels (>= 2)" % (f, n))
        sizes = [(ds.GetRasterBand(1).GetOverview(i).XSize, ds.GetRasterBand(1).GetOverview(i).YSize)
                 for i in range(n)]
        red = [(tv(d, 256), tv(d, 257), tv(d, 254, 0)) for d in info["ifds"]]
        CHECKS.append("info %s: overview sizes %s; IFDs (w, h, NewSubfileType) %s" % (f, sizes, red))


def check_geo(names):
    for rel in names:
        path = os.path.join(OUT, rel)
        info = read_tiff(path)
        ifd = info["ifds"][0]
        gk = geokeys(ifd)
        ds = gdal.Open(path)
        gt = ds.GetGeoTransform()
        if rel.startswith("geo_rotated") or rel.startswith("geo_sheared"):
            check(34264 in ifd and 33550 not in ifd,
                  "%s: ModelTransformationTag present (no PixelScale)" % rel)
            m = ifd[34264]["value"]
            check(np.allclose([m[3], m[0], m[1], m[7], m[4], m[5]], gt, rtol=0, atol=1e-9),
                  "%s: ModelTransformation matrix = GDAL geotransform %r" % (rel, gt))
        if rel.startswith("geo_pixelispoint"):
            check(gk.get(1025) == 2, "%s: GTRasterTypeGeoKey = 2 (RasterPixelIsPoint)" % rel)
            tp = ifd[33922]["value"]
            sc = ifd[33550]["value"]
            ok = (tp[0] == 0 and tp[1] == 0 and abs(tp[3] - (gt[0] + 0.5 * gt[1])) < 1e-9
                  and abs(tp[4] - (gt[3] + 0.5 * gt[5])) < 1e-9 and sc[0] == gt[1]
                  and sc[1] == -gt[5])
            check(ok, "%s: raw tiepoint %r = centre of pixel (0,0); GDAL geotransform %r is shifted "
                  "by half a pixel (origin = tiepoint - 0.5 px)" % (rel, tp[:5], gt))
            check(ds.GetMetadataItem("AREA_OR_POINT") == "Point", "%s: GDAL AREA_OR_POINT=Point" % rel)
        elif rel.startswith("crs_") or rel.startswith("geo_"):
            check(gk.get(1025, 1) == 1, "%s: GTRasterTypeGeoKey = 1 (PixelIsArea)" % rel)
        if rel.startswith("crs_epsg"):
            code = int(rel[len("crs_epsg"):-4])
            key = 2048 if code == 4326 else 3072
            check(gk.get(key) == code, "%s: %s = %d" % (rel, GEOKEY_NAMES[key], code))
        elif rel.startswith("crs_tmerc_utm25s"):
            check(gk.get(3072) == 32767 and gk.get(3074) == 16125,
                  "%s: user-defined projected CRS with ProjectionGeoKey = 16125 (UTM zone 25S)" % rel)
        elif rel.startswith("crs_"):
            check(gk.get(3072) == 32767 and gk.get(3074) == 32767 and 3075 in gk,
                  "%s: user-defined projected CRS (ProjectedCSTypeGeoKey = ProjectionGeoKey = 32767, "
                  "ProjCoordTrans = %s)"
                  % (rel, gk.get(3075)))
        # GDAL reads back the same CRS we wrote (for crs_*)
        for name, defn, _, _ in CRS_VARIANTS:
            if rel == name + ".tif":
                s1 = srs_from(defn)
                s2 = ds.GetSpatialRef()
                check(s1.IsSame(s2, ["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES"]) or
                      s1.ExportToProj4() == s2.ExportToProj4(),
                      "%s: GDAL reads back an equivalent CRS (%s)" % (rel, s2.ExportToProj4()))


# --------------------------------------------------------------------------------------------

def clean():
    for p in glob.glob(os.path.join(OUT, "*.tif")):
        os.remove(p)
    for f in ("expected.csv", "points.csv", "tiff_tags.csv", "geokeys.txt", "checks.txt"):
        if os.path.exists(os.path.join(OUT, f)):
            os.remove(os.path.join(OUT, f))
    if os.path.isdir(os.path.join(OUT, "data")):
        shutil.rmtree(os.path.join(OUT, "data"))


def write_csv(path, header, rows):
    with open(path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def main():
    global TMP, SAMPLE_DIR
    TMP = tempfile.mkdtemp(prefix="geotiff_fixtures_")
    if SAMPLE_DIR is None:
        SAMPLE_DIR = os.path.join(TMP, "samples")
        shutil.copytree(os.path.join(OUT, "data"), SAMPLE_DIR)
    clean()
    log("info GDAL %s, PROJ %d.%d.%d, numpy %s, pyproj %s; GDT_Int8 available: %s" % (
        gdal.__version__, osr.GetPROJVersionMajor(), osr.GetPROJVersionMinor(),
        osr.GetPROJVersionMicro(), np.__version__, pyproj.__version__, HAS_INT8))
    for t, (_, _, _, _, seed) in TYPES.items():
        write_base(t, os.path.join(OUT, "base_%s.tif" % t), W, H, seed)
    for t in ("u16", "f32"):
        write_base(t, os.path.join(TMP, "base150_%s.tif" % t), BW, BH, TYPES[t][4] + 100)
    make_variants()
    make_overviews()
    geo = make_geo()
    samples = copy_samples()

    files = sorted(os.path.relpath(p, OUT) for p in glob.glob(os.path.join(OUT, "*.tif")))
    files += sorted(samples)
    hashes = {}
    rows = []
    tag_rows = []
    for rel in files:
        try:
            rows += expected_rows(rel, hashes)
            check(True, "%s: opens with GDAL" % rel)
        except Exception as ex:  # noqa
            check(False, "%s: opens with GDAL (%s)" % (rel, ex))
            raise
        info = read_tiff(os.path.join(OUT, rel))
        for i, ifd in enumerate(info["ifds"]):
            s = ifd_summary(ifd)
            s.update(file=rel, ifd=i, byte_order=info["byte_order"],
                     bigtiff="yes" if info["bigtiff"] else "no")
            tag_rows.append(s)
    write_csv(os.path.join(OUT, "expected.csv"), EXP_HEADER, rows)
    write_csv(os.path.join(OUT, "tiff_tags.csv"), TAG_HEADER, tag_rows)

    # base rasters: base tags
    for t in TYPES:
        info = read_tiff(os.path.join(OUT, "base_%s.tif" % t))
        s = ifd_summary(info["ifds"][0])
        dt = TYPES[t][0]
        want_sf = 3 if t in FLOATS else (2 if np.issubdtype(dt, np.signedinteger) else 1)
        check(s["sample_format"] == want_sf and s["bits_per_sample"] == np.dtype(dt).itemsize * 8,
              "base_%s.tif: SampleFormat = %d, BitsPerSample = %d" % (t, want_sf, np.dtype(dt).itemsize * 8))
    for v in VARIANTS:
        check_variant(v, hashes)
    check_geo(geo)
    for rel in files:
        crosscheck_decoder(rel)
    # the i16 scale/offset variant reads back its metadata
    so = [r for r in rows if "scale0.1" in r["file"] and r["level"] == 0]
    check(all(r["scale"] == "0.1" and r["offset"] == "-5.0" and r["nodata"] == "-32768" for r in so),
          "i16 scale/offset variant: scale 0.1, offset -5.0, nodata -32768 read back by GDAL")

    pts, ops = make_points(geo)
    write_csv(os.path.join(OUT, "points.csv"), PT_HEADER, pts)

    with open(os.path.join(OUT, "geokeys.txt"), "w") as fh:
        for rel in geo + samples + ["base_u8.tif"]:
            fh.write("\n".join(geokey_dump(os.path.join(OUT, rel), rel)) + "\n")

    with open(os.path.join(OUT, "checks.txt"), "w") as fh:
        fh.write("# written by make_fixtures.py; 'ok'/'FAIL' lines are checks, 'info' lines facts\n")
        for line in CHECKS:
            fh.write(line + "\n")
        fh.write("\n# PROJ operations used for the points (raster CRS -> EPSG:4326, as used by pyproj; osr gives the same lon/lat to 1e-9 deg)\n")
        for line in ops:
            fh.write(line + "\n")
        fh.write("\n# stderr of GDAL command line tools (warnings)\n")
        for line in WARNINGS:
            fh.write(line + "\n")
        n_ok = sum(1 for l in CHECKS if l.startswith("ok "))
        fh.write("\n# summary: %d checks ok, %d failed\n" % (n_ok, len(FAILURES)))
    shutil.rmtree(TMP)
    print("%d files, %d expected rows, %d points, %d checks ok, %d failed" % (
        len(files), len(rows), len(pts), sum(1 for l in CHECKS if l.startswith("ok ")), len(FAILURES)))
    if FAILURES:
        sys.exit(1)


if __name__ == "__main__":
    main()
