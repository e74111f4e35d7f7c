package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request in the raster's own projected CRS is not transformed: its coordinates are the raster's,
 * so whole cells count whole and a point on a cell edge reads the cell below/right of it, as GDAL's
 * {@code gdallocationinfo -geoloc} does (the floor of the pixel coordinate).
 */
class ProjectedRequestIdentityTest {

  private static final int SIZE = 30;
  private static Terrace terrace;

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    // Values row * 100 + col tell which cell was read. Origins are whole multiples of the 10 m
    // cell.
    SyntheticGeoTiff.builder(SIZE, SIZE)
        .projected(32145)
        .origin(500_000, 100_000)
        .cellSize(10)
        .values((col, row) -> row * 100 + col)
        .write(dir.resolve("vermont.tif"));
    SyntheticGeoTiff.builder(SIZE, SIZE)
        .projected(32633)
        .origin(500_000, 5_000_000)
        .cellSize(10)
        .values((col, row) -> row * 100 + col)
        .write(dir.resolve("utm.tif"));
    ObjectMapper json = new ObjectMapper();
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"p\",\"protocol\":\"cog\",\"datasets\":["
            + "{\"name\":\"vermont\",\"path\":"
            + json.writeValueAsString(dir.resolve("vermont.tif").toString())
            + "},"
            + "{\"name\":\"utm\",\"path\":"
            + json.writeValueAsString(dir.resolve("utm.tif").toString())
            + "}]}]}");
    terrace = Terrace.embedded(catalog);
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static Object read(Geometry g, String dataset, String crs, Aggregation aggregation) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(g)
                .datasets("p:" + dataset)
                .crs(crs)
                .aggregation(aggregation)
                .pixelRule(PixelRule.EXACT)
                .build())
        .results()
        .get(0)
        .jsonValue();
  }

  @Test
  void nineWholeCellsInEpsg32145CountNine() {
    // Cells 5..7 x 5..7: x 500050..500080, y 99920..99950.
    Polygon square =
        Polygon.of(
            new double[][] {
              {500_050, 99_920},
              {500_080, 99_920},
              {500_080, 99_950},
              {500_050, 99_950},
              {500_050, 99_920}
            });
    assertThat(read(square, "vermont", "EPSG:32145", Aggregation.COUNT)).isEqualTo(9.0);
    assertThat(read(square, "vermont", "EPSG:32145", Aggregation.SUM))
        .isEqualTo((double) (3 * (500 + 600 + 700) + 3 * (5 + 6 + 7)));
  }

  @Test
  void theSameCrsByAnotherIdentifierIsTheIdentityToo() {
    Polygon square =
        Polygon.of(
            new double[][] {
              {500_050, 99_920},
              {500_080, 99_920},
              {500_080, 99_950},
              {500_050, 99_950},
              {500_050, 99_920}
            });
    assertThat(read(square, "vermont", "urn:ogc:def:crs:EPSG::32145", Aggregation.COUNT))
        .isEqualTo(9.0);
  }

  @ParameterizedTest(name = "({0}, {1}) reads row {2} col {3}")
  @CsvSource({
    // The point: on the edge between rows 14 and 15, inside column 6.
    "500060, 4999850, 15, 6",
    // Corners: four cells meet; GDAL takes the one below and to the right.
    "500060, 4999860, 14, 6",
    "500010, 4999990, 1, 1",
    "500000, 5000000, 0, 0",
    "500290, 4999710, 29, 29",
    // On a vertical edge only.
    "500070, 4999855, 14, 7",
    "500000, 4999995, 0, 0"
  })
  void aPointOnAnEdgeReadsTheCellBelowAndRight(double x, double y, int row, int col) {
    assertThat(read(Point.of(x, y), "utm", "EPSG:32633", Aggregation.MEAN))
        .isEqualTo((double) (row * 100 + col));
  }
}
