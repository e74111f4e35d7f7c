package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invalid and very wide polygons on the built-in {@code lux:elevation}, alone and in a batch. */
class InvalidGeometryExtractionTest {

  private static final double[][] BOX = {{5, 49}, {7, 49}, {7, 51}, {5, 51}, {5, 49}};
  private static final double[][] BOWTIE = {{5, 49}, {7, 51}, {7, 49}, {5, 51}, {5, 49}};

  /** The mean of the 2° box around Luxembourg, which holds the whole raster. */
  private static final double LUX_MEAN = 348.3365885416667;

  private static Terrace engine;

  @BeforeAll
  static void open() {
    engine = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static ExtractResponse extract(ExtractRequest.Builder b) {
    return engine.extract(b.datasets("lux:elevation").build());
  }

  @Test
  void aBowtieIsRefusedRatherThanAnsweredNull() {
    assertThatThrownBy(() -> extract(ExtractRequest.builder().geometry(Polygon.of(BOWTIE))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.fieldErrors())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.path()).isEqualTo("geometry.coordinates[0]");
                        assertThat(f.msg()).contains("Self-intersection at [6.0, 50.0]");
                      });
            });
  }

  @Test
  void aRepairedBowtieIsMeasuredWithAWarning() {
    ExtractResponse r = extract(ExtractRequest.builder().geometry(Polygon.of(BOWTIE)).repair(true));
    assertThat(r.results().get(0).jsonValue()).isNotNull();
    assertThat(r.results().get(0).pixelCount()).isPositive();
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("GeometryFixer"));
  }

  @Test
  void aHoleOutsideItsShellIsRefused() {
    double[][] hole = {{20, 20}, {21, 20}, {21, 21}, {20, 21}, {20, 20}};
    assertThatThrownBy(
            () ->
                extract(
                    ExtractRequest.builder().geometry(new Polygon(new double[][][] {BOX, hole}))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.fieldErrors().get(0).path()).isEqualTo("geometry.coordinates[1]"));
  }

  @Test
  void wideBoxesWhoseEdgesAreAtMost180DegreesAreThePlanarBoxes() {
    double[][] wide200 = {{-94, 49}, {6, 49}, {106, 49}, {106, 51}, {6, 51}, {-94, 51}, {-94, 49}};
    double[][] wide340 = {
      {-164, 49}, {6, 49}, {176, 49}, {176, 51}, {6, 51}, {-164, 51}, {-164, 49}
    };
    for (double[][] ring : List.of(BOX, wide200, wide340)) {
      var r = extract(ExtractRequest.builder().geometry(Polygon.of(ring))).results().get(0);
      assertThat(r.jsonValue()).isEqualTo(LUX_MEAN);
      assertThat(r.pixelCount()).isEqualTo(4608);
    }
  }

  @Test
  void inABatchAnInvalidPolygonFailsOnlyItsOwnEntry() {
    BatchExtractResponse r =
        engine.batchExtract(
            BatchExtractRequest.builder()
                .geometry(Polygon.of(BOX), Polygon.of(BOWTIE), Polygon.of(BOX))
                .datasets("lux:elevation")
                .build());
    assertThat(r.responses()).hasSize(3);
    assertThat(r.responses().get(0).results().get(0).jsonValue()).isEqualTo(LUX_MEAN);
    assertThat(r.responses().get(2).results().get(0).jsonValue()).isEqualTo(LUX_MEAN);
    ExtractResponse failed = r.responses().get(1);
    assertThat(failed.results()).isEmpty();
    assertThat(failed.error()).isNotNull();
    assertThat(failed.error().type()).isEqualTo("validation_error");
    assertThat(failed.error().message())
        .startsWith("geometries[1].coordinates[0]: ")
        .contains("Self-intersection");
    assertThat((List<?>) failed.error().detail())
        .singleElement()
        .isInstanceOfSatisfying(
            FieldError.class, f -> assertThat(f.type()).isEqualTo("invalid_geometry"));
    assertThat(r.totalGeometries()).isEqualTo(3);
    assertThat(r.totalResults()).isEqualTo(2);
  }

  @Test
  void inABatchARepairedPolygonIsAnswered() {
    BatchExtractResponse r =
        engine.batchExtract(
            BatchExtractRequest.builder()
                .geometry(Polygon.of(BOWTIE))
                .datasets("lux:elevation")
                .repair(true)
                .build());
    assertThat(r.responses().get(0).error()).isNull();
    assertThat(r.responses().get(0).warnings())
        .anySatisfy(w -> assertThat(w).contains("GeometryFixer"));
  }

  @Test
  void aMalformedGeometryStillRefusesTheBatch() {
    double[][] open = {{5, 49}, {7, 49}, {7, 51}, {5, 51}};
    assertThatThrownBy(
            () ->
                engine.batchExtract(
                    BatchExtractRequest.builder()
                        .geometry(Polygon.of(BOX), new Polygon(new double[][][] {open}))
                        .datasets("lux:elevation")
                        .build()))
        .isInstanceOf(InvalidRequestException.class);
  }
}
