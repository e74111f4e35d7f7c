package dev.terrace.engine.internal.extract;

import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes a polygon read in parts: the results of the first dataset in its home part's response
 * become the whole polygon's, made of every part's measurements merged; a part that could not read
 * its cells makes its result {@code missing}, with the failure as a warning, as reading the polygon
 * whole would.
 */
final class PartCompletion {

  private PartCompletion() {}

  /**
   * @param dataset the request's first dataset, the one read in parts
   * @param values how a result's value is made of what was read
   * @param home the response of the polygon's home part
   * @param merged the partials of all its parts, merged
   * @throws IllegalStateException if the partials do not belong to the response
   */
  static ExtractResponse complete(
      CatalogDataset dataset, ResultValues values, ExtractResponse home, Partial merged) {
    List<ExtractResult> results = new ArrayList<>(home.results());
    List<String> warnings = new ArrayList<>(home.warnings());
    int n = 0;
    while (n < results.size() && results.get(n).datasetId().equals(dataset.id())) {
      n++;
    }
    if (merged.lost() == null && n != merged.results()) {
      throw new IllegalStateException(
          "the parts of a polygon measured "
              + merged.results()
              + " results of "
              + dataset.id()
              + ", its home part answered "
              + n);
    }
    for (int i = 0; i < n; i++) {
      ExtractResult provisional = results.get(i);
      String failure =
          merged.lost() != null
              ? merged.lost()
              : merged.failure(i) == null
                  ? null
                  : Results.failureWarning(dataset, provisional.timestamp(), merged.failure(i));
      Measurement m = merged.measurement(i);
      if (failure != null) {
        results.set(i, Results.lost(provisional));
        if (!warnings.contains(failure)) {
          warnings.add(failure);
        }
      } else if (m != null) {
        results.set(i, Results.completed(provisional, dataset, values, m));
      }
    }
    return new ExtractResponse(
        home.requestId(), home.geometryHash(), results, warnings, home.elapsedMs());
  }
}
