package dev.terrace.engine.internal.raster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 300 × 200 grid in blocks of 128 × 64: 3 across (the last 44 wide), 4 down (the last 8 high).
 */
class BlocksTest {

  private final Blocks blocks = new Blocks(300, 200, 128, 64);

  @Test
  void blocksAreNumberedRowByRowFromTheTopLeft() {
    assertThat(blocks.across()).isEqualTo(3);
    assertThat(blocks.at(0, 0)).isZero();
    assertThat(blocks.at(127.99, 63.99)).isZero();
    assertThat(blocks.at(128, 0)).isEqualTo(1);
    assertThat(blocks.at(0, 64)).isEqualTo(3);
    assertThat(blocks.at(299.5, 199.5)).isEqualTo(11);
  }

  @Test
  void positionsOutsideTheGridOrNotNumbersAreOutside() {
    assertThat(blocks.at(-0.01, 5)).isEqualTo(Blocks.OUTSIDE);
    assertThat(blocks.at(300, 5)).isEqualTo(Blocks.OUTSIDE);
    assertThat(blocks.at(5, 200)).isEqualTo(Blocks.OUTSIDE);
    assertThat(blocks.at(Double.NaN, 5)).isEqualTo(Blocks.OUTSIDE);
  }

  @Test
  void aBlocksWindowIsCutAtTheGridsEdges() {
    assertThat(blocks.window(0)).isEqualTo(Window.of(0, 0, 128, 64));
    assertThat(blocks.window(4)).isEqualTo(Window.of(128, 64, 128, 64));
    assertThat(blocks.window(11)).isEqualTo(Window.of(256, 192, 44, 8));
  }
}
