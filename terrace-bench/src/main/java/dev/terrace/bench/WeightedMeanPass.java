package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * ZonalBench's {@code weighted_mean} pass: the DEM weighted by the class COG (same grid; classes
 * 1–10 as weights) over the 1000 polygons, through {@code extract.batch} as a client would ask for
 * it, against exactextract's {@code weighted_mean(dem,cls)} over the same polygons projected to the
 * rasters' CRS (exactextract does not project them), both under exactextract's coverage rule.
 */
final class WeightedMeanPass {

  /** The rasters' CRS, into which ogr2ogr projects the polygons for exactextract. */
  private static final String RASTER_CRS = "EPSG:32725";

  /**
   * The means by polygon id (null = no value), the time from GeoJSON text to the last one, CPU
   * time, and the peak RSS of the anchor's process (-1 for ours, which the JVM's VmHWM reports once
   * for the whole run).
   */
  record Answers(Map<Integer, Double> means, double totalMs, double cpuMs, long maxRssKb) {}

  private WeightedMeanPass() {}

  /**
   * Parses the polygons and asks for every weighted mean in one batch, the tile cache emptied
   * first.
   */
  static Answers terrace(TerraceApi terrace, Path geojson) throws IOException {
    TileCache.shared().invalidateAll();
    double cpu = BenchData.cpuMs();
    long t0 = System.nanoTime();
    List<Integer> ids = new ArrayList<>();
    List<Geometry> geometries = new ArrayList<>();
    for (JsonNode f : BenchData.JSON.readTree(geojson.toFile()).get("features")) {
      ids.add(f.get("properties").get("id").asInt());
      geometries.add(BenchData.JSON.treeToValue(f.get("geometry"), Geometry.class));
    }
    BatchExtractResponse response =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometries(geometries)
                .datasets("bench:dem")
                .aggregation(Aggregation.WEIGHTED_MEAN)
                .weights("bench:class")
                .build());
    Map<Integer, Double> means = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      OptionalDouble v = response.responses().get(i).results().get(0).number();
      means.put(ids.get(i), v.isPresent() ? v.getAsDouble() : null);
    }
    return new Answers(means, (System.nanoTime() - t0) / 1e6, BenchData.cpuMs() - cpu, -1);
  }

  /**
   * @return the polygons projected to the rasters' CRS, in a GeoPackage deleted at exit
   */
  static Path projected(Path geojson) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("terrace-bench-weighted-");
    Path gpkg = dir.resolve("polygons.gpkg");
    BenchData.run(
        List.of(
            "ogr2ogr",
            "-f",
            "GPKG",
            "-lco",
            "FID=fid",
            "-t_srs",
            RASTER_CRS,
            gpkg.toString(),
            geojson.toString(),
            "-nln",
            "polygons"),
        null,
        null);
    gpkg.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return gpkg;
  }

  /**
   * Runs exactextract once; its time is the whole process's, start-up and writing its CSV included.
   */
  static Answers exactextract(String program, Path gpkg, Path csv)
      throws IOException, InterruptedException {
    BenchData.Run run =
        BenchData.run(
            List.of(
                program,
                "-p",
                gpkg.toString(),
                "-f",
                "id",
                "-r",
                "dem:" + BenchData.data("bench_dem_cog.tif"),
                "-r",
                "cls:" + BenchData.data("bench_class_cog.tif"),
                "-s",
                "mean=weighted_mean(dem,cls)",
                "-o",
                csv.toString()),
            null,
            null);
    Map<Integer, Double> means = new HashMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.replace("\"", "").split(",", -1);
      means.put(Integer.parseInt(cells[0]), BenchData.number(cells[1]));
    }
    return new Answers(means, run.wallMs(), run.cpuMs(), run.maxRssKb());
  }

  /**
   * How far two sets of means are apart.
   *
   * @param differing polygons whose means differ by more than the tolerance, or have a value on one
   *     side only
   * @param polygons the polygons compared
   * @param both those with a value on both sides
   * @param worst the largest relative difference among those
   */
  record Agreement(int differing, int polygons, int both, double tolerance, double worst) {

    static Agreement of(Answers ours, Answers theirs, double tolerance) {
      int bad = 0;
      int both = 0;
      double worst = 0;
      for (var e : theirs.means().entrySet()) {
        Double a = ours.means().get(e.getKey());
        Double b = e.getValue();
        if (!ZonalBench.sameRelative(a, b, tolerance)) {
          bad++;
        }
        if (a != null && b != null) {
          both++;
          worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
        }
      }
      return new Agreement(bad, theirs.means().size(), both, tolerance, worst);
    }

    /**
     * @return this or {@code other}, whichever has more differing polygons, then the larger worst
     *     difference
     */
    Agreement worse(Agreement other) {
      return other.differing > differing || other.differing == differing && other.worst > worst
          ? other
          : this;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d of %d polygons (%d with a value on both sides) differ by more than"
              + " %.0e relative; worst relative difference %.2e",
          differing,
          polygons,
          both,
          tolerance,
          worst);
    }
  }
}
