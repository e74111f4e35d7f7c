package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The speed an {@link Estimate} assumed: cells visited per second of an extraction's wall time.
 *
 * @param cellsPerSecond the rate
 * @param measured true when it was measured on the service's own past extractions (an exponentially
 *     weighted average), false when none has run yet and a conservative default stands in
 * @param extractions how many extractions the measured rate averages; 0 for the default
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractionRate(
    @JsonProperty("cells_per_second") double cellsPerSecond,
    @JsonProperty("measured") boolean measured,
    @JsonProperty("extractions") long extractions) {}
