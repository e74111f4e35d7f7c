package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zonal statistics of the fixture polygons (seeded stars, thin rectangles, holes, multipolygons,
 * sub-pixel shapes, polygons half off the raster and wholly outside it) and of the twelve
 * Luxembourg districts, through the public API, against the answers of GDAL rasterize (centre and
 * all-touched rules) and of GEOS coverage fractions (exact rule). The conventions are those of
 * {@code src/test/resources/conformance/README.md}:
 *
 * <ul>
 *   <li>{@code center}: the count must lie in [center_count_lo, center_count_hi] (the polygon
 *       shrunk and grown by 1e-3 px). When it equals GDAL's center_count the other statistics are
 *       over the same cells and must match (1e-9 relative; min, max, majority, minority, variety
 *       exactly; the class distribution to 1e-9). When it differs but stays in the band, the
 *       statistics describe another defensible cell set and are not compared (the case is reported
 *       as aborted, with the two counts).
 *   <li>{@code all_touched}: where touched_geom_diff is 0 the answers must match GDAL's exactly /
 *       to 1e-9; where it is positive (edges along pixel edges) the count may be GDAL's or
 *       exact_ncells, and the statistics are compared only when it is GDAL's.
 *   <li>{@code exact}: coverage-weighted count, sum, mean and std to 1e-9 relative, min and max
 *       (unweighted, over cells with positive coverage) exactly, majority, minority and variety
 *       exactly, the distribution to 1e-9; the pixel count must be exact_ncells.
 *   <li>A statistic listed in the {@code ties} column may be any of the tied classes: for centre
 *       and exact the tie is read from the fixture's class distribution, for all-touched (no
 *       fixture distribution) from the engine's own all-touched distribution.
 *   <li>Zones without a valid cell (polygons outside the raster, over nodata only, or too small to
 *       hold a centre): as exactextract, count, sum and variety 0, distribution and histogram no
 *       class, every other statistic null; quality {@code missing}.
 *   <li>A std of 0 (all values equal) comes out of float64 arithmetic as up to a few ulps of the
 *       values (GEOS weighted std: 7e-15 for values of 63), so std also accepts an absolute
 *       difference of 1e-12 × the largest |value| in the zone.
 *   <li>variance, coefficient_of_variation and range are checked against the fixture's std², std /
 *       mean (null when the mean is 0) and max − min; histogram (class → cells) against its class
 *       fractions times its count.
 * </ul>
 *
 * <p>One batch request per (raster, rule, statistic) with all polygons of the raster.
 */
class PolygonConformanceTest {

  private static final double REL_CELLS = 1e-9;
  private static final double REL_EXACT = 1e-9;
  private static final double STD_FLOOR = 1e-12;

  /**
   * A fixture raster (and band, or variable) with its polygons and expected answers, and the
   * dataset serving it. The fixture rows of a time series (with a {@code time} column) are each
   * compared with the result of the same timestamp, all timestamps coming from one request.
   *
   * @param layer the fixture column and value selecting the rows, {@code band=1} or {@code
   *     variable=pr}
   */
  record Source(
      String name,
      String layer,
      String datasetId,
      String geojson,
      String csv,
      boolean categorical) {

    static Source of(String fixture, int band, String datasetId, boolean categorical) {
      return of(fixture, "band=" + band, datasetId, categorical);
    }

    static Source of(String fixture, String layer, String datasetId, boolean categorical) {
      return new Source(
          fixture,
          layer,
          datasetId,
          "conformance/" + fixture + "_polygons.geojson",
          "conformance/" + fixture + "_polygons_expected.csv",
          categorical);
    }

    boolean selects(Map<String, String> row) {
      return Conformance.selects(layer, row);
    }
  }

  static final List<Source> SOURCES =
      List.of(
          Source.of("elev_lux", 1, "lux:elevation", false),
          Source.of("olinda_dem_utm25s", 1, "olinda:elevation", false),
          Source.of("lc", 1, "pr_landcover:land_cover", true),
          Source.of("L7_ETMs", 1, "landsat_olinda:band1", false),
          Source.of("L7_ETMs", 4, "landsat_olinda:band4", false),
          Source.of("bcsd_obs_1999", "variable=pr", "bcsd:pr", false),
          Source.of("bcsd_obs_1999", "variable=tas", "bcsd:tas", false),
          Source.of("bcsd_obs_1999", "variable=pr", "bcsd_stack:pr", false),
          new Source(
              "lux_districts",
              "band=1",
              "lux:elevation",
              "conformance/lux_districts.geojson",
              "conformance/lux_districts_expected.csv",
              false));

