package dev.terrace.engine.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileGridTest {

  private static final TileGrid ONE = TileGrid.of(1);

  @Test
  void anEnvelopeAroundATileCornerTouchesTheFourTilesThere() {
    assertThat(ONE.touching(new Envelope(-0.3, 0.4, -0.2, 0.6)))
        .containsExactly(
            new Tile(-1, -1, 1), new Tile(0, -1, 1), new Tile(-1, 0, 1), new Tile(0, 0, 1));
  }

  @Test
  void anEnvelopeInsideOneTileTouchesThatTileOnly() {
    assertThat(ONE.touching(new Envelope(6.1, 6.9, 49.2, 49.3)))
        .containsExactly(new Tile(6, 49, 1));
    assertThat(TileGrid.of(3).touching(new Envelope(6.1, 6.9, 49.2, 49.3)))
        .containsExactly(new Tile(6, 48, 3));
  }

  @Test
  void closedBoxesMeetAlongTheirEdges() {
    assertThat(ONE.touching(new Envelope(0.2, 1, 0.2, 0.8)))
        .containsExactly(new Tile(0, 0, 1), new Tile(1, 0, 1));
  }

  @Test
  void theGlobeEndsAtTheAntimeridianAndThePoles() {
    assertThat(ONE.touching(new Envelope(179.5, 180, 89.5, 90)))
        .containsExactly(new Tile(179, 89, 1));
    assertThat(ONE.touching(new Envelope(-181, -179.5, -91, -89.5)))
        .containsExactly(new Tile(-180, -90, 1));
    assertThat(TileGrid.of(90).touching(new Envelope(-180, 180, -90, 90))).hasSize(8);
    assertThat(ONE.touching(new Envelope())).isEmpty();
  }

  @Test
  void aPointBelongsToTheTileASingleRasterWouldPutItIn() {
    assertThat(ONE.containing(1, 0.5)).as("west edge").isEqualTo(new Tile(1, 0, 1));
    assertThat(ONE.containing(0.5, 1)).as("north edge").isEqualTo(new Tile(0, 0, 1));
    assertThat(ONE.containing(0.5, -90)).isEqualTo(new Tile(0, -90, 1));
    assertThat(ONE.containing(0.5, 90)).isEqualTo(new Tile(0, 89, 1));
    assertThat(ONE.containing(180, 0.5)).isEqualTo(new Tile(-180, 0, 1));
  }

  @Test
  void neighboursWrapAroundTheAntimeridianAndStopAtThePoles() {
    assertThat(ONE.neighbour(new Tile(179, 0, 1), 1, 0)).contains(new Tile(-180, 0, 1));
    assertThat(ONE.neighbour(new Tile(-180, 0, 1), -1, -1)).contains(new Tile(179, -1, 1));
    assertThat(ONE.neighbour(new Tile(0, 89, 1), 0, 1)).isEmpty();
  }

  @Test
  void tileSizesMustBeWholeDegreesThatDivide180() {
    assertThat(TileGrid.of(3).size()).isEqualTo(3);
    for (double bad : new double[] {0, -1, 7, 0.5, 360, Double.NaN}) {
      assertThatThrownBy(() -> TileGrid.of(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("whole number of degrees that divides 180");
    }
  }
}
