/**
 * Rows of a batch's or a job's input read one at a time from CSV, GeoJSON, NDJSON or GeoPackage
 * ({@link dev.terrace.engine.internal.rows.RowSource}), and their extraction through {@code
 * extract.batch} with one outcome per row ({@link dev.terrace.engine.internal.rows.Extraction}).
 */
package dev.terrace.engine.internal.rows;