  /** The pixel rules, with the column prefix of the fixtures. */
  enum Rule {
    CENTER("center", PixelRule.CENTER),
    ALL_TOUCHED("touched", PixelRule.ALL_TOUCHED),
    EXACT("exact", PixelRule.EXACT);

    final String prefix;
    final PixelRule wire;

    Rule(String prefix, PixelRule wire) {
      this.prefix = prefix;
      this.wire = wire;
    }

    List<String> statistics(boolean categorical) {
      List<String> out =
          new ArrayList<>(
              List.of(
                  "count",
                  "pixel_count",
                  "sum",
                  "mean",
                  "min",
                  "max",
                  "std",
                  "variance",
                  "coefficient_of_variation",
                  "range"));
      if (this != EXACT) {
        out.add("median");
      }
      if (categorical) {
        out.addAll(List.of("majority", "minority", "variety"));
        if (this != ALL_TOUCHED) {
          out.addAll(List.of("distribution", "histogram"));
        }
      }
      return out;
    }

    double tolerance() {
      return this == EXACT ? REL_EXACT : REL_CELLS;
    }
  }

  /** One statistic of one polygon under one rule. */
  record Case(Source source, Map<String, String> row, Rule rule, String statistic) {

    int id() {
      return Integer.parseInt(row.get("id"));
    }

    String label() {
      String time = row.containsKey("time") ? " " + row.get("time") : "";
      return source.name()
          + " "
          + source.layer()
          + time
          + " #"
          + row.get("id")
          + " "
          + row.get("kind")
          + " "
          + rule.wire.wireName()
          + " "
          + statistic;
    }

    String column(String stat) {
      return rule.prefix + "_" + stat;
    }

