package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.extract.Zonal;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.stats.Statistic;
import dev.terrace.engine.internal.stats.StatisticRequest;
import dev.terrace.testkit.http.RangeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * Every GeoTIFF variant of {@code src/test/resources/fidelity/} (written by GDAL 3.6; see the
 * README there for what each group tests and for the semantics) must give GDAL's answers, or be
 * refused with a documented message:
 *
 * <ul>
 *   <li>{@code values}: each point of {@code points.csv} gives GDAL's value (exactly; to 1e-12
 *       relative when a scale or offset applies; 64-bit integers as exact integers), or no value
 *       and quality {@code missing} where GDAL found nodata, a masked cell, NaN or no cell. Each
 *       polygon of {@code polygons.csv} gives GDAL's centre-rule count exactly and sum, mean, min
 *       and max to 1e-9 relative (64-bit min and max exactly); with count 0, no value and quality
 *       {@code missing}. The file's overview count is GDAL's.
 *   <li>{@code refuse}: {@link GeoTiff#open}, or reading the band, throws {@link
 *       RasterFormatException} whose message contains the refusal keyword.
 *   <li>{@code partial} (a truncated file): points in intact tiles give GDAL's value; points in
 *       lost tiles give a missing result with a warning, never an exception.
 *   <li>Level-1 rows (the first overview of a COG with a mask) are compared with the centre-rule
 *       statistics {@link Zonal} computes on the overview ({@link GeoTiff#overviews()}).
 * </ul>
 *
 * <p>Everything runs twice: from the local files, and over loopback HTTP with {@link RangeServer}
 * serving the folder (sidecars included; datasets that need a sidecar say {@code "sidecars": true}
 * in the catalog). One batch request per (transport, statistic, up to 50 datasets sharing their
 * geometries) with all those geometries.
 */
class GdalVariantsTest {

  private static final String DIR = "fidelity/";
  private static final List<String> STATISTICS = List.of("count", "sum", "mean", "min", "max");
  private static final double REL = 1e-9;
  private static final double REL_SCALED = 1e-12;

  /** The engine's default request limits: datasets per request and geometries per batch. */
  private static final int MAX_DATASETS = 50;

  private static final int MAX_GEOMETRIES = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, Outcome> ANSWERS = new ConcurrentHashMap<>();
  private static final Map<Transport, Terrace> ENGINES = new ConcurrentHashMap<>();
  private static final Map<Transport, Terrace> SIDECAR_ENGINES = new ConcurrentHashMap<>();
  private static final Map<String, List<Integer>> GEOMETRY_IDS = new ConcurrentHashMap<>();
  private static volatile Path catalogDir;
  private static volatile RangeServer server;

  enum Transport {
    FILE("file"),
    HTTP("http");

    final String label;

    Transport(String label) {
      this.label = label;
    }
  }

  /** A row of variants.csv. */
  record Variant(
      String file,
      int band,
      String group,
      String expect,
      String refusal,
      int overviews,
      String dataType,
      List<String> sidecars) {

    static Variant of(Map<String, String> row) {
      return new Variant(
          row.get("file"),
          Integer.parseInt(row.get("band")),
          row.get("group"),
          row.get("expect"),
          row.get("refusal"),
          Integer.parseInt(row.get("overviews")),
          row.get("data_type"),
          row.get("sidecars").isEmpty() ? List.of() : List.of(row.get("sidecars").split(";")));
    }

    String datasetName() {
      return file.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT) + "_b" + band;
    }

    String datasetId() {
      return (sidecars.isEmpty() ? "fidelity:" : "fidelity_sidecars:") + datasetName();
    }

    boolean sixtyFourBit() {
      return dataType.equals("Int64") || dataType.equals("UInt64");
    }

    String label() {
      return file + " b" + band + " [" + group + "]";
    }
  }

  private static final Map<String, Variant> VARIANTS = variants();

  private static Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (Map<String, String> row : Conformance.csv(DIR + "variants.csv")) {
      Variant v = Variant.of(row);
      out.put(v.file() + "|" + v.band(), v);
    }
    return out;
  }

  private static Variant variant(Map<String, String> row) {
    Variant v = VARIANTS.get(row.get("file") + "|" + row.get("band"));
    if (v == null) {
      throw new IllegalStateException(
          "no variants.csv row for " + row.get("file") + " band " + row.get("band"));
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Cases

  static Stream<Arguments> refusals() {
    List<Arguments> out = new ArrayList<>();
    for (Transport t : Transport.values()) {
      for (Variant v : VARIANTS.values()) {
        if (v.expect().equals("refuse")) {
          out.add(
              Arguments.of(
                  Named.of(t.label + " " + v.label() + " refused: \"" + v.refusal() + "\"", t), v));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> overviewCounts() {
    List<Arguments> out = new ArrayList<>();
    for (Transport t : Transport.values()) {
      for (Variant v : VARIANTS.values()) {
        if (!v.expect().equals("refuse")
            && v.band()
                == VARIANTS.values().stream()
                    .filter(o -> o.file().equals(v.file()))
                    .mapToInt(Variant::band)
                    .min()
                    .orElseThrow()) {
          out.add(
              Arguments.of(
                  Named.of(
                      t.label
                          + " "
                          + v.file()
                          + " ["
                          + v.group()
                          + "] overviews = "
                          + v.overviews(),
                      t),
                  v));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> points() {
    List<Arguments> out = new ArrayList<>();
    for (Transport t : Transport.values()) {
      for (Map<String, String> row : Conformance.csv(DIR + "points.csv")) {
        Variant v = variant(row);
        String expected =
            switch (row.get("status")) {
              case "value" -> row.get("value");
              case "nodata" -> "no value";
              default -> "missing with a warning (GDAL: " + row.get("status") + ")";
            };
        String label =
            t.label
                + " "
                + v.label()
                + " point #"
                + row.get("point_id")
                + " ("
                + row.get("lon")
                + ", "
                + row.get("lat")
                + ") -> "
                + expected;
        out.add(Arguments.of(Named.of(label, t), v, row));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> polygons() {
    List<Arguments> out = new ArrayList<>();
    for (Transport t : Transport.values()) {
      for (Map<String, String> row : Conformance.csv(DIR + "polygons.csv")) {
        Variant v = variant(row);
        for (String stat : STATISTICS) {
          String expected = row.get(stat).isEmpty() ? "no value" : row.get(stat);
          String label =
              t.label
                  + " "
                  + v.label()
                  + (row.get("level").equals("0") ? "" : " level " + row.get("level"))
                  + " polygon #"
                  + row.get("polygon_id")
                  + " "
                  + stat
                  + " -> "
                  + expected;
          out.add(Arguments.of(Named.of(label, t), v, row, stat));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWhatGdalCannotPlace(Transport transport, Variant v) {
    named(
        transport,
        v.label() + " refusal",
        () -> {
          try (GeoTiff tiff = open(transport, v.file())) {
            // Some refusals need a block's bytes (lossy WebP is told apart from lossless only
            // inside a tile).
            tiff.read(tiff.grid().extent(), v.band());
            fail(
                "%s opened and read without complaint (grid %s x %s, transform %s, CRS %s); expected a "
                    + "RasterFormatException mentioning \"%s\"",
                v.file(),
                tiff.grid().width(),
                tiff.grid().height(),
                tiff.grid().transform(),
                tiff.grid().crsName(),
                v.refusal());
          } catch (RasterFormatException e) {
            assertThat(e.getMessage()).as("refusal message").containsIgnoringCase(v.refusal());
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overviewCounts")
  void hasGdalsOverviews(Transport transport, Variant v) {
    named(
        transport,
        v.file() + " overviews",
        () -> {
          try (GeoTiff tiff = open(transport, v.file())) {
            assertThat(tiff.overviews())
                .as("overviews of %s (GDAL: %s)", v.file(), v.overviews())
                .hasSize(v.overviews());
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void pointGivesGdalsValue(Transport transport, Variant v, Map<String, String> row) {
    named(
        transport,
        v.label() + " point #" + row.get("point_id"),
        () -> checkPoint(transport, v, row));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("polygons")
  void polygonStatisticIsGdals(
      Transport transport, Variant v, Map<String, String> row, String stat) {
    named(
        transport,
        v.label()
            + " level "
            + row.get("level")
            + " polygon #"
            + row.get("polygon_id")
            + " "
            + stat,
        () -> {
          if (row.get("level").equals("0")) {
            checkPolygon(transport, v, row, stat);
          } else {
            checkOverviewPolygon(transport, v, row, stat);
          }
        });
  }

  /** Surefire reports parameterized cases by index: name the case in the message. */
  private static void named(Transport transport, String what, Runnable check) {
    try {
      check.run();
    } catch (AssertionError e) {
      throw new AssertionError(transport.label + " " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new AssertionError(transport.label + " " + what + ": " + e, e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Checks

  private static void checkPoint(Transport transport, Variant v, Map<String, String> row) {
    int id = Integer.parseInt(row.get("point_id"));
    Outcome outcome = answers(transport, v, "points", null);
    String status = row.get("status");
    if (outcome.failure() != null) {
      fail(
          "the batch request failed%s: %s",
          status.equals("error")
              ? " (a lost tile must give a missing result " + "with a warning, never an exception)"
              : "",
          outcome.failure());
    }
    Answer response = outcome.answers().get(id);
    assertThat(response).as("answer for point %d", id).isNotNull();
    ExtractResult result = response.result();
    assertThat(result).as("result for point %d", id).isNotNull();
    switch (status) {
      case "nodata" -> {
        assertThat(result.jsonValue()).as("value (GDAL: nodata, masked or outside)").isNull();
        assertThat(result.quality()).as("quality").isEqualTo(Quality.MISSING);
      }
      case "error" -> {
        assertThat(result.jsonValue())
            .as("value (GDAL cannot read this cell: its tile is lost)")
            .isNull();
        assertThat(result.quality()).as("quality").isEqualTo(Quality.MISSING);
        assertThat(response.warnings()).as("warnings (a lost tile must be reported)").isNotEmpty();
      }
      case "value" -> {
        assertThat(result.value())
            .as("value (GDAL: %s; warnings %s)", row.get("value"), response.warnings())
            .isNotNull();
        if (v.sixtyFourBit()) {
          exact(result.jsonValue(), row.get("value"), "value");
        } else {
          double expected = Double.parseDouble(row.get("value"));
          double actual = result.number().orElseThrow();
          if (row.get("value").equals(row.get("raw"))) {
            assertThat(actual).as("value (raw %s)", row.get("raw")).isEqualTo(expected);
          } else {
            near(
                actual,
                expected,
                REL_SCALED,
                "value (raw " + row.get("raw") + " with scale/offset)");
          }
        }
      }
      default -> throw new IllegalStateException("status " + status);
    }
  }

  private static void checkPolygon(
      Transport transport, Variant v, Map<String, String> row, String stat) {
    int id = Integer.parseInt(row.get("polygon_id"));
    Outcome outcome = answers(transport, v, "polygons", stat);
    if (outcome.failure() != null) {
      fail("the batch request failed: %s", outcome.failure());
    }
    Answer response = outcome.answers().get(id);
    assertThat(response).as("answer for polygon %d", id).isNotNull();
    ExtractResult result = response.result();
    assertThat(result).as("result for polygon %d", id).isNotNull();
    long count = Long.parseLong(row.get("count"));
    if (stat.equals("count")) {
      assertThat(result.number()).as("count (warnings %s)", response.warnings()).isPresent();
      assertThat(result.number().getAsDouble())
          .as("centre-rule count of valid cells")
          .isEqualTo((double) count);
      if (count == 0) {
        assertThat(result.quality()).as("quality of an empty zone").isEqualTo(Quality.MISSING);
      }
      return;
    }
    if (count == 0) {
      // As exactextract: a sum over no cell is 0, the statistics of the values have none.
      assertThat(result.jsonValue())
          .as("%s of a zone without a valid cell", stat)
          .isEqualTo(stat.equals("sum") ? 0.0 : null);
      assertThat(result.quality()).as("quality of an empty zone").isEqualTo(Quality.MISSING);
      return;
    }
    assertThat(result.jsonValue()).as("%s (warnings %s)", stat, response.warnings()).isNotNull();
    if (v.sixtyFourBit() && (stat.equals("min") || stat.equals("max"))) {
      exact(result.jsonValue(), row.get(stat), stat);
    } else {
      near(result.number().orElseThrow(), Double.parseDouble(row.get(stat)), REL, stat);
    }
  }

  /**
   * Level-1 rows: the overview summarised by the engine's own zonal reader ({@link Zonal}), which
   * honours the overview's nodata and its mask (the mask's own overview), as GDAL's answers do.
   */
  private static void checkOverviewPolygon(
      Transport transport, Variant v, Map<String, String> row, String stat) {
    int level = Integer.parseInt(row.get("level"));
    Polygon polygon =
        (Polygon)
            Conformance.features(DIR + "geometries.geojson")
                .get(Integer.parseInt(row.get("polygon_id")));
    try (GeoTiff tiff = open(transport, v.file())) {
      assertThat(tiff.overviews()).as("overviews").hasSizeGreaterThanOrEqualTo(level);
      RasterSource ov = tiff.overviews().get(level - 1);
      GeometryFactory gf = new GeometryFactory();
      LinearRing[] rings =
          Arrays.stream(polygon.coordinates())
              .map(
                  ring ->
                      gf.createLinearRing(
                          Arrays.stream(ring)
                              .map(p -> new Coordinate(p[0], p[1]))
                              .toArray(Coordinate[]::new)))
              .toArray(LinearRing[]::new);
      CellAccumulator stats =
          Zonal.summarise(
              ov,
              v.band(),
              gf.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length)),
              PixelLocator.wgs84(),
              PixelRule.CENTER,
              List.of(StatisticRequest.of(Statistic.COUNT), StatisticRequest.of(Statistic.SUM)));
      long count = Long.parseLong(row.get("count"));
      if (stat.equals("count")) {
        assertThat(stats.cells()).as("centre-rule count of valid overview cells").isEqualTo(count);
        return;
      }
      if (count == 0) {
        assertThat(stats.cells()).as("valid cells").isZero();
        return;
      }
      double actual =
          switch (stat) {
            case "sum" -> stats.sum();
            case "mean" -> stats.mean().orElseThrow();
            case "min" -> stats.min().orElseThrow();
            case "max" -> stats.max().orElseThrow();
            default -> throw new IllegalStateException(stat);
          };
      near(
          actual,
          Double.parseDouble(row.get(stat)),
          REL,
          stat + " over " + stats.cells() + " cells");
    }
  }

  private static void exact(Object actual, String expected, String what) {
    assertThat(actual).as("%s is a number", what).isInstanceOf(Number.class);
    BigDecimal a = new BigDecimal(actual.toString());
    assertThat(a.compareTo(new BigDecimal(expected)))
        .as(
            "%s: %s (%s) must be exactly %s",
            what, actual, actual.getClass().getSimpleName(), expected)
        .isZero();
  }

  private static void near(double actual, double expected, double rel, String what) {
    double diff = Math.abs(actual - expected);
    if (!(diff <= rel * Math.abs(expected)) && actual != expected) {
      fail(
          "%s: %s, expected %s (difference %s, relative %s; allowed %s)",
          what,
          actual,
          expected,
          diff,
          expected == 0 ? Double.POSITIVE_INFINITY : diff / Math.abs(expected),
          rel);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Engines, catalogs, answers

  /** A dataset's result for one geometry, with the response's warnings that name the dataset. */
  record Answer(ExtractResult result, List<String> warnings) {}

  /** A dataset's answers by geometry id, or why its request failed. */
  record Outcome(Map<Integer, Answer> answers, String failure) {}

  /**
   * The answers for a variant. Computed together for every variant read by the same engine with the
   * same geometries: one batch request per up to {@value #MAX_DATASETS} datasets (and {@value
   * #MAX_GEOMETRIES} geometries); when such a request fails as a whole, each dataset is asked on
   * its own, so that the failure is pinned on the datasets that cause it.
   */
  private static synchronized Outcome answers(
      Transport transport, Variant v, String kind, String aggregation) {
    Outcome known = ANSWERS.get(key(transport, v, kind, aggregation));
    if (known != null) {
      return known;
    }
    List<Integer> ids = geometryIds(v, kind);
    List<Variant> group = new ArrayList<>();
    for (Variant o : VARIANTS.values()) {
      if (o.expect().equals("refuse")
          || o.sidecars().isEmpty() != v.sidecars().isEmpty()
          || !geometryIds(o, kind).equals(ids)
          || ANSWERS.containsKey(key(transport, o, kind, aggregation))) {
        continue;
      }
      if (aggregation != null && !aggregation.equals("count")) {
        // A dataset the count request could not read at all is not asked again for the other
        // statistics (an
        // unreadable dataset is retried on every request, which over HTTP costs seconds): its cases
        // report the
        // count request's failure or warnings.
        Outcome counted = answers(transport, o, kind, "count");
        if (unreadable(counted)) {
          ANSWERS.put(key(transport, o, kind, aggregation), counted);
          continue;
        }
      }
      group.add(o);
    }
    for (int from = 0; from < group.size(); from += MAX_DATASETS) {
      List<Variant> chunk = group.subList(from, Math.min(group.size(), from + MAX_DATASETS));
      try {
        ANSWERS.putAll(batch(transport, chunk, ids, kind, aggregation));
      } catch (RuntimeException whole) {
        for (Variant one : chunk) {
          try {
            ANSWERS.putAll(batch(transport, List.of(one), ids, kind, aggregation));
          } catch (RuntimeException e) {
            ANSWERS.put(key(transport, one, kind, aggregation), new Outcome(null, e.toString()));
          }
        }
      }
    }
    return ANSWERS.get(key(transport, v, kind, aggregation));
  }

  /**
   * @return whether the request failed, or gave no geometry a value and warned about the dataset
   *     each time
   */
  private static boolean unreadable(Outcome outcome) {
    return outcome.failure() != null
        || outcome.answers().values().stream()
            .allMatch(
                a ->
                    a.result() != null
                        && a.result().jsonValue() == null
                        && a.result().quality() == Quality.MISSING
                        && !a.warnings().isEmpty());
  }

  private static String key(Transport transport, Variant v, String kind, String aggregation) {
    return transport + "|" + v.datasetId() + "|" + kind + "|" + aggregation;
  }

  private static Map<String, Outcome> batch(
      Transport transport,
      List<Variant> variants,
      List<Integer> ids,
      String kind,
      String aggregation) {
    Map<Integer, Geometry> features = Conformance.features(DIR + "geometries.geojson");
    Terrace engine = engine(transport, !variants.get(0).sidecars().isEmpty());
    List<String> datasetIds = variants.stream().map(Variant::datasetId).toList();
    List<Map<Integer, Answer>> answers = new ArrayList<>();
    variants.forEach(x -> answers.add(new LinkedHashMap<>()));
    for (int from = 0; from < ids.size(); from += MAX_GEOMETRIES) {
      List<Integer> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_GEOMETRIES));
      BatchExtractRequest.Builder request =
          BatchExtractRequest.builder()
              .geometries(chunk.stream().map(features::get).toList())
              .datasetIds(datasetIds);
      if (aggregation != null) {
        request.pixelRule(PixelRule.CENTER).aggregation(aggregation);
      }
      BatchExtractResponse response = engine.batchExtract(request.build());
      if (response.responses().size() != chunk.size()) {
        throw new IllegalStateException(
            "a batch of "
                + chunk.size()
                + " geometries was answered "
                + response.responses().size()
                + " times");
      }
      for (int i = 0; i < chunk.size(); i++) {
        ExtractResponse r = response.responses().get(i);
        for (int d = 0; d < datasetIds.size(); d++) {
          String id = datasetIds.get(d);
          ExtractResult result =
              r.results().stream().filter(x -> id.equals(x.datasetId())).findFirst().orElse(null);
          List<String> warnings =
              r.warnings().stream().filter(w -> w.startsWith(id + ":")).toList();
          answers.get(d).put(chunk.get(i), new Answer(result, warnings));
        }
      }
    }
    Map<String, Outcome> out = new LinkedHashMap<>();
    for (int d = 0; d < variants.size(); d++) {
      out.put(
          key(transport, variants.get(d), kind, aggregation), new Outcome(answers.get(d), null));
    }
    return out;
  }

  /** The ids of the points or (level-0) polygons GDAL answered for a variant, in file order. */
  private static List<Integer> geometryIds(Variant v, String kind) {
    return GEOMETRY_IDS.computeIfAbsent(
        v.file() + "|" + v.band() + "|" + kind,
        k -> {
          String column = kind.equals("points") ? "point_id" : "polygon_id";
          return Conformance.csv(DIR + kind + ".csv").stream()
              .filter(
                  r ->
                      r.get("file").equals(v.file())
                          && r.get("band").equals(Integer.toString(v.band()))
                          && r.get("level").equals("0"))
              .map(r -> Integer.parseInt(r.get(column)))
              .distinct()
              .toList();
        });
  }

  private static Path fixtures() {
    return Conformance.resource(DIR + "variants.csv").getParent();
  }

  private static GeoTiff open(Transport transport, String file) {
    return transport == Transport.FILE
        ? GeoTiff.open(fixtures().resolve(file))
        : GeoTiff.open(server().uri("/" + file));
  }

  private static synchronized RangeServer server() {
    if (server == null) {
      RangeServer s = RangeServer.start();
      try (Stream<Path> files = Files.list(fixtures())) {
        files.filter(Files::isRegularFile).forEach(f -> s.serve("/" + f.getFileName(), f));
      } catch (IOException e) {
        s.close();
        throw new UncheckedIOException(e);
      }
      server = s;
    }
    return server;
  }

  /**
   * The engine over a catalog of every variant that is read (not refused), one dataset per (file,
   * band). Over HTTP the variants with sidecars are in a catalog of their own with {@code
   * "sidecars": true}, so that a catalog that cannot load them does not take the others down.
   */
  private static Terrace engine(Transport transport, boolean sidecars) {
    Map<Transport, Terrace> engines =
        sidecars && transport == Transport.HTTP ? SIDECAR_ENGINES : ENGINES;
    return engines.computeIfAbsent(transport, t -> Terrace.embedded(catalog(t, sidecars)));
  }

  private static Path catalog(Transport transport, boolean sidecarCatalog) {
    boolean split = transport == Transport.HTTP;
    ObjectNode root = JSON.createObjectNode();
    ArrayNode providers = root.putArray("providers");
    for (boolean withSidecars : new boolean[] {false, true}) {
      if (split && withSidecars != sidecarCatalog) {
        continue;
      }
      ObjectNode provider = JSON.createObjectNode();
      provider.put("slug", withSidecars ? "fidelity_sidecars" : "fidelity");
      provider.put("name", "GDAL fidelity variants" + (withSidecars ? " with sidecars" : ""));
      provider.put("protocol", "cog");
      ArrayNode datasets = provider.putArray("datasets");
      for (Variant v : VARIANTS.values()) {
        if (v.expect().equals("refuse") || v.sidecars().isEmpty() == withSidecars) {
          continue;
        }
        ObjectNode d = datasets.addObject();
        d.put("name", v.datasetName());
        d.put("band", v.band());
        d.put("data_type", "continuous");
        if (transport == Transport.FILE) {
          d.put("path", fixtures().resolve(v.file()).toString());
        } else {
          d.put("url", server().uri("/" + v.file()).toString());
          if (withSidecars) {
            d.put("sidecars", true);
          }
        }
      }
      if (!datasets.isEmpty()) {
        providers.add(provider);
      }
    }
    try {
      Path dir = catalogDir();
      Path file =
          dir.resolve(
              "catalog-"
                  + transport.label
                  + (sidecarCatalog && split ? "-sidecars" : "")
                  + ".json");
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path catalogDir() throws IOException {
    if (catalogDir == null) {
      catalogDir = Files.createTempDirectory("gdal-variants");
    }
    return catalogDir;
  }

  @AfterAll
  static void close() throws IOException {
    Stream.concat(ENGINES.values().stream(), SIDECAR_ENGINES.values().stream())
        .forEach(Terrace::close);
    ENGINES.clear();
    SIDECAR_ENGINES.clear();
    ANSWERS.clear();
    if (server != null) {
      server.close();
      server = null;
    }
    if (catalogDir != null) {
      try (Stream<Path> files = Files.list(catalogDir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(catalogDir);
      catalogDir = null;
    }
  }
}
