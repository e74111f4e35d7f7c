package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.LimitCheck;
import dev.terrace.api.Operation;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.crs.CrsIdentifier;
import dev.terrace.engine.internal.geometry.GeometryReader;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code extract.estimate} on a deflated 200 × 160 raster of 16 × 16 tiles (13 across, 10 down),
 * cells of 0.25° from (10, 50): tiles, bytes and cells counted by hand and against the file's own
 * tile index, read here with the JDK's TIFF reader, and not a cell decoded.
 */
class EstimatorTest {

  /** Cells 20.5 to 39.5 across and 9.5 to 29.5 down: tile columns 1-2, rows 0-1. */
  private static final Polygon BOX = Polygon.rectangle(15.125, 42.625, 19.875, 47.625);

  /** Every cell of the raster. */
  private static final Polygon ALL = Polygon.rectangle(10, 10, 60, 50);

  private static Path file;
  private static Engine engine;

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    file = dir.resolve("ramp.tif");
    SyntheticGeoTiff.builder(200, 160)
        .tileSize(16)
        .compression(SyntheticGeoTiff.Compression.DEFLATE)
        .geographic()
        .origin(10, 50)
        .cellSize(0.25)
        .values((col, row) -> (col * 7 + row * 13) % 97)
        .write(file);
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"est\",\"protocol\":\"cog\",\"datasets\":["
            + "{\"name\":\"ramp\",\"path\":"
            + new ObjectMapper().writeValueAsString(file.toString())
            + "}]}]}");
    engine =
        Engine.open(
            Catalog.load(catalog),
            new Limits(2, 3, 10_000, 20_000, 2),
            Executors.newVirtualThreadPerTaskExecutor());
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aBoxCountsItsFourTilesTheirBytesAndItsCellsWithoutDecodingAny() throws Exception {
    long decodes = TileCache.shared().stats().decodes();
    Estimate e = engine.estimate(EstimateRequest.of(ExtractRequest.of(BOX, "est:ramp")));
    assertThat(TileCache.shared().stats().decodes()).as("blocks decoded").isEqualTo(decodes);

    long[] byteCounts = tileByteCounts(file);
    assertThat(byteCounts).hasSize(130);
    // Tiles (row, col) (0, 1), (0, 2), (1, 1), (1, 2); 13 tiles to a row.
    long bytes = byteCounts[1] + byteCounts[2] + byteCounts[14] + byteCounts[15];
    assertThat(e.operation()).isEqualTo(Operation.EXTRACT);
    assertThat(e.geometries()).isOne();
    assertThat(e.tiles()).isEqualTo(4);
    assertThat(e.localTiles()).isEqualTo(4);
    assertThat(e.remoteTiles()).isZero();
    assertThat(e.bytes()).isEqualTo(bytes).isEqualTo(e.localBytes());
    assertThat(e.remoteBytes()).isZero();
    // 20 columns (20 to 39) by 21 rows (9 to 29).
    assertThat(e.cells()).isEqualTo(420);
    assertThat(e.datasets()).hasSize(1);
    assertThat(e.datasets().get(0).datasetId()).isEqualTo("est:ramp");
    assertThat(e.datasets().get(0).timestamps()).isOne();
    assertThat(e.datasets().get(0).tiles()).isEqualTo(4);
    assertThat(e.datasets().get(0).bytes()).isEqualTo(bytes);
    assertThat(e.datasets().get(0).cells()).isEqualTo(420);
    assertThat(e.limits())
        .containsExactly(
            new LimitCheck("geometries", 1, 3, true),
            new LimitCheck("datasets", 1, 2, true),
            new LimitCheck("vertices", 5, 10_000, true),
            new LimitCheck("cells", 420, 20_000, true));
    assertThat(e.withinLimits()).isTrue();
    assertThat(e.warnings()).isEmpty();
    assertThat(e.estimatedSeconds()).isEqualTo(420 / e.rate().cellsPerSecond());

    // The same cells as the up-front budget counts, and as many as the extraction reads.
    long budgeted =
        UpFrontBudget.check(
            List.of(GeometryReader.read(BOX, 10_000, true, false, "geometry")),
            List.of(engine.catalog().dataset("est:ramp").orElseThrow()),
            CrsIdentifier.resolve("EPSG:4326"),
            new PixelBudget(20_000));
    assertThat(budgeted).isEqualTo(420);
    assertThat(engine.extract(ExtractRequest.of(BOX, "est:ramp")).results().get(0).pixelCount())
        .isEqualTo(420);
  }

  @Test
  void aBatchCountsEachTileOnceAndReportsTheLimitsItBreaks() {
    Polygon next = Polygon.rectangle(15.125, 42.625, 19.875, 47.625);
    BatchExtractRequest batch =
        BatchExtractRequest.of(
            List.of(BOX, next, ALL, Point.of(10.1, 49.9)), "est:ramp", "est:ramp", "est:ramp");
    Estimate e = engine.estimate(EstimateRequest.of(batch));
    assertThat(e.operation()).isEqualTo(Operation.EXTRACT_BATCH);
    assertThat(e.geometries()).isEqualTo(4);
    // ALL touches every one of the 130 tiles, and the others nothing more; three datasets.
    assertThat(e.datasets().get(0).tiles()).isEqualTo(130);
    assertThat(e.tiles()).isEqualTo(390);
    assertThat(e.bytes()).isEqualTo(3 * java.util.Arrays.stream(tileByteCounts(file)).sum());
    // 420 + 420 + 201 × 161 per dataset; the point counts none, as in the budget.
    assertThat(e.datasets().get(0).cells()).isEqualTo(420 + 420 + 201 * 161);
    assertThat(e.cells()).isEqualTo(3L * (420 + 420 + 201 * 161));
    assertThat(e.limits())
        .containsExactly(
            new LimitCheck("geometries", 4, 3, false),
            new LimitCheck("datasets", 3, 2, false),
            new LimitCheck("vertices", 5, 10_000, true),
            new LimitCheck("cells", 3L * (420 + 420 + 201 * 161), 20_000, false));
    assertThat(e.withinLimits()).isFalse();
    // The operation itself refuses it.
    assertThatThrownBy(() -> engine.batchExtract(batch))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            x -> assertThat(x.errorType()).hasValue(ErrorType.REQUEST_LIMIT));
  }

  @Test
  void theRateIsTheDefaultUntilAnExtractionIsMeasured() {
    try (Engine fresh =
        Engine.open(
            engine.catalog(), Limits.defaults(), Executors.newVirtualThreadPerTaskExecutor())) {
      EstimateRequest request = EstimateRequest.of(ExtractRequest.of(ALL, "est:ramp"));
      Estimate before = fresh.estimate(request);
      assertThat(before.rate().measured()).isFalse();
      assertThat(before.rate().extractions()).isZero();
      assertThat(before.rate().cellsPerSecond()).isEqualTo(RateMeter.DEFAULT_CELLS_PER_SECOND);
      assertThat(before.cells()).isEqualTo(201 * 161);
      assertThat(before.estimatedSeconds())
          .isEqualTo(201 * 161 / RateMeter.DEFAULT_CELLS_PER_SECOND);

      fresh.extract(ExtractRequest.of(ALL, "est:ramp"));
      Estimate after = fresh.estimate(request);
      assertThat(after.rate().measured()).isTrue();
      assertThat(after.rate().extractions()).isOne();
      assertThat(after.estimatedSeconds()).isEqualTo(201 * 161 / after.rate().cellsPerSecond());
    }
  }

  @Test
  void aTimeSeriesCountsEachTimestampItReads() {
    // Around point 1 of the bcsd fixture (row 6, column 32) in the built-in netCDF bcsd:pr.
    Polygon zone = Polygon.rectangle(-81.3, 36.0, -80.7, 36.5);
    try (Engine builtin =
        Engine.open(
            Catalog.builtin(), Limits.defaults(), Executors.newVirtualThreadPerTaskExecutor())) {
      long budgeted =
          UpFrontBudget.check(
              List.of(GeometryReader.read(zone, 10_000, true, false, "geometry")),
              List.of(builtin.catalog().dataset("bcsd:pr").orElseThrow()),
              CrsIdentifier.resolve("EPSG:4326"),
              new PixelBudget(Long.MAX_VALUE));
      assertThat(budgeted).isPositive();
      Estimate spring =
          builtin.estimate(
              EstimateRequest.of(
                  ExtractRequest.builder()
                      .geometry(zone)
                      .datasets("bcsd:pr")
                      .timeRange(dev.terrace.api.TimeRange.of("1999-03", "1999-05"))
                      .build()));
      Estimate year = builtin.estimate(EstimateRequest.of(ExtractRequest.of(zone, "bcsd:pr")));

      assertThat(spring.datasets().get(0).timestamps()).isEqualTo(3);
      assertThat(year.datasets().get(0).timestamps()).isEqualTo(12);
      // The budget counts one timestamp up front, reading spends it once per timestamp.
      assertThat(spring.cells()).isEqualTo(3 * budgeted);
      assertThat(year.cells()).isEqualTo(12 * budgeted);
      assertThat(year.tiles()).isEqualTo(4 * spring.tiles());
      // netCDF keeps no index of stored bytes the reader exposes: unknown, not zero.
      assertThat(year.datasets().get(0).bytes()).isNull();
    }
  }

  @Test
  void anInvalidPolygonInABatchIsSkippedWithAWarningAsTheBatchWouldSkipIt() {
    // A bowtie: its two edges cross at (17.5, 45).
    Polygon bowtie =
        new Polygon(
            new double[][][] {{{15, 42.5}, {20, 47.5}, {20, 42.5}, {15, 47.5}, {15, 42.5}}});
    Estimate e =
        engine.estimate(
            EstimateRequest.of(BatchExtractRequest.of(List.of(BOX, bowtie), "est:ramp")));
    assertThat(e.geometries()).isEqualTo(2);
    assertThat(e.cells()).as("the box's alone").isEqualTo(420);
    assertThat(e.tiles()).isEqualTo(4);
    assertThat(e.warnings())
        .containsExactly(
            "geometries[1] is an invalid polygon: its own entry would fail, reading nothing");
  }

  @Test
  void invalidBodiesAreRefusedNamingTheFieldUnderTheirMember() {
    assertThatThrownBy(() -> engine.estimate(new EstimateRequest(null, null)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorType()).hasValue(ErrorType.VALIDATION_ERROR);
              assertThat(e.fieldErrors().get(0).loc()).containsExactly("extract");
            });
    ExtractRequest unknown = ExtractRequest.of(BOX, "est:nothing");
    assertThatThrownBy(() -> engine.estimate(EstimateRequest.of(unknown)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.fieldErrors().get(0).loc())
                    .containsExactly("extract", "dataset_ids", 0));
    BatchExtractRequest badLatitude =
        BatchExtractRequest.of(List.of(BOX, Point.of(10, 95)), "est:ramp");
    assertThatThrownBy(() -> engine.estimate(EstimateRequest.of(badLatitude)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.fieldErrors().get(0).loc())
                    .startsWith("extract_batch", "geometries", 1));
  }

  /** The TileByteCounts of the file's first image, as the JDK's own TIFF reader sees them. */
  private static long[] tileByteCounts(Path tiff) {
    try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
      reader.setInput(in);
      Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_tiff_image_1.0");
      NodeList fields = ((Element) root).getElementsByTagName("TIFFField");
      for (int i = 0; i < fields.getLength(); i++) {
        Element f = (Element) fields.item(i);
        if ("325".equals(f.getAttribute("number"))) {
          NodeList values = f.getElementsByTagName("TIFFLong");
          if (values.getLength() == 0) {
            values = f.getElementsByTagName("TIFFShort");
          }
          long[] out = new long[values.getLength()];
          for (int k = 0; k < out.length; k++) {
            out[k] = Long.parseLong(((Element) values.item(k)).getAttribute("value"));
          }
          return out;
        }
      }
      throw new AssertionError("no TileByteCounts in " + tiff);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