    String expected(String stat) {
      return row.get(column(stat));
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Source source : SOURCES) {
      for (Map<String, String> row : Conformance.csv(source.csv())) {
        if (!source.selects(row)) {
          continue;
        }
        for (Rule rule : Rule.values()) {
          for (String statistic : rule.statistics(source.categorical())) {
            Case c = new Case(source, row, rule, statistic);
            out.add(Arguments.of(Named.of(c.label(), c)));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void statisticMatchesGdal(Case c) {
    try {
      check(c);
    } catch (AssertionError e) {
      // Surefire reports parameterized cases by index: name the case in the message.
      throw new AssertionError(c.label() + ": " + e.getMessage(), e);
    }
  }

  private void check(Case c) {
    ExtractResult counted = answer(c, "count");
    assertThat(counted.number())
        .as("count is always a number (0 when nothing is covered)")
        .isPresent();
    double n = counted.number().getAsDouble();
    switch (c.rule()) {
      case CENTER -> checkCenter(c, n);
      case ALL_TOUCHED -> checkTouched(c, n);
      case EXACT -> checkExact(c, counted);
    }
  }

  private void checkCenter(Case c, double n) {
    Map<String, String> row = c.row();
    double lo = Conformance.num(row, "center_count_lo");
    double hi = Conformance.num(row, "center_count_hi");
    double gdal = Conformance.num(row, "center_count");
    String band = "[" + (long) lo + ", " + (long) hi + "] (GDAL " + (long) gdal + ")";
    if (c.statistic().equals("count") || c.statistic().equals("pixel_count")) {
      assertThat(n)
          .as("centre count %s must be a whole number in %s", n, band)
          .isBetween(lo, hi)
          .isEqualTo(Math.rint(n));
      if (c.statistic().equals("pixel_count")) {
        assertThat((double) answer(c, "count").pixelCount())
            .as("pixel_count (= count under the centre rule)")
            .isEqualTo(n);
      }
      if (n == 0) {
        assertThat(answer(c, "count").quality())
            .as("quality of an empty zone")
            .isEqualTo(Quality.MISSING);
      }
      return;
    }
    if (n != gdal && n >= lo && n <= hi) {
      Assumptions.abort(
          c.label()
              + ": centre count "
              + (long) n
              + " is defensible (in "
              + band
              + ") but not GDAL's: "
              + c.statistic()
              + " is over another cell set, not comparable");
    }
    compare(c, gdal);
  }

  private void checkTouched(Case c, double n) {
    Map<String, String> row = c.row();
    double gdal = Conformance.num(row, "touched_count");
    double diff = Conformance.num(row, "touched_geom_diff");
    double ncells = Conformance.num(row, "exact_ncells");
    if (c.statistic().equals("count") || c.statistic().equals("pixel_count")) {
      double value = c.statistic().equals("count") ? n : answer(c, "count").pixelCount();
      if (diff == 0) {
        assertThat(value)
            .as("all-touched %s (GDAL; touched_geom_diff 0)", c.statistic())
            .isEqualTo(gdal);
      } else {
        assertThat(value)
            .as(
                "all-touched %s: GDAL's %s or the c > 0 count %s (touched_geom_diff %s)",
                c.statistic(), gdal, ncells, diff)
            .isIn(gdal, ncells);
      }
      if (n == 0) {
        assertThat(answer(c, "count").quality())
            .as("quality of an empty zone")
            .isEqualTo(Quality.MISSING);
      }
      return;
    }
    if (diff > 0 && n != gdal && n == ncells) {
      Assumptions.abort(
          c.label()
              + ": all-touched count "
              + (long) n
              + " is the c > 0 count (touched_geom_diff "
              + (long) diff
              + "), not GDAL's "
              + (long) gdal
              + ": "
              + c.statistic()
              + " is not comparable");
    }
    compare(c, gdal);
  }

  private void checkExact(Case c, ExtractResult counted) {
    Map<String, String> row = c.row();
    double gdal = Conformance.num(row, "exact_count");
    double ncells = Conformance.num(row, "exact_ncells");
    switch (c.statistic()) {
      case "count" -> {
        near(counted.number(), gdal, REL_EXACT, 0, "exact count (sum of coverage fractions)");
        if (gdal == 0) {
          assertThat(counted.quality()).as("quality of an empty zone").isEqualTo(Quality.MISSING);
        }
      }
      case "pixel_count" ->
          assertThat(counted.pixelCount())
              .as("cells with coverage > 0 (exact_ncells)")
              .isEqualTo((long) ncells);
      default -> compare(c, ncells);
    }
  }

  /**
   * Compares a statistic other than count with the fixture; {@code cells} is the expected number of
   * cells.
   */
  private void compare(Case c, double cells) {
    ExtractResult result = answer(c, c.statistic());
    if (cells == 0) {
      assertThat(result.jsonValue())
          .as("%s of an empty zone", c.statistic())
          .isEqualTo(
              switch (c.statistic()) {
                case "sum", "variety" -> 0.0;
                case "distribution", "histogram" -> Map.of();
                default -> null;
              });
      assertThat(result.quality()).as("quality of an empty zone").isEqualTo(Quality.MISSING);
      return;
    }
    String stat = c.statistic();
    double tol = c.rule().tolerance();
    switch (stat) {
      case "sum", "mean", "median" -> near(result.number(), num(c, stat), tol, 0, stat);
      case "std" -> near(result.number(), num(c, stat), tol, stdFloor(c), stat);
      case "variance" ->
          near(
              result.number(),
              square(num(c, "std")),
              2 * tol,
              square(stdFloor(c)) + 2 * num(c, "std") * stdFloor(c),
              "variance (GDAL's std squared)");
      case "coefficient_of_variation" -> {
        if (num(c, "mean") == 0) {
          assertThat(result.jsonValue())
              .as("coefficient of variation of a zone whose mean is 0")
              .isNull();
        } else {
          near(
              result.number(),
              num(c, "std") / num(c, "mean"),
              2 * tol,
              stdFloor(c) / Math.abs(num(c, "mean")),
              "coefficient of variation (GDAL's std / mean)");
        }
      }
      case "range" ->
          assertThat(result.number())
              .as("range (GDAL's max - min)")
              .hasValue(num(c, "max") - num(c, "min"));
      case "min", "max", "variety" -> assertThat(result.number()).as(stat).hasValue(num(c, stat));
      case "majority", "minority" -> checkClass(c, result);
      case "distribution" -> checkDistribution(c, result);
      case "histogram" -> checkHistogram(c, result, cells);
      default -> throw new IllegalStateException(stat);
    }
  }

  private void checkClass(Case c, ExtractResult result) {
    String stat = c.statistic();
    double expected = num(c, stat);
    assertThat(result.number()).as(stat).isPresent();
    double actual = result.number().getAsDouble();
    if (actual == expected) {
      return;
    }
    Set<String> ties = Set.of(c.row().get("ties").split(";"));
    if (!ties.contains(c.column(stat))) {
      fail("%s: %s, expected %s (no tie recorded)", stat, label(actual), label(expected));
    }
    // A tie: any class whose weight equals the expected class's weight is as good an answer.
    Map<String, Double> weights;
    double tol;
    String source;
    if (c.rule() == Rule.ALL_TOUCHED) {
      weights = answer(c, "distribution").distribution();
      tol = 1e-12;
      source = "the engine's all-touched distribution";
    } else {
      weights = Conformance.fractions(c.expected("frac"));
      tol = c.rule().tolerance();
      source = "the fixture's " + c.column("frac");
    }
    Double a = weights.get(label(actual));
    Double e = weights.get(label(expected));
    assertThat(a)
        .as("%s: %s is not a class of %s %s", stat, label(actual), source, weights)
        .isNotNull();
    assertThat(e)
        .as("%s: expected class %s is not in %s %s", stat, label(expected), source, weights)
        .isNotNull();
    assertThat(Math.abs(a - e))
        .as(
            "%s: %s (share %s) is not tied with GDAL's %s (share %s) in %s",
            stat, label(actual), a, label(expected), e, source)
        .isLessThanOrEqualTo(tol);
  }

  private void checkDistribution(Case c, ExtractResult result) {
    Map<String, Double> expected = Conformance.fractions(c.expected("frac"));
    Map<String, Double> actual = result.distribution();
    assertThat(actual).as("distribution").isNotEmpty();
    Set<String> classes = new TreeSet<>(expected.keySet());
    classes.addAll(actual.keySet());
    List<String> wrong = new ArrayList<>();
    for (String k : classes) {
      double a = actual.getOrDefault(k, 0.0);
      double e = expected.getOrDefault(k, 0.0);
      if (!(Math.abs(a - e) <= c.rule().tolerance())) {
        wrong.add("class " + k + ": " + a + " vs " + e);
      }
    }
    assertThat(wrong).as("distribution %s vs GDAL %s", actual, expected).isEmpty();
  }

  /**
   * The class counts: GDAL's class fractions times its count, cells (centre) or covered area
   * (exact).
   */
  private void checkHistogram(Case c, ExtractResult result, double cells) {
    double count = c.rule() == Rule.EXACT ? Conformance.num(c.row(), "exact_count") : cells;
    Map<String, Double> expected = Conformance.fractions(c.expected("frac"));
    Map<String, Double> actual = result.distribution();
    Set<String> classes = new TreeSet<>(expected.keySet());
    classes.addAll(actual.keySet());
    List<String> wrong = new ArrayList<>();
    for (String k : classes) {
      double a = actual.getOrDefault(k, 0.0);
      double e = expected.getOrDefault(k, 0.0) * count;
      if (!(Math.abs(a - e) <= c.rule().tolerance() * Math.max(1, count))) {
        wrong.add("class " + k + ": " + a + " vs " + e);
      }
    }
    assertThat(wrong)
        .as("histogram %s vs GDAL's fractions %s x %s", actual, expected, count)
        .isEmpty();
  }

  /**
   * A std of 0 comes out of float64 arithmetic as a few ulps of the values: see the class
   * documentation.
   */
  private static double stdFloor(Case c) {
    return STD_FLOOR * Math.max(Math.abs(num(c, "min")), Math.abs(num(c, "max")));
  }

  private static double square(double x) {
    return x * x;
  }

  private static void near(
      OptionalDouble actual, double expected, double rel, double abs, String what) {
    assertThat(actual).as("%s (expected %s)", what, expected).isPresent();
    double a = actual.getAsDouble();
    double diff = Math.abs(a - expected);
    double allowed = Math.max(rel * Math.abs(expected), abs);
    if (!(diff <= allowed)) {
      fail(
          "%s: %s, expected %s (difference %s, relative %s; allowed %s)",
          what,
          a,
          expected,
          diff,
          expected == 0 ? Double.POSITIVE_INFINITY : diff / Math.abs(expected),
          allowed);
    }
  }

  private static double num(Case c, String stat) {
    return Conformance.num(c.row(), c.column(stat));
  }

  private static String label(double classValue) {
    return classValue == Math.rint(classValue)
        ? Long.toString((long) classValue)
        : Double.toString(classValue);
  }

  private static ExtractResult answer(Case c, String aggregation) {
    String agg = aggregation.equals("pixel_count") ? "count" : aggregation;
    String time = c.row().get("time");
    ExtractResult r =
        time == null
            ? Conformance.answers(c.source().datasetId(), c.source().geojson(), c.rule().wire, agg)
                .get(c.id())
            : Conformance.at(
                Conformance.series(c.source().datasetId(), c.source().geojson(), c.rule().wire, agg)
                    .get(c.id()),
                time);
    assertThat(r).as("result for polygon %d", c.id()).isNotNull();
    return r;
  }
}
