package dev.terrace.engine.internal.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BoundingBox;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Polygons larger than a tile are read in parts, one per tile, by the out-of-core runner ({@link
 * TileOrder}), and their merged partials answer exactly what reading each polygon whole answers:
 * the same value, quality, coverage fraction and cell count, to the bit, for every pixel rule and
 * the statistics that merge across parts (mean, median, std, sum, min, count, majority, minority,
 * distribution). The first dataset is read in parts, the second whole, in the polygon's home part.
 *
 * <p>The rasters: 1280 × 1280 cells of 0.001° from (5, 50), in 10 × 10 tiles of 128. {@code grid}
 * holds c + 1280 r at column c, row r, with nodata (−9999) where c + r is a multiple of 101; {@code
 * classes} holds one of five classes in bands, {@code series} three months of another pattern. The
 * polygons: random rectangles, triangles and stars up to 4 tiles across, some beyond the raster's
 * edge, one with a hole, a MultiPolygon, with a point, a line and a self-intersecting polygon among
 * them (read whole, or failing their own row).
 */
class PolygonPartsTest {

  private static final int SIZE = 1280;

  @TempDir static Path dir;
  private static Engine engine;
  private static Catalog catalog;
  private static Path catalogFile;
  private static final List<Geometry> GEOMETRIES = new ArrayList<>();

  @BeforeAll
  static void write() throws IOException {
    Path grid = dir.resolve("grid.tif");
    SyntheticGeoTiff.builder(SIZE, SIZE)
        .tileSize(128)
        .compression(SyntheticGeoTiff.Compression.DEFLATE)
        .geographic()
        .origin(5, 50)
        .cellSize(0.001)
        .nodata(-9999)
        .values((c, r) -> (c + r) % 101 == 0 ? -9999 : c + SIZE * r + 0.25 * (c % 3))
        .write(grid);
    Path classes = dir.resolve("classes.tif");
    SyntheticGeoTiff.builder(SIZE, SIZE)
        .tileSize(128)
        .geographic()
        .origin(5, 50)
        .cellSize(0.001)
        .values((c, r) -> (c / 37 + r / 53) % 5 + 1)
        .write(classes);
    StringBuilder steps = new StringBuilder();
    for (int month = 1; month <= 3; month++) {
      Path step = dir.resolve("series-" + month + ".tif");
      int m = month;
      SyntheticGeoTiff.builder(SIZE, SIZE)
          .tileSize(128)
          .geographic()
          .origin(5, 50)
          .cellSize(0.001)
          .nodata(-9999)
          .values((c, r) -> (c * m + r) % 97 == 0 ? -9999 : (c % 50) * m + r * 0.5)
          .write(step);
      steps
          .append(month == 1 ? "" : ",")
          .append("{\"time\":\"2024-0")
          .append(month)
          .append("\",\"path\":\"")
          .append(step.toString().replace("\\", "\\\\"))
          .append("\"}");
    }
    // The grid with a run of bytes in the middle of its tiles' data overwritten: a tile that does
    // not
    // decode.
    Path damaged = dir.resolve("damaged.tif");
    byte[] bytes = Files.readAllBytes(grid);
    java.util.Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 4096, (byte) 0x5a);
    Files.write(damaged, bytes);
    catalogFile = dir.resolve("catalog.json");
    Files.writeString(
        catalogFile,
        "{\"providers\":[{\"slug\":\"syn\",\"protocol\":\"cog\",\"datasets\":["
            + dataset("grid", grid, "continuous")
            + ","
            + dataset("classes", classes, "categorical")
            + ","
            + dataset("damaged", damaged, "continuous")
            + ",{\"name\":\"series\",\"data_type\":\"continuous\",\"time_steps\":["
            + steps
            + "]}]}]}");
    catalog = Catalog.load(catalogFile);
    engine = Engine.open(catalog, Limits.defaults());

