package dev.terrace.engine.conformance.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.Cell;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.geojson.Geometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One row of a peer case table: a peer's test assertion, as a Terrace request and the peer's
 * expected value.
 *
 * <p>Columns: {@code case} (the assertion, for the test's name), {@code source} ({@code <peer>
 * <file>::<test function>}), {@code dataset}, {@code geometry} ({@link PeerGeometry}), {@code
 * aggregation} (Terrace's wire name, or {@code cells.<field>} to read one field of the {@code
 * cells} aggregation: {@code value}, {@code coverage}, {@code center_x}, {@code center_y}, {@code
 * cell_id} (row × width + col, as exactextract numbers cells) or {@code coverage_matrix}), {@code
 * options} ({@code key=value;...} with the request's wire names), {@code expected}, {@code
 * tolerance} (absolute; 0 where the peer asserts equality) and {@code needs} (the engine feature
 * the case needs beyond those on the main line: {@code weights}, {@code coverage_weight}, {@code
 * cells}, {@code tie}, {@code empty_zone}; empty for none).
 *
 * <p>Expected values: a number; {@code >x}; {@code null} (no value); {@code nan} (the peer's NaN:
 * Terrace answers no value, or NaN); {@code error} (the request is refused); {@code {k:v k:v}} for
 * a map of class to number (keys compared as numbers; {@code v} may be {@code *} for "present"; a
 * trailing {@code *} allows other keys); {@code [a b c]} for a list in order, {@code set[a b c]}
 * for one in any order; {@code matrix[a b; c d]} for exactextract's coverage matrix over the cells
 * of the geometry's bounding box (zeros are cells not reported).
 */
