/**
 * Request geometries: GeoJSON records validated into JTS with the path of every offending coordinate
 * ({@link dev.terrace.engine.geometry.GeometryReader}), and polygons across the antimeridian split.
 */
package dev.terrace.engine.geometry;
