package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class LocalityOrderTest {

  private static final GeometryFactory JTS = new GeometryFactory();

  @Test
  void theCurveFillsTheFirstSixteenBySixteenCellsWithOneStepAtATime() {
    long[][] cellAt = new long[256][];
    for (int x = 0; x < 16; x++) {
      for (int y = 0; y < 16; y++) {
        long d = LocalityOrder.hilbert(x, y);
        assertThat(d).isBetween(0L, 255L);
        assertThat(cellAt[(int) d]).as("cell %d visited twice", d).isNull();
        cellAt[(int) d] = new long[] {x, y};
      }
    }
    for (int d = 1; d < 256; d++) {
      long step =
          Math.abs(cellAt[d][0] - cellAt[d - 1][0]) + Math.abs(cellAt[d][1] - cellAt[d - 1][1]);
      assertThat(step).as("from %d to %d", d - 1, d).isEqualTo(1);
    }
  }

  @Test
  void quadrantsInHilbertOrderAndResultsBackInInputOrder() {
    // lower right, upper left, lower left, upper right
    List<Geometry> points = List.of(point(9, 1), point(1, 9), point(1, 1), point(9, 9));
    int[] order = LocalityOrder.of(points);
    assertThat(order).containsExactly(2, 1, 3, 0);
    List<String> computed = Arrays.stream(order).mapToObj(i -> "answer " + i).toList();
    assertThat(LocalityOrder.inInputOrder(order, computed))
        .containsExactly("answer 0", "answer 1", "answer 2", "answer 3");
  }

  @Test
  void everyGeometryIsWorkedOnceEvenWhenTheyCoincide() {
    List<Geometry> many = new ArrayList<>();
    IntStream.range(0, 50).forEach(i -> many.add(point(i % 7, 3)));
    many.add(point(3, 3));
    int[] sorted = LocalityOrder.of(many).clone();
    Arrays.sort(sorted);
    assertThat(sorted).containsExactly(IntStream.range(0, 51).toArray());
    assertThat(LocalityOrder.of(List.of(point(5, 5)))).containsExactly(0);
  }

  private static Geometry point(double x, double y) {
    return JTS.createPoint(new Coordinate(x, y));
  }
}
