package dev.terrace.engine.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.Engine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells holding nodata are transparent, their neighbours coloured, on both sides of the
 * antimeridian; the default stretch of a dataset without a valid range is its values' range.
 */
class NodataTilesTest {

  @TempDir Path folder;

  @Test
  void nodataCellsAreTransparentAndTheStretchDefaultsToTheValues() throws IOException {
    try (Engine engine = Antimeridian.open(folder)) {
      Previews previews = engine.previews();
      // 0.5° cells, value 100 + column; row 0's columns 0-4 (170° to 172.5° E, 10° to 9.5° N)
      // nodata
      Legend legend = previews.info("test:antimeridian", null, null, null).legend();
      assertThat(legend.min()).isEqualTo(100);
      assertThat(legend.max()).isEqualTo(139);
      // zoom 6, column 62 spans 168.75° to 174.375° E; row 30 spans 11.18° to 5.62° N
      BufferedImage tile =
          ImageIO.read(
              new ByteArrayInputStream(
                  previews
                      .tile(new TileRequest("test:antimeridian", 6, 62, 30, 1, null, null, null))
                      .png()));
      assertThat(tile.getRGB(pixel(171.0, 168.75), row(9.75, 6, 30)) >>> 24).isZero();
      int beside = tile.getRGB(pixel(173.4, 168.75), row(9.75, 6, 30));
      // column 6 holds 106: viridis over 100..139 at 6/39 of the way
      assertThat(beside).isEqualTo(Colormaps.ramp("viridis").orElseThrow().argb(106, 100, 139));
      // west of the antimeridian, 170° W is column 39 (139): the top of the ramp
      BufferedImage west =
          ImageIO.read(
              new ByteArrayInputStream(
                  previews
                      .tile(new TileRequest("test:antimeridian", 6, 1, 30, 1, null, null, null))
                      .png()));
      assertThat(west.getRGB(pixel(-170.2, -174.375), row(5.9, 6, 30))).isEqualTo(0xfffde725);
      assertThat(west.getRGB(pixel(-169.5, -174.375), row(5.9, 6, 30)) >>> 24).isZero();
    }
  }

  /** The tile column of a longitude, in a zoom-6 tile whose west edge is given. */
  private static int pixel(double lon, double west) {
    return (int) ((lon - west) / (360.0 / 64) * 256);
  }

  private static int row(double lat, int z, int y) {
    double mercator = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * 6378137.0;
    double top = TileAddress.HALF_WORLD - y * 2 * TileAddress.HALF_WORLD / (1 << z);
    return (int) ((top - mercator) / (2 * TileAddress.HALF_WORLD / (1 << z)) * 256);
  }
}
