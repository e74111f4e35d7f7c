/**
 * Request geometries: GeoJSON records validated into JTS with the path of every offending
 * coordinate ({@link dev.terrace.engine.internal.geometry.GeometryReader}), invalid polygons
 * refused naming their ring or, on request, repaired, and polygons across the antimeridian split. A
 * ring crosses the antimeridian exactly where one of its edges spans more than 180° of longitude
 * (RFC 7946); an edge from 180 to −180 runs along it and crosses nothing, and a polygon's width
 * plays no part.
 */
package dev.terrace.engine.internal.geometry;
