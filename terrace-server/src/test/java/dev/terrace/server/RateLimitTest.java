package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Token buckets per key: headers on every API response, 429 with Retry-After when a key runs dry.
 */
class RateLimitTest {

  @Test
  void everyResponseCarriesTheLimitAndTheFourthRequestOfABurstOfThreeIs429() throws Exception {
    try (RunningServer running = RunningServer.start(b -> b.rateLimit(0.01, 3))) {
      for (int remaining = 2; remaining >= 0; remaining--) {
        HttpResponse<String> r = running.get("/api/v1/providers");
        assertThat(r.statusCode()).isEqualTo(200);
        // 0.01 per second is one request per 100 s
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).contains("1");
        assertThat(r.headers().firstValue("RateLimit-Policy")).contains("\"default\";q=1;w=100");
        assertThat(r.headers().firstValue("X-RateLimit-Remaining"))
            .contains(Integer.toString(remaining));
        String reset = r.headers().firstValue("X-RateLimit-Reset").orElseThrow();
        assertThat(Long.parseLong(reset)).isPositive();
        assertThat(r.headers().firstValue("RateLimit"))
            .contains("\"default\";r=" + remaining + ";t=" + reset);
      }
      HttpResponse<String> refused = running.post("/v1/op/extract", AuthContract.POINT);
      AuthContract.assertProblem(refused, 429, "rate_limited");
      // one token comes back every 100 s at 0.01 per second
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(90L, 100L);
      assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
      assertThat(running.get("/health").statusCode())
          .as("probes are not rate limited")
          .isEqualTo(200);
    }
  }

  /** The limit is the sustained rate, not the burst a caller may spend at once. */
  @Test
  void theLimitIsTheRateAndThePolicyFollowsTheRateLimitHeadersDraft() throws Exception {
    try (RunningServer running = RunningServer.start(b -> b.rateLimit(50, 100))) {
      HttpResponse<String> r = running.get("/api/v1/providers");
      assertThat(r.headers().firstValue("X-RateLimit-Limit")).contains("50");
      assertThat(r.headers().firstValue("X-RateLimit-Remaining")).contains("99");
      assertThat(r.headers().firstValue("RateLimit-Policy")).contains("\"default\";q=50;w=1");
      assertThat(r.headers().firstValue("RateLimit"))
          .hasValueSatisfying(v -> assertThat(v).matches("\"default\";r=99;t=\\d+"));
    }
    try (RunningServer running = RunningServer.start(b -> b.rateLimit(2.5, 5))) {
      assertThat(running.get("/api/v1/providers").headers().firstValue("RateLimit-Policy"))
          .contains("\"default\";q=5;w=2");
    }
  }

  @Test
  void eachKeyHasItsOwnBucket() throws Exception {
    try (RunningServer running = RunningServer.start(b -> b.auth(true).rateLimit(0.01, 2))) {
      ApiKeyStore keys = new ApiKeyStore(running.server.database());
      String a = keys.create("a", EnumSet.of(Scope.CATALOG_READ)).secret();
      String b = keys.create("b", EnumSet.of(Scope.CATALOG_READ)).secret();
      running.get("/api/v1/providers", "X-API-Key", a);
      running.get("/api/v1/providers", "X-API-Key", a);
      assertThat(running.get("/api/v1/providers", "X-API-Key", a).statusCode()).isEqualTo(429);
      HttpResponse<String> other = running.get("/api/v1/providers", "X-API-Key", b);
      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.headers().firstValue("X-RateLimit-Remaining")).contains("1");
    }
  }
}
