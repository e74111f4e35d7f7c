package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AggregationTest {

  @Test
  void parsesEveryNameIgnoringCase() {
    for (String name : Aggregation.NAMES) {
      if (name.equals("percentile")) {
        continue;
      }
      Aggregation a = Aggregation.parse(name.toUpperCase(java.util.Locale.ROOT));
      assertThat(a.name()).isEqualTo(name);
      assertThat(a.percentile()).isEmpty();
      assertThat(a).hasToString(name);
    }
    assertThat(Aggregation.parse("  Mean ")).isEqualTo(Aggregation.MEAN);
  }

  @Test
  void constantsAreTheParsedNames() {
    assertThat(Aggregation.parse("mean")).isEqualTo(Aggregation.MEAN);
    assertThat(Aggregation.parse("sum")).isEqualTo(Aggregation.SUM);
    assertThat(Aggregation.parse("count")).isEqualTo(Aggregation.COUNT);
    assertThat(Aggregation.parse("min")).isEqualTo(Aggregation.MIN);
    assertThat(Aggregation.parse("max")).isEqualTo(Aggregation.MAX);
    assertThat(Aggregation.parse("std")).isEqualTo(Aggregation.STD);
    assertThat(Aggregation.parse("median")).isEqualTo(Aggregation.MEDIAN);
    assertThat(Aggregation.parse("majority")).isEqualTo(Aggregation.MAJORITY);
    assertThat(Aggregation.parse("minority")).isEqualTo(Aggregation.MINORITY);
    assertThat(Aggregation.parse("variety")).isEqualTo(Aggregation.VARIETY);
    assertThat(Aggregation.parse("unique")).isEqualTo(Aggregation.UNIQUE);
    assertThat(Aggregation.parse("distribution")).isEqualTo(Aggregation.DISTRIBUTION);
    assertThat(Aggregation.UNIQUE.isNumeric()).isFalse();
    assertThat(Aggregation.DISTRIBUTION.isNumeric()).isFalse();
    assertThat(Aggregation.CELLS.isNumeric()).isFalse();
    assertThat(Aggregation.MAJORITY.isNumeric()).isTrue();
  }

  @Test
  void aKindCarriesTheWireNameAndTheParameterOnlyForPercentile() {
    assertThat(Aggregation.NAMES)
        .hasSize(Aggregation.Kind.values().length)
        .startsWith("mean", "sum")
        .endsWith("weighted_frac", "cells");
    assertThat(Aggregation.Kind.COEFFICIENT_OF_VARIATION.wireName())
        .isEqualTo("coefficient_of_variation");
    assertThat(Aggregation.percentile(90).kind()).isEqualTo(Aggregation.Kind.PERCENTILE);
    assertThat(Aggregation.WEIGHTED_FRAC.kind().isWeighted()).isTrue();
    assertThat(Aggregation.Kind.DISTRIBUTION.isWeighted()).isFalse();
    assertThat(Aggregation.WEIGHTED_FRAC.isNumeric()).isFalse();
    assertThatThrownBy(() -> Aggregation.of(Aggregation.Kind.PERCENTILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percentile:P");
  }

  @Test
  void parsesPercentiles() {
    Aggregation p90 = Aggregation.parse("percentile:90");
    assertThat(p90.name()).isEqualTo("percentile");
    assertThat(p90.percentile()).isEqualTo(OptionalDouble.of(90));
    assertThat(p90).hasToString("percentile:90").isEqualTo(Aggregation.percentile(90));
    assertThat(Aggregation.parse("PERCENTILE:2.5")).hasToString("percentile:2.5");
    assertThat(Aggregation.parse("percentile: 2.50")).isEqualTo(Aggregation.percentile(2.5));
    assertThat(Aggregation.parse("percentile:0")).hasToString("percentile:0");
    assertThat(Aggregation.parse("percentile:100")).hasToString("percentile:100");
    assertThat(Aggregation.percentile(99.9)).hasToString("percentile:99.9");
    assertThat(Aggregation.percentile(0.001)).hasToString("percentile:0.001");
    assertThat(Aggregation.parse(Aggregation.percentile(12.345).toString()))
        .isEqualTo(Aggregation.percentile(12.345));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "average",
        "",
        "  ",
        "mean:1",
        "percentile",
        "percentile:",
        "percentile:abc",
        "percentile:-1",
        "percentile:100.5",
        "percentile:NaN",
        "percentile:1e2",
        "percentile:Infinity",
        "percentile:50%",
        "p90"
      })
  void rejectsInvalidNamesNamingTheValidOnes(String value) {
    assertThatThrownBy(() -> Aggregation.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percentile:P")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .satisfiesAnyOf(
                        m -> assertThat(m).contains("mean, sum, count"),
                        m -> assertThat(m).contains("[0, 100]")));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Aggregation.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mean, sum, count, min, max, std, median, percentile:P");
  }

  @Test
  void constructorChecksPercentileRange() {
    assertThatThrownBy(() -> Aggregation.percentile(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 100]");
    assertThatThrownBy(() -> Aggregation.percentile(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Aggregation(Aggregation.Kind.MEAN, OptionalDouble.of(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Aggregation(Aggregation.Kind.PERCENTILE, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Aggregation.of(Aggregation.Kind.MEAN)).isEqualTo(Aggregation.MEAN);
  }
}
