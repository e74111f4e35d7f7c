/**
 * GeoJSON geometry (RFC 7946) as immutable records: {@link dev.terrace.api.geojson.Point}, {@link
 * dev.terrace.api.geojson.MultiPoint}, {@link dev.terrace.api.geojson.LineString}, {@link
 * dev.terrace.api.geojson.MultiLineString}, {@link dev.terrace.api.geojson.Polygon}, {@link
 * dev.terrace.api.geojson.MultiPolygon}, {@link dev.terrace.api.geojson.GeometryCollection}, and a
 * {@link dev.terrace.api.geojson.Feature}, which is accepted wherever a geometry is expected and
 * unwrapped.
 *
 * <p>Positions are {@code [longitude, latitude]} (RFC 7946 order), optionally followed by an
 * altitude, unless a request names another CRS. These records do not validate shapes (closed rings,
 * finite coordinates, vertex limits): the engine does that and reports the offending field path.
 * Coordinate arrays are held as given and not copied, so that large polygons cost nothing to pass
 * around; treat them as read-only.
 */
@NullMarked
package dev.terrace.api.geojson;

import org.jspecify.annotations.NullMarked;
