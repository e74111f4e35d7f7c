package dev.terrace.engine.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.PixelRule;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * MultiPolygons with many parts (a country's islands, a set of parcels): the rings are stored in
 * arrays that grow as parts are added, past 16 rings among them. Parts lie in disjoint 10 x 10
 * boxes, so each cell's value must be the one its own part gives alone.
 */
class CoverageManyPartsTest {

  @ParameterizedTest
  @ValueSource(ints = {10, 17, 1_000, 10_000})
  void manyDisjointPartsCoverWhatEachPartCoversAlone(int parts) {
    Random rnd = new Random(parts);
    int perRow = (int) Math.ceil(Math.sqrt(parts));
    int size = perRow * 10;
    Polygon[] polygons = new Polygon[parts];
    for (int i = 0; i < parts; i++) {
      double cx = (i % perRow) * 10 + 5 + rnd.nextDouble() - 0.5;
      double cy = (i / perRow) * 10 + 5 + rnd.nextDouble() - 0.5;
      // Every third part has a hole: two rings for those parts.
      polygons[i] = Shapes.star(rnd, cx, cy, 4, i % 3 == 0, 0);
    }
    MultiPolygon all = Shapes.FACTORY.createMultiPolygon(polygons);
    for (PixelRule rule : PixelRule.values()) {
      CoverageBlock whole = Coverage.compute(all, size, size, rule);
      double sumOfParts = 0;
      for (Polygon p : polygons) {
        CoverageBlock part = Coverage.compute(p, size, size, rule);
        sumOfParts += part.sum();
        for (int r = part.row(); r < part.row() + part.height(); r++) {
          for (int c = part.col(); c < part.col() + part.width(); c++) {
            double alone = part.fractionAt(r, c);
            assertThat(whole.fractionAt(r, c))
                .as("%s cell (%d, %d)", rule, r, c)
                .isCloseTo(alone, within(1e-12));
          }
        }
      }
      assertThat(whole.sum()).as(rule.toString()).isCloseTo(sumOfParts, within(1e-9 * parts));
    }
  }
}
