package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The API declares what may be null: nothing unless marked, and the members optional on the wire
 * marked.
 */
class NullnessTest {

  private static List<String> nullableComponents(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> c.getAnnotatedType().isAnnotationPresent(Nullable.class))
        .map(RecordComponent::getName)
        .toList();
  }

  @Test
  void thePackagesAreNullMarked() {
    assertThat(ExtractResult.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
    assertThat(Point.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
  }

  @Test
  void theMembersAResultMayLackAreNullable() {
    assertThat(nullableComponents(ExtractResult.class))
        .containsExactly(
            "value",
            "units",
            "coverageFraction",
            "resolutionM",
            "timestamp",
            "temporalAggregation",
            "crs");
    assertThat(nullableComponents(TimeRange.class)).containsExactly("start", "end");
    assertThat(nullableComponents(Feature.class)).containsExactly("geometry");
    assertThat(nullableComponents(ExtractRequest.class))
        .containsExactly(
            "geometry",
            "timeRange",
            "temporalAggregation",
            "minCoverageFrac",
            "defaultValue",
            "weights",
            "defaultWeight",
            "coverageWeight",
            "tie");
  }

  @Test
  void accessorsThatMayAnswerNullSayIt() throws Exception {
    AnnotatedType timeInterval =
        ExtractResult.class.getMethod("timeInterval").getAnnotatedReturnType();
    assertThat(timeInterval.isAnnotationPresent(Nullable.class)).isTrue();
    AnnotatedType number = ExtractResult.class.getMethod("number").getAnnotatedReturnType();
    assertThat(number.isAnnotationPresent(Nullable.class)).isFalse();
  }
}
