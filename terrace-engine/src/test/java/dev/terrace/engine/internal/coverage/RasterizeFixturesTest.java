package dev.terrace.engine.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;

/**
 * Lines and overlapping MultiPolygons against the committed fixtures (rasterize/README.md): the
 * cells GDAL 3.6's rasterizer burns, with and without {@code ALL_TOUCHED=TRUE}, for CENTER and
 * ALL_TOUCHED; for EXACT lines, the length of line in each cell as shapely's intersection with the
 * cell's box gives it.
 */
class RasterizeFixturesTest {

  static Stream<RasterizeFixtures.Row> rows() {
    return RasterizeFixtures.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void cellsAndWeightsMatchTheFixture(RasterizeFixtures.Row row) {
    Geometry g = CoverageTest.wkt(row.wkt());
    Map<String, Double> expected = new TreeMap<>();
    if (!row.cells().isEmpty()) {
      for (String cell : row.cells().split(" ")) {
        String[] f = cell.split(":");
        expected.put(f[0] + ":" + f[1], f.length > 2 ? Double.parseDouble(f[2]) : 1.0);
      }
    }
    Map<String, Double> actual = new TreeMap<>();
    if (row.isLine()) {
      LineCells cells = LineCoverage.compute(g, row.pixelRule());
      for (int i = 0; i < cells.size(); i++) {
        int r = cells.row(i);
        int c = cells.col(i);
        // GDAL burns only the raster's cells; the fixture's grid is the raster.
        if (r >= 0 && c >= 0 && r < RasterizeFixtures.HEIGHT && c < RasterizeFixtures.WIDTH) {
          actual.put(r + ":" + c, cells.weight(i));
        }
      }
    } else {
      CoverageBlock block =
          Coverage.compute(g, RasterizeFixtures.WIDTH, RasterizeFixtures.HEIGHT, row.pixelRule());
      for (int r = 0; r < RasterizeFixtures.HEIGHT; r++) {
        for (int c = 0; c < RasterizeFixtures.WIDTH; c++) {
          if (block.fractionAt(r, c) > 0) {
            actual.put(r + ":" + c, block.fractionAt(r, c));
          }
        }
      }
    }
    assertThat(actual.keySet()).as(row.toString()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertThat(actual.get(e.getKey()))
          .as("%s cell %s", row, e.getKey())
          .isCloseTo(e.getValue(), within(1e-9));
    }
  }
}
