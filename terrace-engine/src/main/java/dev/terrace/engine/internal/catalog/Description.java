package dev.terrace.engine.internal.catalog;

import dev.terrace.api.Dataset;

/**
 * What a dataset's rasters said when they were last opened, and where they were read from: what a
 * service keeps across restarts so that listing its catalog never waits on a source, even right
 * after it starts.
 *
 * @param location the file path or URL read; a description of another location is not the dataset's
 *     any more
 * @param dataset the description
 */
public record Description(String location, Dataset dataset) {}
