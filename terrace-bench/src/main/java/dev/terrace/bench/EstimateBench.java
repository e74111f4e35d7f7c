package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code extract.estimate} against the extraction it estimates: the 1000 reference polygons' {@code
 * mean} over the reference DEM through {@code extract.batch}, each pass with the tile cache emptied
 * first. Each pass times the estimate and then the extraction, and prints the estimate's share of
 * the extraction's time and its estimated duration against the measured one. The first estimate
 * runs before any extraction, at the default rate; the later ones at the rate the engine measured
 * on the passes before.
 *
 * <pre>
 * terrace-bench/run EstimateBench [--reps 5]
 * </pre>
 */
public final class EstimateBench {

  private EstimateBench() {}

  /**
   * @param args {@code --reps N}: passes after the first (default 5)
   * @throws Exception if the reference data cannot be read
   */
  public static void main(String[] args) throws Exception {
    int reps = args.length == 2 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 5;
    Path polygons = BenchData.data("polygons.geojson");
    BenchData.requireReferenceData(polygons, BenchData.data("bench_dem_cog.tif"));
    List<Geometry> geometries = new ArrayList<>();
    for (JsonNode f : BenchData.JSON.readTree(polygons.toFile()).get("features")) {
      geometries.add(BenchData.JSON.treeToValue(f.get("geometry"), Geometry.class));
    }
    BatchExtractRequest batch =
        BatchExtractRequest.builder().geometries(geometries).datasets("bench:dem").build();
    EstimateRequest request = EstimateRequest.of(batch);
    System.out.println(
        "pass  estimate_ms  extract_ms  share  estimated_s  measured_s  ratio  rate(cells/s)  measured  decodes");
    try (Terrace terrace = Terrace.embedded(BenchData.catalog())) {
      for (int pass = 0; pass <= reps; pass++) {
        TileCache.shared().invalidateAll();
        long decodes = TileCache.shared().stats().decodes();
        long t0 = System.nanoTime();
        Estimate estimate = terrace.estimate(request);
        long t1 = System.nanoTime();
        long decoded = TileCache.shared().stats().decodes() - decodes;
        terrace.batchExtract(batch);
        long t2 = System.nanoTime();
        double estimateMs = (t1 - t0) / 1e6;
        double extractMs = (t2 - t1) / 1e6;
        if (pass == 0) {
          System.out.printf(
              Locale.ROOT,
              "estimate: %d geometries, %d tiles, %d bytes, %d cells, within limits %s%n",
              estimate.geometries(),
              estimate.tiles(),
              estimate.bytes(),
              estimate.cells(),
              estimate.withinLimits());
        }
        System.out.printf(
            Locale.ROOT,
            "%4d  %11.1f  %10.1f  %4.1f%%  %11.3f  %10.3f  %5.2f  %13.0f  %8s  %7d%n",
            pass,
            estimateMs,
            extractMs,
            100 * estimateMs / extractMs,
            estimate.estimatedSeconds(),
            extractMs / 1e3,
            estimate.estimatedSeconds() / (extractMs / 1e3),
            estimate.rate().cellsPerSecond(),
            estimate.rate().measured(),
            decoded);
      }
    }
  }
}
