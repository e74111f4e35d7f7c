package dev.terrace.engine.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Polygon;
import org.junit.jupiter.api.Test;

/**
 * How request polygons are read: the antimeridian rule, polar rings, and invalid polygons refused
 * or repaired.
 */
class GeometryReaderTest {

  private static RequestGeometry read(boolean repair, double[][]... rings) {
    return GeometryReader.read(new Polygon(rings), 10_000, true, repair, "geometry");
  }

  private static FieldError refusal(double[][]... rings) {
    InvalidRequestException e =
        catchThrowableOfType(InvalidRequestException.class, () -> read(false, rings));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.fieldErrors()).hasSize(1);
    return e.fieldErrors().get(0);
  }

  @Test
  void aBandFromMinus180To180IsTheFullWidthBandInEitherWinding() {
    double[][] ccw = {{-180, 66}, {180, 66}, {180, 72}, {-180, 72}, {-180, 66}};
    double[][] cw = {{-180, 66}, {-180, 72}, {180, 72}, {180, 66}, {-180, 66}};
    for (double[][] ring : new double[][][] {ccw, cw}) {
      RequestGeometry g = read(false, ring);
      assertThat(g.geometry().getArea()).isCloseTo(360 * 6, within(1e-9));
      assertThat(g.geometry().getEnvelopeInternal().getWidth()).isEqualTo(360);
      assertThat(g.warnings()).isEmpty();
    }
  }

  @Test
  void aRingAroundThePoleClosedAlongTheAntimeridianIsThePlanarBand() {
    RequestGeometry g =
        read(
            false,
            new double[][] {
              {-180, 66}, {-90, 66}, {0, 66}, {90, 66}, {180, 66}, {180, 72}, {-180, 72}, {-180, 66}
            });
    assertThat(g.geometry().getArea()).isCloseTo(360 * 6, within(1e-9));
  }

  @Test
  void aRingCrossingAnOddNumberOfTimesIsReadAsWrittenAndRefusedOnlyIfInvalidAsSuch() {
    // 120 -> -120 is the only crossing; written planar the ring runs back over itself.
    FieldError e = refusal(new double[][] {{0, 66}, {120, 66}, {-120, 72}, {0, 72}, {0, 66}});
    assertThat(e.type()).isEqualTo(GeometryReader.INVALID_GEOMETRY);
    assertThat(e.path()).isEqualTo("geometry.coordinates[0]");
    RequestGeometry g = read(false, new double[][] {{0, 66}, {120, 67}, {-120, 68}, {0, 66}});
    assertThat(g.geometry().getEnvelopeInternal().getWidth())
        .as("the triangle as written")
        .isEqualTo(240);
    assertThat(g.warnings()).singleElement().asString().contains("odd number of times");
  }

  @Test
  void onlyAnEdgeLongerThan180DegreesCrossesTheAntimeridianWhateverTheWidth() {
    RequestGeometry wide =
        read(
            false,
            new double[][] {
              {-100, 40}, {0, 40}, {100, 40}, {100, 60}, {0, 60}, {-100, 60}, {-100, 40}
            });
    assertThat(wide.geometry().getArea())
        .as("the 200-degree box")
        .isCloseTo(200 * 20, within(1e-9));
    RequestGeometry widest =
        read(
            false,
            new double[][] {
              {-170, 40}, {0, 40}, {170, 40}, {170, 60}, {0, 60}, {-170, 60}, {-170, 40}
            });
    assertThat(widest.geometry().getArea())
        .as("the 340-degree box")
        .isCloseTo(340 * 20, within(1e-9));
    RequestGeometry crossing =
        read(false, new double[][] {{-100, 40}, {100, 40}, {100, 60}, {-100, 60}, {-100, 40}});
    assertThat(crossing.geometry().getArea())
        .as("edges of 200 degrees cross: the 160-degree box")
        .isCloseTo(160 * 20, within(1e-9));
    assertThat(crossing.geometry().getNumGeometries()).isEqualTo(2);
  }

  @Test
  void aBowtieIsRefusedNamingItsRingAndTheSelfIntersection() {
    FieldError e = refusal(new double[][] {{5, 49}, {7, 51}, {7, 49}, {5, 51}, {5, 49}});
    assertThat(e.type()).isEqualTo(GeometryReader.INVALID_GEOMETRY);
    assertThat(e.path()).isEqualTo("geometry.coordinates[0]");
    assertThat(e.msg()).contains("Self-intersection at [6.0, 50.0]").contains("\"repair\": true");
  }

  @Test
  void aHoleOutsideItsShellIsRefusedNamingTheHole() {
    FieldError e =
        refusal(
            new double[][] {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
            new double[][] {{10, 10}, {11, 10}, {11, 11}, {10, 11}, {10, 10}});
    assertThat(e.path()).isEqualTo("geometry.coordinates[1]");
    assertThat(e.msg()).contains("Hole lies outside shell");
  }

  @Test
  void aHoleAroundItsShellIsRefusedNamingTheHole() {
    FieldError e =
        refusal(
            new double[][] {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}},
            new double[][] {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}});
    assertThat(e.path()).isEqualTo("geometry.coordinates[1]");
    assertThat(e.type()).isEqualTo(GeometryReader.INVALID_GEOMETRY);
  }

  @Test
  void repairMendsABowtieIntoItsTwoTrianglesAndSaysSo() {
    RequestGeometry g = read(true, new double[][] {{5, 49}, {7, 51}, {7, 49}, {5, 51}, {5, 49}});
    assertThat(g.geometry().isValid()).isTrue();
    assertThat(g.geometry().getArea()).isCloseTo(2, within(1e-12));
    assertThat(g.warnings())
        .singleElement()
        .asString()
        .startsWith("geometry.coordinates[0]: ")
        .contains("Self-intersection")
        .contains("GeometryFixer");
  }

  @Test
  void overlappingPartsOfAMultipolygonAreReadWithAWarningNotRefused() {
    double[][][] a = {{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}};
    double[][][] b = {{{1, 1}, {3, 1}, {3, 3}, {1, 3}, {1, 1}}};
    RequestGeometry g =
        GeometryReader.read(
            new MultiPolygon(new double[][][][] {a, b}), 1000, true, false, "geometry");
    assertThat(g.geometry().getNumGeometries()).isEqualTo(2);
    assertThat(g.warnings()).singleElement().asString().contains("overlap").contains("union");
  }
}
