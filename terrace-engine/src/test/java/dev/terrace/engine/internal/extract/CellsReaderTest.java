package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Cell;
import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.PixelLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The cells returned for the lines and overlapping MultiPolygons of {@code rasterize/rasterize.csv}
 * are the cells GDAL 3.6 burns (CENTER, ALL_TOUCHED), with for EXACT lines the length of line in
 * each; read from {@code cells/grid_16x12.tif}, the fixtures' grid as a raster whose cell (row,
 * col) holds 100 row + col.
 */
class CellsReaderTest {

  private static final Pattern ROW = Pattern.compile("([^,]+),([^,]+),\"([^\"]*)\",(.*)");

  private static GeoTiff grid;
  private static Layer layer;

  @BeforeAll
  static void open() throws Exception {
    grid =
        GeoTiff.open(Path.of(CellsReaderTest.class.getResource("/cells/grid_16x12.tif").toURI()));
    layer = new Layer(null, grid, 1, grid.band(1));
  }

  @AfterAll
  static void close() throws IOException {
    grid.close();
  }

  record Fixture(String id, PixelRule rule, String wkt, Map<String, Double> cells) {
    @Override
    public String toString() {
      return id + " " + rule;
    }
  }

  static Stream<Fixture> fixtures() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            CellsReaderTest.class.getResourceAsStream("/rasterize/rasterize.csv"))) {
      List<Fixture> out = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : List.of(lines).subList(1, lines.length)) {
        Matcher m = ROW.matcher(line.strip());
        if (!m.matches()) {
          throw new IllegalStateException(line);
        }
        Map<String, Double> cells = new TreeMap<>();
        for (String cell : m.group(4).isBlank() ? new String[0] : m.group(4).strip().split(" ")) {
          String[] f = cell.split(":");
          cells.put(f[0] + ":" + f[1], f.length > 2 ? Double.parseDouble(f[2]) : 1.0);
        }
        out.add(
            new Fixture(
                m.group(1),
                PixelRule.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                m.group(3),
                cells));
      }
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theCellsAreThoseGdalBurnsWithTheirValuesInRowMajorOrder(Fixture fixture)
      throws ParseException {
    Geometry g = new WKTReader().read(fixture.wkt());
    RequestGeometry.Kind kind =
        g.getDimension() == 1 ? RequestGeometry.Kind.LINES : RequestGeometry.Kind.AREAS;
    Measurement m = reader(fixture.rule(), CellRules.NONE).read(List.of(layer), g, kind)[0];

    Map<String, Double> actual = new TreeMap<>();
    for (Cell c : m.cells()) {
      actual.put(c.row() + ":" + c.col(), c.coverage());
      assertThat(c.value()).as("value of %s", c).isEqualTo(100 * c.row() + c.col());
      assertThat(c.centerX()).isEqualTo(c.col() + 0.5).isEqualTo(c.rasterX());
      assertThat(c.centerY()).isEqualTo(12 - c.row() - 0.5).isEqualTo(c.rasterY());
    }
    assertThat(actual.keySet())
        .as(fixture.toString())
        .containsExactlyElementsOf(fixture.cells().keySet());
    fixture
        .cells()
        .forEach(
            (cell, weight) ->
                assertThat(actual.get(cell))
                    .as("%s cell %s", fixture, cell)
                    .isCloseTo(weight, within(1e-9)));
    assertThat(m.cells())
        .isSortedAccordingTo(
            (a, b) ->
                a.row() != b.row()
                    ? Long.compare(a.row(), b.row())
                    : Long.compare(a.col(), b.col()));
    assertThat(m.validCells()).isEqualTo(m.cells().size());
    assertThat(m.validWeight())
        .isCloseTo(fixture.cells().values().stream().mapToDouble(d -> d).sum(), within(1e-9));
  }

  @Test
  void aLineLeavingTheRasterReturnsItsCellsInsideAndCountsTheRestMissing() throws ParseException {
    Geometry g = new WKTReader().read("LINESTRING (14.5 5.5, 18.5 5.5)");
    Measurement m =
        reader(PixelRule.EXACT, CellRules.NONE)
            .read(List.of(layer), g, RequestGeometry.Kind.LINES)[0];

    assertThat(m.cells()).extracting(Cell::col).containsExactly(14L, 15L);
    assertThat(m.validWeight()).isCloseTo(1.5, within(1e-12));
    assertThat(m.missingWeight()).isCloseTo(2.5, within(1e-12));
    assertThat(m.nodataWeight()).isZero();
  }

  @Test
  void pointsInOneCellMakeOneCellWeighingTheirNumber() throws ParseException {
    Geometry g = new WKTReader().read("MULTIPOINT ((3.2 4.7), (1.5 0.5), (3.9 4.1), (20 1))");
    Measurement m =
        reader(PixelRule.CENTER, CellRules.NONE)
            .read(List.of(layer), g, RequestGeometry.Kind.POINTS)[0];

    assertThat(m.cells())
        .extracting(Cell::row, Cell::col, Cell::value, Cell::coverage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 1L, 1.0, 1.0),
            org.assertj.core.groups.Tuple.tuple(4L, 3L, 403.0, 2.0));
    assertThat(m.validWeight()).isEqualTo(3);
    assertThat(m.missingWeight()).as("the point beyond the raster").isEqualTo(1);
  }

  @Test
  void minCoverageFracLeavesOutCellsCoveredLess() throws ParseException {
    // Columns 1 and 4 a quarter covered, 2 and 3 wholly, over rows 1 and 2.
    Geometry g = new WKTReader().read("POLYGON ((1.75 1, 4.25 1, 4.25 3, 1.75 3, 1.75 1))");
    Measurement all =
        reader(PixelRule.EXACT, CellRules.NONE)
            .read(List.of(layer), g, RequestGeometry.Kind.AREAS)[0];
    Measurement most =
        reader(PixelRule.EXACT, CellRules.of(0.5, null))
            .read(List.of(layer), g, RequestGeometry.Kind.AREAS)[0];

    assertThat(all.cells())
        .extracting(Cell::coverage)
        .containsExactly(0.25, 1.0, 1.0, 0.25, 0.25, 1.0, 1.0, 0.25);
    assertThat(most.cells()).extracting(Cell::value).containsExactly(102.0, 103.0, 202.0, 203.0);
    assertThat(most.validWeight()).isEqualTo(4);
  }

  private static CellsReader reader(PixelRule rule, CellRules rules) {
    return new CellsReader(rule, rules, new CellCentres(grid.grid(), PixelLocator.wgs84()));
  }
}
