package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A dataset's extent in lon/lat degrees (WGS 84), written {@code [minLon, minLat, maxLon, maxLat]}
 * on the wire as a GeoJSON {@code bbox} is. For an extent crossing the antimeridian {@code minLon >
 * maxLon}.
 *
 * @param minLon western edge
 * @param minLat southern edge
 * @param maxLon eastern edge
 * @param maxLat northern edge
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"minLon", "minLat", "maxLon", "maxLat"})
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {}
