package dev.terrace.engine.internal.preview;

import org.jspecify.annotations.Nullable;

/**
 * A preview tile as {@code GET /api/v1/tiles/{dataset_id}/{z}/{x}/{y}.png} asks for it, its query
 * parameters as given: {@link Previews} checks them and names the one that is wrong.
 *
 * @param datasetId the dataset
 * @param z the zoom level
 * @param x the column
 * @param y the row
 * @param scale 1, or 2 for {@code @2x}
 * @param colormap a ramp's name or {@code classes}, or null for the dataset's default
 * @param rescale {@code min,max}, {@code auto} for the data's own range, or null for the default
 * @param timestamp one of a time series' timestamps (ISO-8601), or null for its first
 */
public record TileRequest(
    String datasetId,
    int z,
    int x,
    int y,
    int scale,
    @Nullable String colormap,
    @Nullable String rescale,
    @Nullable String timestamp) {}