record PeerCase(
    String name,
    String source,
    String dataset,
    String geometry,
    String aggregation,
    String options,
    String expected,
    double tolerance,
    String needs) {

  /** The peers' commits the tables were ported from, by the first word of {@code source}. */
  static final Map<String, String> COMMITS =
      Map.of(
          "python-rasterstats", "e51b48a62e3ac7e4ef4a81a8c2a8e5b90fa5e8ac",
          "exactextract", "3b4926bd0237a6ab20b7f69d1dfc960625c3b3af");

  static final List<String> NEEDS =
      List.of("", "weights", "coverage_weight", "cells", "tie", "empty_zone");

  private static final ObjectMapper JSON = new ObjectMapper();

  static PeerCase of(Map<String, String> row) {
    return new PeerCase(
        row.get("case"),
        row.get("source"),
        row.get("dataset"),
        row.get("geometry"),
        row.get("aggregation"),
        row.get("options"),
        row.get("expected"),
        Double.parseDouble(row.get("tolerance")),
        row.get("needs"));
  }

  /**
   * @param table a case table under {@code conformance/peers/}
   * @param needs the {@code needs} value to select
   * @return the rows needing exactly that, as named arguments
   */
  static Stream<Arguments> table(String table, String needs) {
    return PeerCsv.read(table).stream()
        .map(PeerCase::of)
        .filter(c -> c.needs().equals(needs))
        .map(c -> Arguments.of(Named.of(c.label(), c)));
  }

  String label() {
    String peer = source.substring(0, source.indexOf(' '));
    String commit = COMMITS.getOrDefault(peer, "?");
    return peer
        + "@"
        + commit.substring(0, Math.min(7, commit.length()))
        + " "
        + source.substring(source.indexOf(' ') + 1)
        + " — "
        + name;
  }

  private boolean cells() {
    return aggregation.startsWith("cells.");
  }

  private String cellField() {
    return aggregation.substring("cells.".length());
  }

  private PeerRasters.Spec raster() {
    return dataset.startsWith("np:") ? PeerRasters.ALL.get(dataset.substring(3)) : null;
  }

  /**
   * @return the request: built as JSON with the wire names, as a client sends it
   */
  ExtractRequest request() {
    ObjectNode node = JSON.createObjectNode();
    node.putArray("dataset_ids").add(dataset);
    node.put("aggregation", cells() ? "cells" : aggregation);
    PeerRasters.Spec raster = raster();
    if (raster != null) {
      node.put("crs", raster.crs());
    } else if (dataset.startsWith("ee:")) {
      // make_exactextract_fixtures.py's rasters are in EPSG:3857, as PeerRasters' projected ones.
      node.put("crs", "EPSG:" + PeerRasters.PROJECTED);
    }
    if (!options.isBlank()) {
      for (String kv : options.split(";")) {
        String[] p = kv.split("=", 2);
        String key = p[0].strip();
        String value = p[1].strip();
        try {
          node.put(key, Double.parseDouble(value));
        } catch (NumberFormatException e) {
          node.put(key, value);
        }
      }
    }
    try {
      return JSON.treeToValue(node, ExtractRequest.class).toBuilder()
          .geometry(PeerGeometry.parse(geometry))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException(label() + ": " + e.getMessage(), e);
    }
  }

  /** Runs the case on the peer engine and checks the peer's expected value. */
  void run() {
    if (expected.equals("error")) {
      // Refused when the request is read (an unknown statistic) or when it is checked: either way,
      // no answer.
      assertThatThrownBy(() -> PeerEngine.get().extract(request()))
          .as(label())
          .isInstanceOf(RuntimeException.class);
      return;
    }
    ExtractResult result = PeerEngine.get().extract(request()).results().get(0);
    check(result);
  }

  void check(ExtractResult result) {
    String what = label() + " (got " + result.jsonValue() + ", quality " + result.quality() + ")";
    String e = expected.strip();
    if (e.equals("null")) {
      assertThat(result.jsonValue()).as(what).isNull();
    } else if (e.equals("nan")) {
      if (result.jsonValue() != null) {
        assertThat(result.number()).as(what).isPresent();
        assertThat(result.number().getAsDouble()).as(what).isNaN();
      }
    } else if (e.startsWith(">")) {
      assertThat(result.number()).as(what).isPresent();
      assertThat(result.number().getAsDouble())
          .as(what)
          .isGreaterThan(Double.parseDouble(e.substring(1)));
    } else if (e.startsWith("{")) {
      checkMap(what, result.distribution(), e);
    } else if (e.startsWith("matrix[")) {
      checkMatrix(what, result.cells(), e);
    } else if (e.startsWith("[") || e.startsWith("set[")) {
      checkList(what, cells() ? cellValues(result.cells()) : result.values(), e);
    } else {
      assertThat(result.number()).as(what).isPresent();
      assertThat(result.number().getAsDouble())
          .as(what)
          .isCloseTo(Double.parseDouble(e), within(tolerance));
    }
  }

  /**
   * The field of each cell in row-major order, the order exactextract's per-cell outputs come in.
   */
  private List<Double> cellValues(List<Cell> cells) {
    List<Cell> sorted = new ArrayList<>(cells);
    sorted.sort(java.util.Comparator.comparingLong(Cell::row).thenComparingLong(Cell::col));
    List<Double> out = new ArrayList<>();
    for (Cell c : sorted) {
      out.add(
          switch (cellField()) {
            case "value" -> c.value();
            case "coverage" -> c.coverage();
            case "center_x" -> c.centerX();
            case "center_y" -> c.centerY();
            case "cell_id" -> (double) (c.row() * raster().width() + c.col());
            default -> throw new IllegalArgumentException("unknown cells field " + cellField());
          });
    }
    return out;
  }

  private static double[] numbers(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return new double[0];
    }
    return Arrays.stream(t.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  private void checkList(String what, List<Double> got, String e) {
    boolean set = e.startsWith("set[");
    double[] want = numbers(e.substring(e.indexOf('[') + 1, e.lastIndexOf(']')));
    List<Double> g = new ArrayList<>(got);
    if (set) {
      g.sort(null);
      Arrays.sort(want);
    }
    assertThat(g).as(what).hasSize(want.length);
    for (int i = 0; i < want.length; i++) {
      assertThat(g.get(i)).as(what + " [" + i + "]").isCloseTo(want[i], within(tolerance));
    }
  }

  private void checkMap(String what, Map<String, Double> got, String e) {
    String body = e.substring(1, e.lastIndexOf('}')).strip();
    boolean open = body.endsWith("*") && !body.endsWith(":*");
    if (open) {
      body = body.substring(0, body.length() - 1).strip();
    }
    Map<Double, Double> byNumber = new TreeMap<>();
    got.forEach((k, v) -> byNumber.put(Double.parseDouble(k), v));
    Map<Double, String> want = new LinkedHashMap<>();
    for (String kv : body.isEmpty() ? new String[0] : body.split("\\s+")) {
      String[] p = kv.split(":");
      want.put(Double.parseDouble(p[0]), p[1]);
    }
    for (Map.Entry<Double, String> w : want.entrySet()) {
      assertThat(byNumber).as(what + " has class " + w.getKey()).containsKey(w.getKey());
      if (!w.getValue().equals("*")) {
        assertThat(byNumber.get(w.getKey()))
            .as(what + " class " + w.getKey())
            .isCloseTo(Double.parseDouble(w.getValue()), within(tolerance));
      }
    }
    if (!open) {
      assertThat(byNumber.keySet())
          .as(what + " classes")
          .containsExactlyInAnyOrderElementsOf(want.keySet());
    }
  }

  /**
   * exactextract's {@code raster_cell_intersection} matrix covers the raster cells of the
   * geometry's bounding box; its first row and column are found from that box and the raster's
   * grid.
   */
  private void checkMatrix(String what, List<Cell> got, String e) {
    String[] rows = e.substring(e.indexOf('[') + 1, e.lastIndexOf(']')).split(";");
    double[][] m = Arrays.stream(rows).map(PeerCase::numbers).toArray(double[][]::new);
    PeerRasters.Spec r = raster();
    double[] box = bbox(PeerGeometry.parse(geometry));
    long col0 = Math.max(0, (long) Math.floor((box[0] - r.x0()) / r.cellWidth()));
    long row0 = Math.max(0, (long) Math.floor((r.y0() - box[3]) / r.cellHeight()));
    Map<String, Double> byCell = new LinkedHashMap<>();
    for (Cell c : got) {
      byCell.merge(c.row() + "," + c.col(), c.coverage(), Double::sum);
    }
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        String key = (row0 + i) + "," + (col0 + j);
        double have = byCell.getOrDefault(key, 0.0);
        assertThat(have).as(what + " cell (row, col) " + key).isCloseTo(m[i][j], within(tolerance));
        byCell.remove(key);
      }
    }
    byCell.values().removeIf(v -> Math.abs(v) <= tolerance);
    if (!byCell.isEmpty()) {
      fail(what + ": cells outside the peer's matrix: " + byCell);
    }
  }

  /**
   * @return xmin, ymin, xmax, ymax of every position of the geometry, whatever its type
   */
  private static double[] bbox(Geometry g) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    visit(JSON.valueToTree(g), b);
    return b;
  }

  private static void visit(JsonNode node, double[] b) {
    if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
      b[0] = Math.min(b[0], node.get(0).asDouble());
      b[1] = Math.min(b[1], node.get(1).asDouble());
      b[2] = Math.max(b[2], node.get(0).asDouble());
      b[3] = Math.max(b[3], node.get(1).asDouble());
    } else {
      node.forEach(child -> visit(child, b));
    }
  }
}
