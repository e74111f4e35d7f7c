/**
 * Our own GeoTIFF / Cloud-Optimized GeoTIFF reader; the entry point is {@link
 * dev.terrace.engine.internal.geotiff.GeoTiff}, decoded blocks live in a {@link
 * dev.terrace.engine.internal.geotiff.TileCache}.
 *
 * <p>Everything else here is internal: IFD parsing ({@code TiffParser}, {@code Ifd}, {@code
 * ImageLayout}), codecs ({@code Compression} and its decompressors, {@code Predictor}),
 * georeferencing ({@code Georeferencing} for the geotransform, {@code GeoKeys} and {@code
 * CrsFromGeoKeys} / {@code ProjectionFromGeoKeys} for the CRS, {@code WktParser} / {@code WktCrs}
 * for the WKT GDAL leaves in citations, {@code Proj4jQuirks} where proj4j needs help to compute
 * what PROJ does), colour-space checks ({@code Photometric}) and block loading. Every size read
 * from a file is checked before it sizes an allocation; a file that breaks the rules fails with a
 * {@code RasterFormatException} naming the file, the IFD and the tag.
 */
package dev.terrace.engine.internal.geotiff;