    Random random = new Random(20);
    for (int i = 0; i < 120; i++) {
      double lon = 4.95 + random.nextDouble() * 1.35;
      double lat = 48.68 + random.nextDouble() * 1.35;
      double w = 0.005 + random.nextDouble() * 0.5;
      double h = 0.005 + random.nextDouble() * 0.5;
      GEOMETRIES.add(
          switch (i % 3) {
            case 0 -> Polygon.rectangle(lon, lat, lon + w, lat + h);
            case 1 ->
                new Polygon(
                    new double[][][] {
                      {{lon, lat}, {lon + w, lat + h / 3}, {lon + w / 4, lat + h}, {lon, lat}}
                    });
            default -> star(lon + w / 2, lat + h / 2, w / 2, h / 2);
          });
    }
    GEOMETRIES.add(
        new Polygon(
            new double[][][] {
              {{5.1, 49.1}, {5.9, 49.1}, {5.9, 49.9}, {5.1, 49.9}, {5.1, 49.1}},
              {{5.3, 49.3}, {5.3, 49.7}, {5.7, 49.7}, {5.7, 49.3}, {5.3, 49.3}}
            }));
    GEOMETRIES.add(
        new MultiPolygon(
            new double[][][][] {
              Polygon.rectangle(5.02, 49.02, 5.3, 49.2).coordinates(),
              Polygon.rectangle(6.0, 49.5, 6.35, 49.9).coordinates()
            }));
    GEOMETRIES.add(Point.of(5.5, 49.5));
    GEOMETRIES.add(new LineString(new double[][] {{5.05, 48.75}, {6.2, 49.95}}));
    GEOMETRIES.add(
        new Polygon(
            new double[][][] {{{5.1, 49.1}, {5.9, 49.9}, {5.9, 49.1}, {5.1, 49.9}, {5.1, 49.1}}}));
  }

  private static String dataset(String name, Path tif, String type) {
    return "{\"name\":\""
        + name
        + "\",\"path\":\""
        + tif.toString().replace("\\", "\\\\")
        + "\",\"data_type\":\""
        + type
        + "\"}";
  }

  private static Polygon star(double lon, double lat, double rx, double ry) {
    double[][] ring = new double[11][];
    for (int k = 0; k < 10; k++) {
      double a = Math.PI * k / 5;
      double f = k % 2 == 0 ? 1 : 0.45;
      ring[k] = new double[] {lon + f * rx * Math.cos(a), lat + f * ry * Math.sin(a)};
    }
    ring[10] = ring[0];
    return new Polygon(new double[][][] {ring});
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static List<Arguments> requests() {
    List<Arguments> out = new ArrayList<>();
    for (PixelRule rule : PixelRule.values()) {
      for (String aggregation : List.of("mean", "median", "std", "sum", "min", "count")) {
        out.add(Arguments.of(rule, aggregation, List.of("syn:grid", "syn:classes")));
      }
      for (String aggregation : List.of("majority", "minority")) {
        out.add(Arguments.of(rule, aggregation, List.of("syn:classes", "syn:grid")));
      }
      out.add(Arguments.of(rule, "distribution", List.of("syn:classes")));
      out.add(Arguments.of(rule, "mean", List.of("syn:series", "syn:grid")));
      out.add(Arguments.of(rule, "median", List.of("syn:series")));
      out.add(Arguments.of(rule, "mean", List.of("syn:damaged", "syn:classes")));
    }
    return out;
  }

  /**
   * {@code syn:damaged} has a tile that does not decode: a polygon over it is {@code missing} with
   * the failure as a warning, whether it is read whole or one of its parts meets the tile.
   */
  @ParameterizedTest(name = "{0} {1} of {2}")
  @MethodSource("requests")
  void partsMergeToTheWholePolygonsAnswerToTheBit(
      PixelRule rule, String aggregation, List<String> datasets) throws IOException {
    Function<List<Geometry>, BatchExtractRequest> request =
        g ->
            BatchExtractRequest.builder()
                .geometries(g)
                .datasetIds(datasets)
                .aggregation(aggregation)
                .pixelRule(rule)
                .build();
    List<ExtractResponse> whole = new ArrayList<>();
    for (int from = 0; from < GEOMETRIES.size(); from += 100) {
      whole.addAll(
          Extraction.run(
                  engine,
                  request,
                  GEOMETRIES.subList(from, Math.min(GEOMETRIES.size(), from + 100)),
                  100)
              .stream()
              .map(o -> o.response() == null ? errorOnly(o.error()) : o.response())
              .toList());
    }

    List<String> inParts = new ArrayList<>();
    try (SpillFolder folder = new SpillFolder(dir);
        TileOrder order =
            new TileOrder(folder, TileKeys.of(catalog, request.apply(List.of())), 1 << 20)) {
      for (int row = 0; row < GEOMETRIES.size(); row++) {
        order.add(row, GEOMETRIES.get(row));
      }
      assertThat(order.parts()).as("polygons split").isGreaterThan(GEOMETRIES.size());
      AtomicLong answered = new AtomicLong();
      order.extract(
          engine,
          request,
          50,
          o ->
              StrictJson.MAPPER.writeValueAsBytes(
                  o.response() == null ? errorOnly(o.error()) : o.response()),
          () -> false,
          answered::addAndGet);
      assertThat(answered).as("rows answered, each polygon once").hasValue(GEOMETRIES.size());
      try (TileOrder.Answers answers = order.answers()) {
        for (int row = 0; row < GEOMETRIES.size(); row++) {
          inParts.add(comparable(new String(answers.of(row), StandardCharsets.UTF_8)));
        }
      }
    }
    if (datasets.get(0).equals("syn:damaged")) {
      assertThat(whole)
          .as("polygons over the damaged tile")
          .anyMatch(r -> !r.results().isEmpty() && r.results().get(0).value() == null);
    }
    for (int row = 0; row < GEOMETRIES.size(); row++) {
      assertThat(inParts.get(row))
          .as("row %d: %s", row, GEOMETRIES.get(row))
          .isEqualTo(comparable(StrictJson.MAPPER.writeValueAsString(whole.get(row))));
    }
  }

  /**
   * Two of the samples: a raster in UTM (olinda), whose blocks the polygons' parts are found in
   * through the projection, and one in longitude/latitude (lux).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"olinda:elevation", "lux:elevation"})
  void samplesReadInPartsAnswerAsReadWhole(String dataset) throws IOException {
    try (Engine samples = Engine.open(Catalog.builtin(), Limits.defaults())) {
      BoundingBox box = samples.dataset(dataset).bbox();
      Random random = new Random(dataset.hashCode());
      List<Geometry> polygons = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        double w = (box.maxLon() - box.minLon()) * (0.05 + 0.6 * random.nextDouble());
        double h = (box.maxLat() - box.minLat()) * (0.05 + 0.6 * random.nextDouble());
        double lon = box.minLon() - 0.1 * w + random.nextDouble() * (box.maxLon() - box.minLon());
        double lat = box.minLat() - 0.1 * h + random.nextDouble() * (box.maxLat() - box.minLat());
        polygons.add(star(lon + w / 2, lat + h / 2, w / 2, h / 2));
      }
      for (PixelRule rule : PixelRule.values()) {
        for (String aggregation : List.of("mean", "median", "majority")) {
          Function<List<Geometry>, BatchExtractRequest> request =
              g ->
                  BatchExtractRequest.builder()
                      .geometries(g)
                      .datasets(dataset)
                      .aggregation(aggregation)
                      .pixelRule(rule)
                      .build();
          List<String> whole =
              Extraction.run(samples, request, polygons, 100).stream()
                  .map(o -> comparable(json(o)))
                  .toList();
          try (SpillFolder folder = new SpillFolder(dir);
              TileOrder order =
                  new TileOrder(
                      folder, TileKeys.of(Catalog.builtin(), request.apply(List.of())), 1 << 20)) {
            for (int row = 0; row < polygons.size(); row++) {
              order.add(row, polygons.get(row));
            }
            assertThat(order.parts()).as("parts of polygons split").isGreaterThan(10);
            order.extract(
                samples,
                request,
                30,
                o -> json(o).getBytes(StandardCharsets.UTF_8),
                () -> false,
                answered -> {});
            try (TileOrder.Answers answers = order.answers()) {
              for (int row = 0; row < polygons.size(); row++) {
                assertThat(comparable(new String(answers.of(row), StandardCharsets.UTF_8)))
                    .as("%s %s row %d", rule, aggregation, row)
                    .isEqualTo(whole.get(row));
              }
            }
          }
        }
      }
    }
  }

  /**
   * Through an API that reads no parts (the public {@code Terrace}, as a service elsewhere would),
   * the parts planned are read as their polygons whole, at home, with the same answers.
   */
  @Test
  void anApiThatReadsNoPartsReadsEachPolygonWholeAtHome() throws IOException {
    Function<List<Geometry>, BatchExtractRequest> request =
        g -> BatchExtractRequest.builder().geometries(g).datasets("syn:grid").build();
    List<String> whole =
        Extraction.run(engine, request, GEOMETRIES, 200).stream()
            .map(o -> comparable(json(o)))
            .toList();
    try (Terrace api = Terrace.embedded(catalogFile);
        SpillFolder folder = new SpillFolder(dir);
        TileOrder order =
            new TileOrder(folder, TileKeys.of(catalog, request.apply(List.of())), 1 << 20)) {
      for (int row = 0; row < GEOMETRIES.size(); row++) {
        order.add(row, GEOMETRIES.get(row));
      }
      assertThat(order.parts()).isGreaterThan(GEOMETRIES.size());
      AtomicLong answered = new AtomicLong();
      order.extract(
          api,
          request,
          50,
          o -> json(o).getBytes(StandardCharsets.UTF_8),
          () -> false,
          answered::addAndGet);
      assertThat(answered).as("rows answered, each polygon once").hasValue(GEOMETRIES.size());
      try (TileOrder.Answers answers = order.answers()) {
        for (int row = 0; row < GEOMETRIES.size(); row++) {
          assertThat(comparable(new String(answers.of(row), StandardCharsets.UTF_8)))
              .as("row %d", row)
              .isEqualTo(whole.get(row));
        }
      }
    }
  }

  private static String json(Extraction.Outcome o) {
    try {
      return StrictJson.MAPPER.writeValueAsString(
          o.response() == null ? errorOnly(o.error()) : o.response());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ExtractResponse errorOnly(String error) {
    return new ExtractResponse(null, null, null, List.of(error), 0);
  }

  /** The response without what differs from call to call: ids and timings. */
  private static String comparable(String json) {
    return json.replaceAll("\"(request_id|elapsed_ms)\":[^,}]*,?", "");
  }
}
