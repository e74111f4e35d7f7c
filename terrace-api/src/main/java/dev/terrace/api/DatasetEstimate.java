package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What one dataset of an {@link Estimate} reads, over all the request's geometries.
 *
 * @param datasetId the dataset id ({@code provider:name})
 * @param timestamps the timestamps read: 1 for a static dataset, those in the time range for a time
 *     series
 * @param remote whether its blocks are fetched over the network rather than read from a local file
 * @param tiles the stored blocks (tiles or strips) the geometries touch, counted once per geometry
 *     and timestamp; null when unknown without reading (a dataset stored as a grid of tile files,
 *     or one whose source cannot be opened)
 * @param bytes the stored (compressed) bytes of those blocks, from the file's tile index; null when
 *     unknown, as for a format without one
 * @param cells the cells visited, as the pixel budget counts them; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetEstimate(
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("timestamps") int timestamps,
    @JsonProperty("remote") boolean remote,
    @JsonProperty("tiles") @Nullable Long tiles,
    @JsonProperty("bytes") @Nullable Long bytes,
    @JsonProperty("cells") @Nullable Long cells) {}
