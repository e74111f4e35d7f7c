package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Int64 and UInt64 values travel as exact JSON integers: 2^53 + 1 is not sent as the double 2^53,
 * nor 2^64 − 5 as 1.8446744073709552E19. The rasters are copies of the engine's {@code
 * geotiff/int64} fixtures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Int64JsonTest {

  RunningServer running;

  @BeforeAll
  void start() throws Exception {
    Path dir = Files.createTempDirectory("terrace-int64");
    StringBuilder datasets = new StringBuilder();
    for (String name : new String[] {"i64_deflate_p2_tiled", "u64_deflate_p2_tiled"}) {
      Path tif = dir.resolve(name + ".tif");
      try (var in = Int64JsonTest.class.getResourceAsStream("/int64/" + name + ".tif")) {
        Files.copy(in, tif);
      }
      datasets
          .append(datasets.isEmpty() ? "" : ",")
          .append("{\"name\":\"")
          .append(name.substring(0, 3))
          .append("\",\"path\":\"")
          .append(tif.getFileName())
          .append("\",\"data_type\":\"categorical\"}");
    }
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"wide\",\"protocol\":\"cog\",\"datasets\":["
            + datasets
            + "]}]}");
    running = RunningServer.start(b -> b.catalog(catalog));
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  private String value(String body) throws Exception {
    HttpResponse<String> r = running.post("/v1/op/extract", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode value =
        Json.MAPPER
            .readerFor(JsonNode.class)
            .with(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .readTree(r.body())
            .path("results")
            .get(0)
            .path("value");
    assertThat(value.isIntegralNumber() || value.isContainerNode()).as(r.body()).isTrue();
    return value.toString();
  }

  private static String point(double lon, double lat, String dataset) {
    return "{\"geometry\":{\"type\":\"Point\",\"coordinates\":["
        + lon
        + ","
        + lat
        + "]},\"dataset_ids\":[\""
        + dataset
        + "\"]}";
  }

  private static String polygon(String dataset, String aggregation) {
    return "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10.013,49.987],[10.187,49.973],[10.164,49.873],"
        + "[10.092,49.902],[10.021,49.861],[10.013,49.987]]]},\"dataset_ids\":[\""
        + dataset
        + "\"],"
        + "\"aggregation\":\""
        + aggregation
        + "\",\"pixel_rule\":\"center\"}";
  }

  /**
   * Cell (col 2, row 0) of each file, as expected_points.csv of the engine's fixtures has it from
   * GDAL.
   */
  @Test
  void aPointValueIsTheExactInteger() throws Exception {
    assertThat(value(point(10.025, 49.995, "wide:i64"))).isEqualTo("9007199254740993");
    assertThat(value(point(10.025, 49.995, "wide:u64"))).isEqualTo("18446744073709551611");
  }

  /** The "left" polygon of expected_zonal.csv, centre rule. */
  @Test
  void zonalMinMaxMajorityAndClassesAreExactIntegers() throws Exception {
    assertThat(value(polygon("wide:i64", "min"))).isEqualTo("-9223372036854775808");
    assertThat(value(polygon("wide:i64", "majority"))).isEqualTo("9007199254740991");
    assertThat(value(polygon("wide:u64", "max"))).isEqualTo("18446744073709551615");
    assertThat(value(polygon("wide:u64", "unique")))
        .isEqualTo(
            "[0,9223372036854775808,9223372036854775809,"
                + "18446744073709551611,18446744073709551613,18446744073709551615]");
    assertThat(new BigInteger(value(polygon("wide:i64", "majority"))))
        .isEqualTo(BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE));
  }
}
