package dev.terrace.engine.internal.extract;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import java.util.List;

/**
 * Reads polygons in parts and completes them (see {@link Part}): what the runners that order work
 * by tile need of the engine beyond {@code extract.batch}.
 */
public interface PartReader {

  /**
   * {@code extract.batch} with some polygons read in parts: see {@link
   * Extractor#batchExtractParts}.
   */
  Extractor.PartsResponse batchExtractParts(BatchExtractRequest request, List<Part> parts);

  /** Completes a polygon read in parts: see {@link Extractor#finish}. */
  ExtractResponse finish(BatchExtractRequest request, ExtractResponse home, Partial merged);
}
