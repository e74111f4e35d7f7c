#!/usr/bin/env python3
"""Writes the small netCDF-3 fixtures of this folder (see README.md). Needs numpy and scipy only.

Floating-point attributes are wrapped in np.float64 or np.float32 on purpose: scipy writes a plain
Python float as a 32-bit NC_FLOAT.

Every value is chosen so that the expected answers can be worked out by hand: cell values follow a
formula of the file's own indices, coordinates are exact in binary, and time values land on known
calendar dates.
"""
import os
import sys

import numpy as np
from scipy.io import netcdf_file

OUT = os.path.dirname(os.path.abspath(__file__)) if len(sys.argv) < 2 else sys.argv[1]


def utm_tyx():
    """(time, y, x) on UTM zone 25S (WGS 84) described by a CF grid_mapping; y ascending.

    time is a fixed dimension here: scipy misplaces a scalar variable's data in a file that also has
    record variables.
    """
    f = netcdf_file(os.path.join(OUT, "utm_tyx.nc"), "w", version=1)
    f.Conventions = "CF-1.8"
    f.createDimension("time", 3)
    f.createDimension("y", 4)
    f.createDimension("x", 5)
    x = f.createVariable("x", "d", ("x",))
    x[:] = 500250.0 + 500.0 * np.arange(5)
    x.standard_name = "projection_x_coordinate"
    x.units = "m"
    y = f.createVariable("y", "d", ("y",))
    y[:] = 9000250.0 + 500.0 * np.arange(4)
    y.standard_name = "projection_y_coordinate"
    y.units = "m"
    t = f.createVariable("time", "d", ("time",))
    t.standard_name = "time"
    t.units = "hours since 2020-01-01 00:00:00"
    t.calendar = "gregorian"
    crs = f.createVariable("crs", "i", ())
    crs.data[()] = 0  # unset, scipy writes whatever its buffer held (and its assignValue fails on scalars)
    crs.grid_mapping_name = "transverse_mercator"
    crs.longitude_of_central_meridian = np.float64(-33.0)
    crs.latitude_of_projection_origin = np.float64(0.0)
    crs.scale_factor_at_central_meridian = np.float64(0.9996)
    crs.false_easting = np.float64(500000.0)
    crs.false_northing = np.float64(10000000.0)
    crs.semi_major_axis = np.float64(6378137.0)
    crs.inverse_flattening = np.float64(298.257223563)
    v = f.createVariable("temp", "f", ("time", "y", "x"))
    v.units = "K"
    v.grid_mapping = "crs"
    v._FillValue = np.float32(-9999.0)
    # temp[t, j, i] = 250 + 10 t + j + i / 10, file index j counts from the south.
    tt, jj, ii = np.meshgrid(np.arange(3), np.arange(4), np.arange(5), indexing="ij")
    data = (250 + 10 * tt + jj + ii / 10.0).astype("f4")
    data[1, 0, 0] = -9999.0
    t[:] = [0.0, 36.0, 744.0]
    v[:] = data
    f.close()


def packed_noleap():
    """(time, lat, lon) int16 packed with scale_factor/add_offset/_FillValue; latitude descending; noleap.

    time is the unlimited (record) dimension, so sst is stored record by record.
    """
    f = netcdf_file(os.path.join(OUT, "packed_noleap.nc"), "w", version=1)
    f.Conventions = "CF-1.8"
    f.createDimension("time", None)
    f.createDimension("lat", 3)
    f.createDimension("lon", 4)
    lat = f.createVariable("lat", "d", ("lat",))
    lat[:] = [10.5, 9.5, 8.5]
    lat.units = "degrees_north"
    lat.standard_name = "latitude"
    lon = f.createVariable("lon", "d", ("lon",))
    lon[:] = [100.5, 101.5, 102.5, 103.5]
    lon.units = "degrees_east"
    lon.standard_name = "longitude"
    t = f.createVariable("time", "d", ("time",))
    t[0:4] = [0.0, 59.0, 365.0, 424.5]
    t.standard_name = "time"
    t.units = "days since 2000-01-01"
    t.calendar = "noleap"
    v = f.createVariable("sst", "h", ("time", "lat", "lon"))
    v.units = "degC"
    v.scale_factor = np.float32(0.25)
    v.add_offset = np.float32(-10.0)
    v._FillValue = np.int16(-32768)
    # stored sst[t, j, i] = 100 t + 10 j + i; j counts from the north.
    tt, jj, ii = np.meshgrid(np.arange(4), np.arange(3), np.arange(4), indexing="ij")
    raw = (100 * tt + 10 * jj + ii).astype("i2")
    raw[2, 1, 2] = -32768
    v[0:4] = raw
    # A variable without a time axis: one band. Packed byte with a double scale factor.
    m = f.createVariable("frac", "b", ("lat", "lon"))
    m.scale_factor = np.float64(0.5)
    m._FillValue = np.int8(-1)
    jj2, ii2 = np.meshgrid(np.arange(3), np.arange(4), indexing="ij")
    fr = (4 * jj2 + ii2).astype("i1")
    fr[2, 3] = -1
    m[:] = fr
    f.close()


