package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code extract.estimate} response: what an {@code extract} or {@code extract.batch} would
 * read and how long it would take, computed from the rasters' headers without reading a cell.
 *
 * <p>A request over a limit is reported, not refused: {@link #limits()} says which limit fails and
 * {@link #withinLimits()} is false, so that a caller learns how far over it is and can split the
 * work accordingly. An invalid request (a bad geometry, an unknown dataset) is refused as the
 * operation itself would refuse it.
 *
 * @param operation the operation estimated: {@code extract} or {@code extract.batch}
 * @param geometries the geometries in the request
 * @param datasets one estimate per dataset, in request order; an unmodifiable copy, empty when null
 * @param tiles the stored blocks (tiles or strips) to read, over the datasets whose count is known
 * @param bytes the stored (compressed) bytes of those blocks, as the files' tile indexes give them
 * @param localTiles the part of {@code tiles} read from local files
 * @param remoteTiles the part of {@code tiles} fetched over the network
 * @param localBytes the part of {@code bytes} read from local files
 * @param remoteBytes the part of {@code bytes} fetched over the network
 * @param cells the cells the extraction visits, as its pixel budget counts them: every timestamp of
 *     every dataset, each geometry's bounding window with a cell to spare
 * @param limits each limit of the service with the request's value for it; an unmodifiable copy,
 *     empty when null
 * @param withinLimits whether every limit holds, that is whether the operation would be accepted
 * @param estimatedSeconds the expected duration of the operation, {@code cells} at {@code rate}
 * @param rate the speed the estimate assumed, and where it came from
 * @param warnings what the estimate could not count (a tiled dataset, a source that cannot be
 *     opened); an unmodifiable copy, empty when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Estimate(
    @JsonProperty("operation") Operation operation,
    @JsonProperty("geometries") int geometries,
    @JsonProperty("datasets") List<DatasetEstimate> datasets,
    @JsonProperty("tiles") long tiles,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("local_tiles") long localTiles,
    @JsonProperty("remote_tiles") long remoteTiles,
    @JsonProperty("local_bytes") long localBytes,
    @JsonProperty("remote_bytes") long remoteBytes,
    @JsonProperty("cells") long cells,
    @JsonProperty("limits") List<LimitCheck> limits,
    @JsonProperty("within_limits") boolean withinLimits,
    @JsonProperty("estimated_seconds") double estimatedSeconds,
    @JsonProperty("rate") ExtractionRate rate,
    @JsonProperty("warnings") List<String> warnings) {

  /**
   * Copies the lists.
   *
   * @param operation the operation estimated
   * @param geometries the geometries
   * @param datasets the per-dataset estimates, or null for none
   * @param tiles the blocks to read
   * @param bytes their stored bytes
   * @param localTiles the blocks read locally
   * @param remoteTiles the blocks fetched
   * @param localBytes the bytes read locally
   * @param remoteBytes the bytes fetched
   * @param cells the cells visited
   * @param limits the limits, or null for none
   * @param withinLimits whether every limit holds
   * @param estimatedSeconds the expected duration
   * @param rate the rate assumed
   * @param warnings the warnings, or null for none
   */
  public Estimate {
    datasets = Wire.copyOrEmpty(datasets);
    limits = Wire.copyOrEmpty(limits);
    warnings = Wire.copyOrEmpty(warnings);
  }
}
