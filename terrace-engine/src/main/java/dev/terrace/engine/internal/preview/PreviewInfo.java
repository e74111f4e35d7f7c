package dev.terrace.engine.internal.preview;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a client needs to show a dataset's preview tiles: the facts of a TileJSON document.
 *
 * @param datasetId the dataset
 * @param name its name for people
 * @param bounds {@code [west, south, east, north]} in degrees, or null when unknown
 * @param maxZoom the zoom whose pixels are no larger than the dataset's cells
 * @param attribution the provider's licence and citation, or null
 * @param colormap the colour map applied
 * @param colormaps the colour maps a request may name
 * @param timestamps the time series' timestamps, ISO-8601; empty for a static dataset
 * @param timestamp the timestamp shown, or null for a static dataset
 * @param legend what the colours mean
 */
public record PreviewInfo(
    String datasetId,
    String name,
    double @Nullable [] bounds,
    int maxZoom,
    @Nullable String attribution,
    String colormap,
    List<String> colormaps,
    List<String> timestamps,
    @Nullable String timestamp,
    Legend legend) {}