def lat_asc_360day():
    """(time, lat, lon) float64, latitude ascending (as bcsd_obs_1999.nc), missing_value only; 360_day."""
    f = netcdf_file(os.path.join(OUT, "lat_asc_360day.nc"), "w", version=1)
    f.Conventions = "CF-1.8"
    f.createDimension("time", 3)
    f.createDimension("latitude", 2)
    f.createDimension("longitude", 3)
    lat = f.createVariable("latitude", "d", ("latitude",))
    lat[:] = [-45.25, -44.75]
    lat.units = "degrees_north"
    lat.standard_name = "latitude"
    lon = f.createVariable("longitude", "d", ("longitude",))
    lon[:] = [-0.75, -0.25, 0.25]
    lon.units = "degrees_east"
    lon.standard_name = "longitude"
    t = f.createVariable("time", "d", ("time",))
    t[:] = [0.0, 59.0, 390.25]
    t.standard_name = "time"
    t.units = "days since 2000-01-01 00:00:00"
    t.calendar = "360_day"
    v = f.createVariable("pr", "d", ("time", "latitude", "longitude"))
    v.units = "mm"
    v.missing_value = np.float64(1e30)
    # pr[t, j, i] = t + j / 10 + i / 100; j counts from the south.
    tt, jj, ii = np.meshgrid(np.arange(3), np.arange(2), np.arange(3), indexing="ij")
    data = tt + jj / 10.0 + ii / 100.0
    data[2, 1, 2] = 1e30
    v[:] = data
    f.close()


def steps_without_units():
    """(time, lat, lon) float32 whose time coordinate has values but no units: steps without timestamps.

    GDAL reads such a variable as one band per step; so do we (see README.md).
    """
    f = netcdf_file(os.path.join(OUT, "steps_no_units.nc"), "w", version=1)
    f.Conventions = "CF-1.8"
    f.createDimension("time", 4)
    f.createDimension("lat", 3)
    f.createDimension("lon", 2)
    lat = f.createVariable("lat", "d", ("lat",))
    lat[:] = [50.25, 50.75, 51.25]
    lat.units = "degrees_north"
    lat.standard_name = "latitude"
    lon = f.createVariable("lon", "d", ("lon",))
    lon[:] = [5.25, 5.75]
    lon.units = "degrees_east"
    lon.standard_name = "longitude"
    t = f.createVariable("time", "d", ("time",))
    t[:] = [1.0, 2.0, 3.0, 4.0]
    t.long_name = "step"
    v = f.createVariable("runoff", "f", ("time", "lat", "lon"))
    v.units = "mm"
    v._FillValue = np.float32(-1.0)
    # runoff[s, j, i] = 100 s + 10 j + i; j counts from the south.
    ss, jj, ii = np.meshgrid(np.arange(4), np.arange(3), np.arange(2), indexing="ij")
    data = (100 * ss + 10 * jj + ii).astype("f4")
    data[3, 2, 1] = -1.0
    v[:] = data
    f.close()


if __name__ == "__main__":
    utm_tyx()
    packed_noleap()
    lat_asc_360day()
    steps_without_units()
