package dev.terrace.engine.internal.preview;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a request's tiles are drawn, its parameters resolved against the dataset.
 *
 * @param step the time step read, 0 for a static dataset
 * @param time its timestamp, or null for a static dataset
 * @param colormap the colour map's name
 * @param colouring the colour of each value
 * @param min a ramp's low end; NaN for classes
 * @param max a ramp's high end; NaN for classes
 * @param legend what the colours mean
 */
record Style(
    int step,
    @Nullable Instant time,
    String colormap,
    Colouring colouring,
    double min,
    double max,
    Legend legend) {}
