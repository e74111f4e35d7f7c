package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.terrace.api.geojson.Geometry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a job's results ({@code jobs.results}): an input row with its outcome, in input order.
 *
 * @param row the row's position in the input, from 0
 * @param line where the row starts in the input file (its line, a GeoPackage row's rowid), for
 *     messages; for an inline input the row's position from 1
 * @param geometry the row's geometry, or null when the row has none it could read
 * @param properties the input's columns for the row (a CSV's cells, a feature's properties), in
 *     input order; an unmodifiable copy, empty when null
 * @param results one result per dataset (and per timestamp of a time-varying dataset), as {@code
 *     extract} answers them; empty for a failed row
 * @param warnings what the extraction warned of for this row; empty when none
 * @param error why the row failed (naming its line), or null for a row with results
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobRow(
    @JsonProperty("row") long row,
    @JsonProperty("line") long line,
    @JsonProperty("geometry") @Nullable Geometry geometry,
    @JsonProperty("properties") Map<String, @Nullable Object> properties,
    @JsonProperty("results") List<ExtractResult> results,
    @JsonProperty("warnings") List<String> warnings,
    @JsonProperty("error") @Nullable String error) {

  /**
   * Copies the collections.
   *
   * @param row the position in the input
   * @param line where it starts in the input
   * @param geometry the geometry, or null
   * @param properties the input's columns, or null for none
   * @param results the results, or null for none
   * @param warnings the warnings, or null for none
   * @param error the row's error, or null
   */
  public JobRow {
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    results = Wire.copyOrEmpty(results);
    warnings = Wire.copyOrEmpty(warnings);
  }
}
