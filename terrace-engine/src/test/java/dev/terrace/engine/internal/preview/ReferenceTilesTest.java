package dev.terrace.engine.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tile of {@code preview/manifest.csv} rendered by the engine against the PNG GDAL rendered
 * for it ({@code make_reference_tiles.py}: {@code gdalwarp -t_srs EPSG:3857 -r near -et 0} to the
 * tile's bounds, then {@code gdaldem color-relief} over the same ramp or the file's colour table):
 * within 1 per channel on at least 99 % of the pixels, and transparent exactly where GDAL's alpha
 * is 0 on as many. The sample datasets at every zoom from 0 to their native one (L7_ETMs through
 * its overviews), @2x, a time step of a netCDF series, and a raster across the antimeridian.
 */
class ReferenceTilesTest {

  @TempDir static Path folder;
  private static Engine engine;

  record Case(
      String file,
      String dataset,
      int z,
      int x,
      int y,
      int scale,
      String colormap,
      String rescale,
      Integer step,
      int opaque) {
    @Override
    public String toString() {
      return file;
    }
  }

  @BeforeAll
  static void open() throws IOException {
    engine = Engine.open(Catalog.builtin(), Limits.defaults());
    antimeridian = Antimeridian.open(folder);
  }

  private static Engine antimeridian;

  @AfterAll
  static void close() {
    engine.close();
    antimeridian.close();
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = resource("manifest.csv")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
      for (String line : lines) {
        String[] f = splitCsv(line);
        out.add(
            new Case(
                f[0],
                f[1],
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                Integer.parseInt(f[5]),
                f[6],
                f[7].isEmpty() ? null : f[7],
                f[8].isEmpty() ? null : Integer.valueOf(f[8]),
                Integer.parseInt(f[9])));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGdal(Case c) throws IOException {
    Engine which = c.dataset().startsWith("test:") ? antimeridian : engine;
    String timestamp =
        c.step() == null
            ? null
            : which.catalog().dataset(c.dataset()).orElseThrow().times().get(c.step()).toString();
    PreviewTile tile =
        which
            .previews()
            .tile(
                new TileRequest(
                    c.dataset(),
                    c.z(),
                    c.x(),
                    c.y(),
                    c.scale(),
                    c.colormap(),
                    c.rescale(),
                    timestamp));
    BufferedImage ours = ImageIO.read(new ByteArrayInputStream(tile.png()));
    BufferedImage gdal;
    try (InputStream in = resource(c.file())) {
      gdal = ImageIO.read(in);
    }
    int size = 256 * c.scale();
    assertThat(ours.getWidth()).isEqualTo(size);
    assertThat(ours.getHeight()).isEqualTo(size);
    int same = 0;
    int opaque = 0;
    List<String> firstDifferences = new ArrayList<>();
    for (int row = 0; row < size; row++) {
      for (int col = 0; col < size; col++) {
        int a = ours.getRGB(col, row);
        int b = gdal.getRGB(col, row);
        if (a >>> 24 != 0) {
          opaque++;
        }
        if (close(a, b)) {
          same++;
        } else if (firstDifferences.size() < 5) {
          firstDifferences.add(String.format("(%d, %d) ours %08x, GDAL %08x", col, row, a, b));
        }
      }
    }
    assertThat(same)
        .as("pixels within 1 per channel of GDAL's; first differences %s", firstDifferences)
        .isGreaterThanOrEqualTo((int) Math.ceil(0.99 * size * size));
    assertThat(Math.abs(opaque - c.opaque()))
        .as("opaque pixels: ours %d, GDAL's %d", opaque, c.opaque())
        .isLessThanOrEqualTo(size * size / 100);
    assertThat(tile.empty()).isEqualTo(opaque == 0);
  }

  /** Both transparent, or both opaque with every channel within 1. */
  private static boolean close(int a, int b) {
    if (a >>> 24 == 0 || b >>> 24 == 0) {
      return a >>> 24 == b >>> 24;
    }
    for (int shift = 0; shift <= 24; shift += 8) {
      if (Math.abs((a >>> shift & 0xff) - (b >>> shift & 0xff)) > 1) {
        return false;
      }
    }
    return true;
  }

  private static String[] splitCsv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        ReferenceTilesTest.class.getResourceAsStream("/preview/" + name), name);
  }
}
