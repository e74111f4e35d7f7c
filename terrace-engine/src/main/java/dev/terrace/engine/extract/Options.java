package dev.terrace.engine.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.Interpolation;
import dev.terrace.api.PixelRule;

/**
 * What every geometry of a request is read with: the options {@code extract} and {@code extract.batch} share.
 *
 * @param aggregation the statistic
 * @param pixelRule which cells count
 * @param interpolation how points read their value
 * @param densify whether edges are densified in the request's CRS first
 */
record Options(Aggregation aggregation, PixelRule pixelRule, Interpolation interpolation, boolean densify) {

  static Options of(ExtractRequest r) {
    return new Options(r.aggregation(), r.pixelRule(), r.interpolation(), r.densify());
  }

  static Options of(BatchExtractRequest r) {
    return new Options(r.aggregation(), r.pixelRule(), r.interpolation(), r.densify());
  }
}
