package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.testkit.http.RangeServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The 1000 reference polygons over the reference DEM cut into a 4 × 4 static STAC catalog ({@code
 * scripts/make_stac_mosaic.sh}), read as one {@code protocol: stac} dataset, against the same
 * polygons over the single COG, in one engine, the two alternating, each pass with the tile cache
 * emptied. Twice: the catalog and its COGs on disk against the COG on disk; and the items found by
 * a STAC API search (a loopback server answering {@code POST /search} with the 16 items) and read
 * over loopback HTTP against the COG over the same HTTP server, counting the searches. Prints each
 * pass's times, their ratio, and how far the mosaic's answers are from the COG's.
 *
 * <pre>terrace-bench/run StacMosaicBench [--reps N] [--aggregation mean] [--rule exact]</pre>
 */
public final class StacMosaicBench {

  private StacMosaicBench() {}

  /**
   * @param args {@code --reps N} (default 5), {@code --aggregation} (default mean), {@code --rule}
   *     (default exact)
   * @throws Exception if the reference data cannot be read
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int reps = Integer.parseInt(options.getOrDefault("reps", "5"));
    String aggregation = options.getOrDefault("aggregation", "mean");
    PixelRule rule =
        PixelRule.valueOf(options.getOrDefault("rule", "exact").toUpperCase(Locale.ROOT));
    Path dem = BenchData.data("bench_dem_cog.tif");
    Path stac = BenchData.data("stac16/catalog.json");
    Path polygons = BenchData.data("polygons.geojson");
    BenchData.requireReferenceData(dem, stac, polygons);
    List<Geometry> geometries = new ArrayList<>();
    for (JsonNode f : BenchData.JSON.readTree(polygons.toFile()).get("features")) {
      geometries.add(BenchData.JSON.treeToValue(f.get("geometry"), Geometry.class));
    }

    AtomicInteger searches = new AtomicInteger();
    try (RangeServer files = RangeServer.start()) {
      files.serve("/bench_dem_cog.tif", dem);
      for (int row = 0; row < 4; row++) {
        for (int col = 0; col < 4; col++) {
          String id = "dem_r" + row + "c" + col;
          files.serve("/items/" + id + ".tif", stac.resolveSibling("items/" + id + ".tif"));
        }
      }
      HttpServer api = searchApi(stac, files, searches);
      try {
        Path catalog = Files.createTempFile("terrace-bench-stac-", ".json");
        catalog.toFile().deleteOnExit();
        Files.writeString(
            catalog,
            """
            {"providers":[
              {"slug":"disk","protocol":"cog","datasets":[{"name":"dem","path":"%s"}]},
              {"slug":"diskstac","protocol":"stac","datasets":[
                {"name":"dem","stac":{"catalog":"%s","asset":"data"}}]},
              {"slug":"http","protocol":"cog","datasets":[{"name":"dem","url":"%s"}]},
              {"slug":"httpstac","protocol":"stac","datasets":[
                {"name":"dem","stac":{"api":"http://127.0.0.1:%d/","collection":"dem","asset":"data"}}]}]}
            """
                .formatted(dem, stac, files.uri("/bench_dem_cog.tif"), api.getAddress().getPort()));
        try (Terrace terrace = Terrace.embedded(catalog)) {
          compare(terrace, geometries, aggregation, rule, reps, "disk:dem", "diskstac:dem", null);
          compare(
              terrace, geometries, aggregation, rule, reps, "http:dem", "httpstac:dem", searches);
        }
      } finally {
        api.stop(0);
      }
    }
  }

  private static void compare(
      Terrace terrace,
      List<Geometry> geometries,
      String aggregation,
      PixelRule rule,
      int reps,
      String single,
      String mosaic,
      AtomicInteger searches) {
    System.out.printf(
        Locale.ROOT,
        "%n%s against %s, %d polygons, %s, %s%n",
        mosaic,
        single,
        geometries.size(),
        aggregation,
        rule);
    System.out.println("pass  single_ms  mosaic_ms  ratio  searches");
    List<Double> ratios = new ArrayList<>();
    List<ExtractResponse> a = null;
    List<ExtractResponse> b = null;
    for (int pass = 0; pass <= reps; pass++) {
      boolean mosaicFirst = pass % 2 == 1;
      long[] ms = new long[2];
      int searched = 0;
      for (int k = 0; k < 2; k++) {
        boolean isMosaic = (k == 0) == mosaicFirst;
        TileCache.shared().invalidateAll();
        int before = searches == null ? 0 : searches.get();
        long t0 = System.nanoTime();
        List<ExtractResponse> r =
            terrace
                .batchExtract(
                    BatchExtractRequest.builder()
                        .geometries(geometries)
                        .datasets(isMosaic ? mosaic : single)
                        .aggregation(aggregation)
                        .pixelRule(rule)
                        .build())
                .responses();
        ms[isMosaic ? 1 : 0] = (System.nanoTime() - t0) / 1_000_000;
        if (isMosaic) {
          b = r;
          searched = searches == null ? 0 : searches.get() - before;
        } else {
          a = r;
        }
      }
      double ratio = (double) ms[1] / ms[0];
      if (pass > 0) {
        ratios.add(ratio);
      }
      System.out.printf(
          Locale.ROOT,
          "%4d  %9d  %9d  %5.2f  %8s%n",
          pass,
          ms[0],
          ms[1],
          ratio,
          searches == null ? "-" : Integer.toString(searched));
    }
    ratios.sort(null);
    System.out.printf(
        Locale.ROOT,
        "median ratio (passes 1..%d): %.2f%n",
        reps,
        ratios.isEmpty() ? Double.NaN : ratios.get(ratios.size() / 2));
    int equal = 0;
    int missing = 0;
    int shown = 0;
    double worst = 0;
    for (int i = 0; i < a.size(); i++) {
      var x = a.get(i).results().get(0).number();
      var y = b.get(i).results().get(0).number();
      if (x.isEmpty() || y.isEmpty()) {
        // Without a value on both sides (no cell centre in a small polygon) the answers agree.
        equal += x.isEmpty() == y.isEmpty() ? 1 : 0;
        missing += x.isEmpty() == y.isEmpty() ? 0 : 1;
        continue;
      }
      if (Double.compare(x.getAsDouble(), y.getAsDouble()) == 0) {
        equal++;
      } else {
        if (shown++ < 3) {
          System.out.printf(
              Locale.ROOT,
              "  polygon %d: %s (%d cells) against %s (%d cells)%n",
              i,
              x.getAsDouble(),
              a.get(i).results().get(0).pixelCount(),
              y.getAsDouble(),
              b.get(i).results().get(0).pixelCount());
        }
        worst =
            Math.max(
                worst, Math.abs(x.getAsDouble() - y.getAsDouble()) / Math.abs(x.getAsDouble()));
      }
    }
    int qualities = 0;
    double coverage = 0;
    for (int i = 0; i < a.size(); i++) {
      var x = a.get(i).results().get(0);
      var y = b.get(i).results().get(0);
      qualities += x.quality() == y.quality() ? 0 : 1;
      if (x.coverageFraction() != null && y.coverageFraction() != null) {
        coverage = Math.max(coverage, Math.abs(x.coverageFraction() - y.coverageFraction()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "quality: %d polygons graded otherwise; coverage fraction at most %.3g apart%n",
        qualities,
        coverage);
    System.out.printf(
        Locale.ROOT,
        "answers: %d the same (bit-equal, or no value on both sides), %d differ (largest relative difference %.3g), %d missing on one side only%n",
        equal,
        a.size() - equal - missing,
        worst,
        missing);
  }

  /**
   * A STAC API of one collection, {@code dem}: every search answers the 16 items, their assets on
   * {@code files}.
   */
  private static HttpServer searchApi(Path stac, RangeServer files, AtomicInteger searches)
      throws IOException {
    ArrayNode features = BenchData.JSON.createArrayNode();
    for (JsonNode link : BenchData.JSON.readTree(stac.toFile()).get("links")) {
      if (link.get("rel").asText().equals("item")) {
        Path itemFile = stac.resolveSibling(link.get("href").asText().replaceFirst("^\\./", ""));
        ObjectNode item = (ObjectNode) BenchData.JSON.readTree(itemFile.toFile());
        item.put("collection", "dem");
        String tif = item.at("/assets/data/href").asText().replaceFirst("^\\./", "");
        ((ObjectNode) item.at("/assets/data")).put("href", files.uri("/items/" + tif).toString());
        features.add(item);
      }
    }
    ObjectNode page = BenchData.JSON.createObjectNode().put("type", "FeatureCollection");
    page.set("features", features);
    page.putArray("links");
    byte[] body = BenchData.JSON.writeValueAsBytes(page);
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/search",
        (HttpExchange exchange) -> {
          searches.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/geo+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    return api;
  }
}
