package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.InvalidRequestException;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.preview.Legend;
import dev.terrace.engine.internal.preview.PreviewTile;
import dev.terrace.engine.internal.preview.TileRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Preview tiles of a STAC mosaic whose items were cut from one raster on its grid are that raster's
 * tiles, pixel for pixel, read from disk or over HTTP; its class colours likewise.
 */
class StacPreviewTest extends StacWorld {

  static Engine engine;

  @BeforeAll
  static void openEngine() {
    engine = Engine.open(Catalog.load(dir.resolve("catalog.json")), Limits.defaults());
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @ParameterizedTest(name = "{0} as {1}, {2}/{3}/{4}")
  @CsvSource({
    "items:elev, file:elev, 8, 132, 87, terrain",
    "items:elev, file:elev, 9, 264, 174, viridis",
    "served:elev, file:elev, 8, 132, 87, terrain",
  })
  void aMosaicIsDrawnAsTheRasterItsItemsWereCutFrom(
      String mosaic, String raster, int z, int x, int y, String colormap) throws IOException {
    String rescale = "141,547";
    BufferedImage items = image(tile(mosaic, z, x, y, colormap, rescale));
    BufferedImage file = image(tile(raster, z, x, y, colormap, rescale));
    int opaque = 0;
    for (int r = 0; r < 256; r++) {
      for (int c = 0; c < 256; c++) {
        assertThat(items.getRGB(c, r)).as("pixel (%d, %d)", c, r).isEqualTo(file.getRGB(c, r));
        opaque += items.getRGB(c, r) >>> 24 == 0 ? 0 : 1;
      }
    }
    assertThat(opaque).isGreaterThan(1000);
  }

  /**
   * The collection names one class, 300 ("three hundred metres"): the legend lists it, and only its
   * cells are coloured, in the palette's first colour; a cell of another code has no class to show.
   */
  @Test
  void aMosaicsClassesAreThoseItsCollectionNames() throws IOException {
    Legend legend = engine.previews().info("items:classes", null, null, null).legend();
    assertThat(legend.classes())
        .containsExactly(new Legend.ClassColour(300, "three hundred metres", "#1f77b4"));
    BufferedImage items = image(tile("items:classes", 8, 132, 87, null, null));
    BufferedImage elevation = image(tile("file:elev", 8, 132, 87, "greys", "299.5,300.5"));
    int coloured = 0;
    for (int r = 0; r < 256; r++) {
      for (int c = 0; c < 256; c++) {
        int argb = items.getRGB(c, r);
        // greys over 299.5..300.5: 300 is 127 (127.5 + 0.45, truncated), 299 black, 301 white
        boolean threeHundred = elevation.getRGB(c, r) == 0xff7f7f7f;
        assertThat(argb).as("pixel (%d, %d)", c, r).isEqualTo(threeHundred ? 0xff1f77b4 : 0);
        coloured += threeHundred ? 1 : 0;
      }
    }
    assertThat(coloured).isPositive();
  }

  @Test
  void aMosaicWithoutAValidRangeNeedsARescale() {
    assertThatThrownBy(() -> tile("items:elev", 8, 132, 87, "viridis", null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("rescale=min,max");
  }

  static PreviewTile tile(String dataset, int z, int x, int y, String colormap, String rescale) {
    return engine.previews().tile(new TileRequest(dataset, z, x, y, 1, colormap, rescale, null));
  }

  static BufferedImage image(PreviewTile tile) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(tile.png()));
  }
}
