/**
 * Coordinate reference systems as the engine computes them: proj4j CRSs built so they compute what
 * PROJ (and so GDAL) computes ({@link dev.terrace.engine.internal.crs.ProjCrs}), the identifiers a
 * request may name one by ({@link dev.terrace.engine.internal.crs.CrsIdentifier}), and when two
 * CRSs are the same, so that no transform is applied between them ({@link
 * dev.terrace.engine.internal.crs.SameCrs}).
 */
package dev.terrace.engine.internal.crs;
