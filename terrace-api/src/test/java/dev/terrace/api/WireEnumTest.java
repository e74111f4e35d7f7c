package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireEnumTest {

  @Test
  void pixelRuleReadsWireNamesIgnoringCase() {
    assertThat(PixelRule.of("exact")).isEqualTo(PixelRule.EXACT);
    assertThat(PixelRule.of("CENTER")).isEqualTo(PixelRule.CENTER);
    assertThat(PixelRule.of(" All_Touched ")).isEqualTo(PixelRule.ALL_TOUCHED);
    assertThat(PixelRule.ALL_TOUCHED.wireName()).isEqualTo("all_touched");
    assertThat(PixelRule.ALL_TOUCHED).hasToString("all_touched");
  }

  @Test
  void pixelRuleErrorsListTheValidValues() {
    assertThatThrownBy(() -> PixelRule.of("alltouched"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown pixel_rule 'alltouched'; expected one of: exact, center, all_touched");
    assertThatThrownBy(() -> PixelRule.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing pixel_rule; expected one of: exact, center, all_touched");
    assertThatThrownBy(() -> PixelRule.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exact, center, all_touched");
  }

  @Test
  void otherEnumsUseLowerCaseWireNames() {
    for (Quality q : Quality.values()) {
      assertThat(Quality.of(q.wireName().toUpperCase(java.util.Locale.ROOT))).isEqualTo(q);
    }
    assertThat(Protocol.of("netcdf")).isEqualTo(Protocol.NETCDF);
    assertThat(Protocol.of("COG_TILES")).isEqualTo(Protocol.COG_TILES);
    assertThat(DataType.of("Categorical")).isEqualTo(DataType.CATEGORICAL);
    assertThat(ErrorType.of("rate_limited")).isEqualTo(ErrorType.RATE_LIMITED);
    assertThatThrownBy(() -> Quality.of("bad"))
        .hasMessageContaining("good, partial, missing, suspect, degraded, estimated");
    assertThatThrownBy(() -> Protocol.of("s3")).hasMessageContaining("cog, cog_tiles, netcdf");
    assertThatThrownBy(() -> DataType.of("discrete"))
        .hasMessageContaining("continuous, categorical");
  }

  @Test
  void errorTypesCarryTheirStatus() {
    assertThat(ErrorType.VALIDATION_ERROR.status()).isEqualTo(422);
    assertThat(ErrorType.REQUEST_LIMIT.status()).isEqualTo(422);
    assertThat(ErrorType.UNAUTHORIZED.status()).isEqualTo(401);
    assertThat(ErrorType.FORBIDDEN.status()).isEqualTo(403);
    assertThat(ErrorType.NOT_FOUND.status()).isEqualTo(404);
    assertThat(ErrorType.RATE_LIMITED.status()).isEqualTo(429);
    assertThat(ErrorType.UPSTREAM_ERROR.status()).isEqualTo(502);
    assertThat(ErrorType.INTERNAL_ERROR.status()).isEqualTo(500);
    assertThat(ErrorType.NOT_FOUND.typeUri()).isEqualTo("/problems/not_found");
  }

  @Test
  void timeRangeParse() {
    assertThat(TimeRange.parse("2020-01/2020-06")).isEqualTo(new TimeRange("2020-01", "2020-06"));
    assertThat(TimeRange.parse(" 2020-01-01T00:00:00Z / 2020-12-31T23:59:59Z "))
        .isEqualTo(TimeRange.of("2020-01-01T00:00:00Z", "2020-12-31T23:59:59Z"));
    assertThat(TimeRange.of("2020-01", "2020-06")).hasToString("2020-01/2020-06");
    // Open ends: ISO 8601's "..", or nothing.
    assertThat(TimeRange.parse("2020-01/.."))
        .isEqualTo(TimeRange.from("2020-01"))
        .hasToString("2020-01/..");
    assertThat(TimeRange.parse("/2020-06")).isEqualTo(TimeRange.until("2020-06"));
    assertThat(TimeRange.parse("2020-01/")).isEqualTo(new TimeRange("2020-01", null));
    assertThat(TimeRange.of(" ", "2020").start()).isNull();
    for (String bad : new String[] {"2020-01", "a/b/c", ""}) {
      assertThatThrownBy(() -> TimeRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("time_range");
    }
    assertThatThrownBy(() -> TimeRange.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeRange.from(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void temporalAggregationNames() {
    assertThat(TemporalAggregation.of("SUM")).isEqualTo(TemporalAggregation.SUM);
    assertThat(TemporalAggregation.MEAN.wireName()).isEqualTo("mean");
    assertThatThrownBy(() -> TemporalAggregation.of("median"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("temporal_aggregation");
  }
}
