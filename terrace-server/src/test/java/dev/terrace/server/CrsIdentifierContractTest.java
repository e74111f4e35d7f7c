package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over HTTP, {@code crs} (or its alias {@code target_crs}) takes every standard form of a known
 * code and answers 200; anything else is a 422 naming the field the request used, never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrsIdentifierContractTest {

  private static final String EXTRACT = "/v1/op/extract";
  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}";

  RunningServer running;

  @BeforeAll
  void start() {
    running = RunningServer.start(b -> b.rateLimit(0, 1));
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  private HttpResponse<String> extract(String field, String crs) {
    return running.post(
        EXTRACT, HostileInputTest.extract(POINT, ",\"" + field + "\":\"" + crs + "\""));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "OGC:CRS84",
        "urn:ogc:def:crs:EPSG::4326",
        "urn:ogc:def:crs:OGC:1.3:CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/4326",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
      })
  void standardFormsAnswerAsEpsg4326Does(String crs) throws Exception {
    HttpResponse<String> reference = extract("crs", "EPSG:4326");
    assertThat(reference.statusCode()).as(reference.body()).isEqualTo(200);
    for (String field : new String[] {"crs", "target_crs"}) {
      HttpResponse<String> r = extract(field, crs);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(HostileInputTest.json(r).path("results").path(0).path("value"))
          .isEqualTo(HostileInputTest.json(reference).path("results").path(0).path("value"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"FOO:1", "+init=epsg:4326", "file:///etc/passwd", "EPSG:999999"})
  void anythingElseIsA422NamingTheFieldUsed(String crs) throws Exception {
    HostileInputTest.assertProblem(extract("crs", crs), 422, "validation_error", "crs");
    HttpResponse<String> alias = extract("target_crs", crs);
    HostileInputTest.assertProblem(alias, 422, "validation_error", "target_crs");
    assertThat(alias.body()).doesNotContain("\"crs\"");
  }
}
