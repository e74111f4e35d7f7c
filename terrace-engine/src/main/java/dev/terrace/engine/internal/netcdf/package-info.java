/**
 * netCDF-3 time series as rasters: {@link dev.terrace.engine.internal.netcdf.NetcdfRaster} reads
 * one variable of a classic or 64-bit offset netCDF file through Apache SIS, with bands as time
 * steps, CF packing and missing values applied, and CF time coordinates in any of the CF calendars
 * turned into instants.
 */
package dev.terrace.engine.internal.netcdf;
