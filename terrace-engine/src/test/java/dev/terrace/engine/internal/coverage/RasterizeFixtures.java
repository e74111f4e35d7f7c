package dev.terrace.engine.internal.coverage;

import dev.terrace.api.PixelRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rows of {@code rasterize/rasterize.csv}: GDAL's burned cells and shapely's line lengths per
 * cell.
 */
final class RasterizeFixtures {

  /** The fixtures' grid, in cells. */
  static final int WIDTH = 16;

  static final int HEIGHT = 12;

  /**
   * @param cells "row:col" or "row:col:length", space-separated
   */
  record Row(String id, String rule, String wkt, String cells) {
    PixelRule pixelRule() {
      return PixelRule.valueOf(rule.toUpperCase(java.util.Locale.ROOT));
    }

    boolean isLine() {
      return wkt.startsWith("LINESTRING") || wkt.startsWith("MULTILINESTRING");
    }

    @Override
    public String toString() {
      return id + " " + rule;
    }
  }

  private RasterizeFixtures() {}

  static List<Row> rows() {
    try (InputStream in =
        Objects.requireNonNull(
            RasterizeFixtures.class.getResourceAsStream("/rasterize/rasterize.csv"),
            "rasterize.csv")) {
      List<Row> rows = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        rows.add(parse(lines[i]));
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * id,rule,wkt,cells where only the WKT is quoted (it holds commas) and no field holds a quote.
   */
  private static Row parse(String line) {
    int a = line.indexOf(',');
    int b = line.indexOf(',', a + 1);
    String rest = line.substring(b + 1);
    String wkt;
    String cells;
    if (rest.startsWith("\"")) {
      int close = rest.indexOf('"', 1);
      wkt = rest.substring(1, close);
      cells = rest.substring(close + 2);
    } else {
      int c = rest.indexOf(',');
      wkt = rest.substring(0, c);
      cells = rest.substring(c + 1);
    }
    return new Row(line.substring(0, a), line.substring(a + 1, b), wkt, cells.strip());
  }
}
