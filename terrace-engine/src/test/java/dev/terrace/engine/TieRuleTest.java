package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Tie;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tie}: which of the values sharing the largest (smallest) weight {@code majority} ({@code
 * minority}) answers, on a six-cell Int16 raster and on the Int64 fixture, whose tied classes
 * doubles cannot tell apart.
 */
class TieRuleTest {

  /** One row of six cells of 0.01° from (10, 50): 3 and 7 twice each, 5 and 9 once each. */
  private static final double[] ROW = {3, 3, 7, 7, 5, 9};

  private static final long P53 = 1L << 53;

  private static Terrace terrace;

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes.tif");
    SyntheticGeoTiff.builder(6, 1)
        .sampleType(TiffSampleType.INT16)
        .geographic()
        .origin(10, 50)
        .cellSize(0.01)
        .values((col, row) -> ROW[col])
        .write(classes);
    Path wide =
        Path.of(TieRuleTest.class.getResource("/geotiff/int64/i64_none_strip5.tif").toURI());
    ObjectMapper json = new ObjectMapper();
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"tie\",\"protocol\":\"cog\",\"datasets\":["
            + "{\"name\":\"classes\",\"path\":"
            + json.writeValueAsString(classes.toString())
            + ",\"data_type\":\"categorical\"},"
            + "{\"name\":\"wide\",\"path\":"
            + json.writeValueAsString(wide.toString())
            + ",\"data_type\":\"categorical\"}]}]}");
    terrace = Terrace.embedded(catalog);
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static Object value(
      String dataset, Polygon zone, PixelRule rule, Aggregation aggregation, Tie tie) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(zone)
                .datasets(dataset)
                .pixelRule(rule)
                .aggregation(aggregation)
                .tie(tie)
                .build())
        .results()
        .get(0)
        .jsonValue();
  }

  @Test
  void lowestIsTheDefaultAndHighestTakesTheLargestTiedClass() {
    // The centre rule counts each cell once; the exact rule, on a polygon enclosing the row, covers
    // each wholly.
    Polygon centres = Polygon.rectangle(10.001, 49.991, 10.059, 49.999);
    Polygon enclosing = Polygon.rectangle(9.99, 49.98, 10.07, 50.01);
    for (PixelRule rule : new PixelRule[] {PixelRule.CENTER, PixelRule.EXACT}) {
      Polygon zone = rule == PixelRule.CENTER ? centres : enclosing;
      for (Tie lowest : new Tie[] {null, Tie.LOWEST}) {
        assertThat(value("tie:classes", zone, rule, Aggregation.MAJORITY, lowest))
            .as(rule + " " + lowest)
            .isEqualTo(3.0);
        assertThat(value("tie:classes", zone, rule, Aggregation.MINORITY, lowest))
            .as(rule + " " + lowest)
            .isEqualTo(5.0);
      }
      assertThat(value("tie:classes", zone, rule, Aggregation.MAJORITY, Tie.HIGHEST))
          .as(rule.wireName())
          .isEqualTo(7.0);
      assertThat(value("tie:classes", zone, rule, Aggregation.MINORITY, Tie.HIGHEST))
          .as(rule.wireName())
          .isEqualTo(9.0);
    }
  }

  @Test
  void int64TiesAreDecidedOnTheExactIntegers() {
    // Rows 0 and 1, columns 11 to 14 hold 2^53 + (3·row + col) % 5 - 1: 2^53, 2^53 + 1 and 2^53 + 3
    // twice each,
    // 2^53 - 1 and 2^53 + 2 once. As doubles 2^53 + 1 would join 2^53 and make it the one majority.
    Polygon zone = Polygon.rectangle(10.111, 49.981, 10.149, 49.999);
    assertThat(value("tie:wide", zone, PixelRule.CENTER, Aggregation.MAJORITY, Tie.LOWEST))
        .isEqualTo(P53);
    assertThat(value("tie:wide", zone, PixelRule.CENTER, Aggregation.MAJORITY, Tie.HIGHEST))
        .isEqualTo(P53 + 3);
    assertThat(value("tie:wide", zone, PixelRule.CENTER, Aggregation.MINORITY, Tie.LOWEST))
        .isEqualTo(P53 - 1);
    assertThat(value("tie:wide", zone, PixelRule.CENTER, Aggregation.MINORITY, Tie.HIGHEST))
        .isEqualTo(P53 + 2);
  }
}
