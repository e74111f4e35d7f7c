package dev.terrace.engine.internal.rows;

import dev.terrace.api.geojson.Geometry;
import java.util.Map;

/**
 * One row of a batch's input: where it starts, the columns to carry to the output, and its
 * geometry, or why it has none.
 *
 * @param line the line it starts on (a GeoPackage row's rowid), for messages
 * @param fields the input's columns (a CSV's cells, a feature's properties), in order
 * @param geometry the geometry, or null when the row is malformed
 * @param error what is wrong with the row, or null
 */
public record InputRow(long line, Map<String, Object> fields, Geometry geometry, String error) {}
